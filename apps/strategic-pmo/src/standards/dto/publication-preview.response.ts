import { ApiProperty } from '@nestjs/swagger';
import { StandardVersionResponse } from './standard-version.response';

class PreviewCounts {
  @ApiProperty() total: number;
  @ApiProperty() compliant: number;
  @ApiProperty({ description: '0 to 100, one decimal' }) percentCompliant: number;
}

class PreviewFiguresResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: PreviewCounts, description: 'Every row of the portfolio' }) portfolio: PreviewCounts;
  @ApiProperty({ type: PreviewCounts, description: "This standard's rows" }) standard: PreviewCounts;
}

class CoveredWave {
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) opensOn: string;
  @ApiProperty({ format: 'date' }) adoptionDeadline: string;
  @ApiProperty({ type: [String], format: 'uuid' }) programIds: string[];
}

class KeptOnVariant {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty() version: string;
}

class WaveReach {
  @ApiProperty() wave: string;
  @ApiProperty({ type: [String], format: 'uuid' }) projectIds: string[];
  @ApiProperty({ type: PreviewFiguresResponse, description: 'At the end of the opening day' }) onOpening: PreviewFiguresResponse;
  @ApiProperty({ type: PreviewFiguresResponse, description: 'At the end of the adoption deadline day' }) onDeadline: PreviewFiguresResponse;
}

class TailoredOutside {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() requirementId: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }] }) value: number | string;
  @ApiProperty() message: string;
}

class GroundChange {
  @ApiProperty({ format: 'uuid' }) varianceId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ type: [String] }) reasons: string[];
}

/** Whom a publication reaches. */
class CoverageResponse {
  @ApiProperty({ type: [CoveredWave], description: 'Each wave with the programs it names' }) waves: CoveredWave[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Programs the applicability reaches but no wave names: they get the version from its effective date with its adoption deadline',
  })
  uncovered: string[];
  @ApiProperty({ type: [KeptOnVariant], description: 'Programs it reaches where a more specific variant stays in force' })
  keptOnVariant: KeptOnVariant[];
  @ApiProperty({ type: [String], description: 'The published versions it replaces (same applicability)' }) supersedes: string[];
}

/** What publishing would do: coverage, reach per wave with figures, tailorings and approvals it would touch. */
export class PublicationPreviewResponse extends CoverageResponse {
  @ApiProperty() version: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: [WaveReach] }) reach: WaveReach[];
  @ApiProperty({ type: [TailoredOutside] }) tailoredOutsideLeeway: TailoredOutside[];
  @ApiProperty({ type: [GroundChange] }) varianceGroundChanges: GroundChange[];
}

/** A published version, with whom the publication reaches. */
export class PublishedVersionResponse extends StandardVersionResponse {
  @ApiProperty({ type: CoverageResponse }) coverage: CoverageResponse;
}
