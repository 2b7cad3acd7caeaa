import { ApiProperty } from '@nestjs/swagger';
import { HEATMAP_STATES } from '@pmo/contracts';
import { ComplianceRollupResponse, ComplianceRowResponse } from './compliance-rows.response';

/**
 * Counts over a set of rows, computed in SQL: the same fields as the counts computed in Node, under the name
 * the screens' answers have always documented.
 */
export class ComplianceCountsResponse extends ComplianceRollupResponse {}

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

/** Counts per program × standard, compact: programs, standards and states listed once, each cell naming them by index. */
export class ComplianceHeatmapResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({
    enum: HEATMAP_STATES,
    isArray: true,
    minItems: HEATMAP_STATES.length,
    maxItems: HEATMAP_STATES.length,
    description: "The order of every cell's counts: each state once",
    example: [...HEATMAP_STATES],
  })
  states: string[];

  @ApiProperty({ type: [HeatmapProgramResponse], description: 'The rows of the heatmap, by program name; a cell names one by its index' })
  programs: HeatmapProgramResponse[];

  @ApiProperty({ type: [String], description: 'The columns: standard keys, sorted; a cell names one by its index' })
  standards: string[];

  @ApiProperty({
    type: 'array',
    items: {
      type: 'array',
      items: { type: 'integer', minimum: 0 },
      minItems: 2 + HEATMAP_STATES.length,
      maxItems: 2 + HEATMAP_STATES.length,
    },
    description:
      'One cell per program × standard that has rows, by program then standard: `[program index, standard index, ...count per state in the order of states]`. ' +
      "Totals and percentages are derived: the total is the counts' sum; compliant are adopted, tailored, grandfathered and variance-approved (`isCompliant` of @pmo/contracts).",
    example: [[0, 0, 3, 10, 2, 0, 1, 4, 0, 5]],
  })
  cells: number[][];
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
