import { ApiProperty } from '@nestjs/swagger';

class ReportValidationError {
  @ApiProperty({ description: 'JSON pointer of the failing value in the report', example: '/health' })
  path: string;

  @ApiProperty({ example: 'must be equal to one of the allowed values' })
  message: string;
}

export class ReportValidationResponse {
  @ApiProperty()
  valid: boolean;

  @ApiProperty({
    type: [ReportValidationError],
    description: 'Every error with its JSON path',
    example: [{ path: '/health', message: 'must be equal to one of the allowed values' }],
  })
  errors: { path: string; message: string }[];
}
