import { ApiProperty } from '@nestjs/swagger';
import { ElementRatingResponse } from './assessment.response';

/** A product or service that closes a gap: one of the build-out's own, or a published standard of the catalog. */
export class GapCloserResponse {
  @ApiProperty({ format: 'uuid', description: 'The offering, or the standard for a catalog product' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['buildout', 'catalog'] })
  source: 'buildout' | 'catalog';
}

/** The gap of one element, from the latest assessment that rated it. */
export class GapResponse extends ElementRatingResponse {
  @ApiProperty({ type: String, format: 'date', description: 'The assessment the gap comes from' })
  assessedOn: string;

  @ApiProperty({ description: 'Future minus current maturity level' })
  size: number;

  @ApiProperty({ type: [GapCloserResponse] })
  closedBy: GapCloserResponse[];
}

/** One level of the maturity scale. */
export class MaturityLevelResponse {
  @ApiProperty({ minimum: 1, maximum: 5 })
  level: number;

  @ApiProperty({ example: 'defined' })
  name: string;

  @ApiProperty()
  definition: string;
}

export class TrendPointResponse {
  @ApiProperty({ type: String, format: 'date' })
  assessedOn: string;

  @ApiProperty()
  currentLevel: number;

  @ApiProperty()
  futureLevel: number;
}

export class ElementTrendResponse {
  @ApiProperty()
  element: string;

  @ApiProperty({ type: [TrendPointResponse], description: 'Oldest assessment first' })
  points: TrendPointResponse[];
}

/** Maturity per element over the assessments, with the scale it is measured on. */
export class MaturityTrendResponse {
  @ApiProperty({ type: [MaturityLevelResponse] })
  scale: MaturityLevelResponse[];

  @ApiProperty({ type: [ElementTrendResponse] })
  elements: ElementTrendResponse[];
}
