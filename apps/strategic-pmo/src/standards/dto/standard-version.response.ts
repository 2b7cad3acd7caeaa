import { ApiProperty } from '@nestjs/swagger';
import { STANDARD_LEVELS, VERSION_STATES, type Applicability, type Requirement, type RolloutWaveV1 } from '@pmo/contracts';
import type { StandardVersionEntity } from '../standard-version.entity';

export class StandardVersionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ enum: VERSION_STATES })
  state: string;

  @ApiProperty({ enum: STANDARD_LEVELS })
  level: string;

  @ApiProperty({ format: 'date' })
  effectiveDate: string;

  @ApiProperty({ format: 'date' })
  adoptionDeadline: string;

  @ApiProperty({ type: Object })
  applicability: Applicability;

  @ApiProperty({ type: [Object] })
  requirements: Requirement[];

  @ApiProperty()
  changeSummary: string;

  @ApiProperty({ type: Object, nullable: true })
  body: Record<string, unknown> | null;

  @ApiProperty({ type: [Object], nullable: true })
  rollout: RolloutWaveV1[] | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt: string | null;

  static of(version: StandardVersionEntity): StandardVersionResponse {
    return {
      id: version.id,
      standardId: version.standardId,
      version: version.version,
      state: version.state,
      level: version.level,
      effectiveDate: version.effectiveDate,
      adoptionDeadline: version.adoptionDeadline,
      applicability: version.applicability,
      requirements: version.requirements,
      changeSummary: version.changeSummary,
      body: version.body,
      rollout: version.rollout,
      publishedAt: version.publishedAt?.toISOString() ?? null,
    };
  }
}
