import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ComplianceRollupResponse, ComplianceRowResponse } from '@pmo/compliance-model';

/** The program's compliance as JSON (`format=csv` answers the rows as CSV instead). */
export class ProgramComplianceResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: ComplianceRollupResponse })
  summary: ComplianceRollupResponse;

  @ApiProperty({ type: 'object', description: 'Counts per standard key', additionalProperties: { $ref: getSchemaPath(ComplianceRollupResponse) } })
  byStandard: Record<string, ComplianceRollupResponse>;

  @ApiProperty({ type: [ComplianceRowResponse] })
  rows: ComplianceRowResponse[];
}
