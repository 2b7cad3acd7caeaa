import { ApiProperty } from '@nestjs/swagger';
import { ROADMAP_KINDS } from '@pmo/contracts';

export class RoadmapProgramResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'finance' })
  code: string;

  @ApiProperty({ example: 'Finance transformation' })
  name: string;
}

export class RoadmapProjectResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: 'fsm-ledger' })
  code: string;

  @ApiProperty({ example: 'General Ledger Cut-over' })
  name: string;
}

/** One dated entry of the roadmap. */
export class RoadmapEntryResponse {
  @ApiProperty({ description: 'Stable identity of the entry; the UID of its calendar event', example: 'go-live.5b1f0c9e-6d0b-4a57-9d63-2f1b8f0f6a11' })
  uid: string;

  @ApiProperty({ enum: ROADMAP_KINDS })
  kind: string;

  @ApiProperty({ format: 'date', example: '2027-03-31' })
  date: string;

  @ApiProperty({ example: 'General Ledger Cut-over: Ledger go-live' })
  title: string;

  @ApiProperty({ type: [RoadmapProgramResponse], description: 'The programs it concerns; empty for a portfolio-wide entry' })
  programs: RoadmapProgramResponse[];

  @ApiProperty({ type: RoadmapProjectResponse, nullable: true, description: 'The project whose plan it belongs to' })
  project: RoadmapProjectResponse | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The standard version whose rollout it belongs to' })
  versionId: string | null;
}

/** One page of the roadmap within its window. */
export class RoadmapPageResponse {
  @ApiProperty({ format: 'date', description: 'First day of the window' })
  from: string;

  @ApiProperty({ format: 'date', description: 'Last day of the window' })
  to: string;

  @ApiProperty({ description: 'Entries in the window after the filters, on every page' })
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ type: [RoadmapEntryResponse] })
  entries: RoadmapEntryResponse[];
}
