import { ApiProperty } from '@nestjs/swagger';

/** A status report the project submitted (the stored report, as it is answered). */
export class StatusReportResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid', description: 'The report format version it is valid against' })
  formatVersionId: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The report, valid against its format's JSON Schema" })
  report: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: string;
}
