import { ApiProperty } from '@nestjs/swagger';

export class ReportValidationResponse {
  @ApiProperty()
  valid: boolean;

  @ApiProperty({ description: 'Every error with its JSON path', example: [{ path: '/health', message: 'must be equal to one of the allowed values' }] })
  errors: { path: string; message: string }[];
}
