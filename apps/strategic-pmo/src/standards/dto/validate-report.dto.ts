import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class ValidateReportDto {
  @ApiProperty({ description: 'A sample report to check against the report format', type: Object, example: { period: '2027-01-15', health: 'green' } })
  @IsObject()
  report: Record<string, unknown>;
}

class ReportValidationError {
  @ApiProperty({ description: 'JSON pointer of the failing value in the report', example: '/health' })
  path: string;

  @ApiProperty({ example: 'must be equal to one of the allowed values' })
  message: string;
}

export class ReportValidationResponse {
  @ApiProperty()
  valid: boolean;

  @ApiProperty({ type: [ReportValidationError], description: 'Every error with its JSON path', example: [{ path: '/health', message: 'must be equal to one of the allowed values' }] })
  errors: { path: string; message: string }[];
}
