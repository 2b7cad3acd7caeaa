import { ApiProperty } from '@nestjs/swagger';
import { STANDARD_KINDS, VERSION_STATES } from '@pmo/contracts';
import type { StandardEntity } from '../standard.entity';
import type { StandardVersionEntity } from '../standard-version.entity';

export class VersionSummary {
  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ enum: VERSION_STATES })
  state: string;
}

export class VariancePolicyResponse {
  @ApiProperty({ example: 12 })
  longestVarianceMonths: number;

  @ApiProperty({ example: 10 })
  decisionSlaBusinessDays: number;
}

export class GrandfatheringPolicyResponse {
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 90,
    description: 'Percent complete from which a project may be grandfathered; a closing project always may',
  })
  thresholdPercent: number;
}

export class StandardResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'status-reporting' })
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: STANDARD_KINDS })
  kind: string;

  @ApiProperty()
  owner: string;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ type: [VersionSummary] })
  versions: VersionSummary[];

  @ApiProperty({ type: VariancePolicyResponse })
  variancePolicy: VariancePolicyResponse;

  @ApiProperty({ type: GrandfatheringPolicyResponse })
  grandfatheringPolicy: GrandfatheringPolicyResponse;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static of(standard: StandardEntity, versions: StandardVersionEntity[]): StandardResponse {
    return {
      id: standard.id,
      key: standard.key,
      title: standard.title,
      kind: standard.kind,
      owner: standard.owner,
      tags: standard.tags,
      versions: versions.map((v) => ({ version: v.version, state: v.state })),
      variancePolicy: { longestVarianceMonths: standard.longestVarianceMonths, decisionSlaBusinessDays: standard.decisionSlaBusinessDays },
      grandfatheringPolicy: { thresholdPercent: standard.grandfatheringThresholdPercent },
      createdAt: standard.createdAt.toISOString(),
    };
  }
}

export class StandardPageResponse {
  @ApiProperty({ type: [StandardResponse] })
  items: StandardResponse[];

  @ApiProperty({ nullable: true, description: 'Pass as cursor for the next page; null on the last page', type: String })
  nextCursor: string | null;
}
