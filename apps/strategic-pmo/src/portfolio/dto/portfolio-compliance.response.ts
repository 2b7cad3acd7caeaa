import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ComplianceRollupResponse, ComplianceRowResponse } from '@pmo/compliance-model';

/** The portfolio's compliance as JSON (`format=csv` answers the rows as CSV instead). */
export class PortfolioComplianceResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: ComplianceRollupResponse })
  summary: ComplianceRollupResponse;

  @ApiProperty({ type: 'object', description: 'Counts per program id', additionalProperties: { $ref: getSchemaPath(ComplianceRollupResponse) } })
  byProgram: Record<string, ComplianceRollupResponse>;

  @ApiProperty({ type: 'object', description: 'Counts per standard key', additionalProperties: { $ref: getSchemaPath(ComplianceRollupResponse) } })
  byStandard: Record<string, ComplianceRollupResponse>;

  @ApiProperty({ type: [ComplianceRowResponse] })
  rows: ComplianceRowResponse[];
}
