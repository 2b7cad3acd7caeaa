import { ApiProperty } from '@nestjs/swagger';
import { COMPLIANCE_STATES } from '@pmo/contracts';
import { ComplianceRowResponse } from './compliance-rows.response';

/** Counts over a set of rows, computed in SQL; `byState` names every state, with 0 for those absent. */
export class ComplianceCountsResponse {
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

export class ProgramCountsResponse extends ComplianceCountsResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'fsm' })
  programCode: string;

  @ApiProperty({ example: 'Financial System Migration' })
  programName: string;
}

export class StandardCountsResponse extends ComplianceCountsResponse {
  @ApiProperty({ example: 'status-reporting' })
  standardKey: string;
}

/** Counts for the selection, per program and per standard. */
export class ComplianceSummaryResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: ComplianceCountsResponse })
  summary: ComplianceCountsResponse;

  @ApiProperty({ type: [ProgramCountsResponse], description: 'Per program, by program name' })
  byProgram: ProgramCountsResponse[];

  @ApiProperty({ type: [StandardCountsResponse], description: 'Per standard (all its versions), by key' })
  byStandard: StandardCountsResponse[];
}

export class HeatmapProgramResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'fsm' })
  programCode: string;

  @ApiProperty({ example: 'Financial System Migration' })
  programName: string;
}

export class HeatmapCellResponse extends ComplianceCountsResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'status-reporting' })
  standardKey: string;
}

/** Counts per program × standard: the rows and columns, and one cell per pair that has rows. */
export class ComplianceHeatmapResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: [HeatmapProgramResponse], description: 'The rows of the heatmap, by program name' })
  programs: HeatmapProgramResponse[];

  @ApiProperty({ type: [String], description: 'The columns: standard keys, sorted' })
  standards: string[];

  @ApiProperty({ type: [HeatmapCellResponse] })
  cells: HeatmapCellResponse[];
}

/** One project × standard version from the read model, with since when it holds its state. */
export class ComplianceModelRowResponse extends ComplianceRowResponse {
  @ApiProperty({ format: 'date-time', description: 'Since when the row has held this state' })
  since: string;
}

/** A page of rows in the order program, standard, project, version; `next` continues after its last row. */
export class ComplianceRowsPageResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: [ComplianceModelRowResponse] })
  rows: ComplianceModelRowResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Cursor for the next page (`after`); null on the last page' })
  next: string | null;
}
