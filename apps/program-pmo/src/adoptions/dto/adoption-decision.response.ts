import { ApiProperty } from '@nestjs/swagger';
import { ADOPTION_DECISIONS } from '@pmo/contracts';
import type { AdoptionDecisionEntity } from '../adoption-decision.entity';

export class AdoptionDecisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ enum: ADOPTION_DECISIONS })
  decision: string;

  @ApiProperty({ type: Object, example: { 'STATUS-CADENCE': 10 } })
  choices: Record<string, number | string>;

  @ApiProperty()
  reason: string;

  @ApiProperty({ example: 'Paula Program' })
  decidedBy: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;

  static of(d: AdoptionDecisionEntity): AdoptionDecisionResponse {
    return {
      id: d.id,
      projectId: d.projectId,
      versionId: d.versionId,
      version: d.version,
      decision: d.decision,
      choices: d.choices,
      reason: d.reason,
      decidedBy: d.actorName,
      decidedAt: d.decidedAt.toISOString(),
    };
  }
}
