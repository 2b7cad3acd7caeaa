import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsUUID } from 'class-validator';

export class SubmitStatusReportDto {
  @ApiProperty({ description: 'The published report-format version the report follows', format: 'uuid' })
  @IsUUID()
  formatVersionId: string;

  @ApiProperty({ description: 'The report, validated against the format’s JSON Schema', type: Object, example: { overallHealth: 'green' } })
  @IsObject()
  report: Record<string, unknown>;
}
