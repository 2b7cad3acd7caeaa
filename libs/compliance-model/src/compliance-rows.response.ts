import { ApiProperty } from '@nestjs/swagger';
import { COMPLIANCE_STATES } from '@pmo/contracts';

// The answer of the compliance computed as of any date (GET /portfolio/compliance, /programs/{id}/compliance),
// the same in both services.

/** Counts over a set of rows; `byState` names every state, with 0 for those absent. */
export class ComplianceRollupResponse {
  @ApiProperty({ example: 15 })
  total: number;

  @ApiProperty({ example: 9 })
  compliant: number;

  @ApiProperty({ description: '0 to 100, one decimal; 0 when there are no rows', example: 60 })
  percentCompliant: number;

  @ApiProperty({
    type: 'object',
    description: 'Rows per compliance state',
    properties: Object.fromEntries(COMPLIANCE_STATES.map((state) => [state, { type: 'integer' }])),
    required: [...COMPLIANCE_STATES],
  })
  byState: Record<string, number>;
}

/** The compliance of one project with one standard version in force for it. */
export class ComplianceRowResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ description: "The program's short code", example: 'fsm' })
  programCode: string;

  @ApiProperty({ example: 'Financial System Migration' })
  programName: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ description: "The project's short code", example: 'fsm-ledger' })
  projectCode: string;

  @ApiProperty({ example: 'General Ledger Cut-over' })
  projectName: string;

  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty({ example: 'status-reporting' })
  standardKey: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ format: 'date' })
  adoptionDeadline: string;

  @ApiProperty({ enum: COMPLIANCE_STATES })
  state: string;
}
