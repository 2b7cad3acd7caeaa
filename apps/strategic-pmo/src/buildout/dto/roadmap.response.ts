import { ApiProperty } from '@nestjs/swagger';
import { OfferingResponse } from './offering.response';

export class WaveProgressResponse {
  @ApiProperty()
  deployed: number;

  @ApiProperty()
  inProgress: number;

  @ApiProperty()
  total: number;

  @ApiProperty({ description: 'Deployed items count whole, items in progress half' })
  percent: number;
}

/** A wave of the deployment roadmap with its items and their progress. */
export class WaveResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  owner: string;

  @ApiProperty({ type: String, format: 'date' })
  startsOn: string;

  @ApiProperty({ type: String, format: 'date' })
  endsOn: string;

  @ApiProperty({ type: String, format: 'date-time' })
  plannedAt: string;

  @ApiProperty({ type: [OfferingResponse] })
  offerings: OfferingResponse[];

  @ApiProperty({ description: 'Person-weeks of its items' })
  effortWeeks: number;

  @ApiProperty({ type: WaveProgressResponse })
  progress: WaveProgressResponse;
}

export class ProposedWaveResponse {
  @ApiProperty({ type: [String], format: 'uuid' })
  offeringIds: string[];

  @ApiProperty()
  effortWeeks: number;
}

/** The deployment roadmap: the waves by start date, what is not planned yet, and the next waves proposed for it. */
export class RoadmapResponse {
  @ApiProperty({ type: [WaveResponse] })
  waves: WaveResponse[];

  @ApiProperty({ type: [OfferingResponse] })
  unplanned: OfferingResponse[];

  @ApiProperty({ type: [ProposedWaveResponse], description: 'By priority, within the capacity and pace of change of the foundation' })
  proposal: ProposedWaveResponse[];
}
