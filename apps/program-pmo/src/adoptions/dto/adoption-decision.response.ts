import { ApiProperty } from '@nestjs/swagger';
import { ADOPTION_DECISIONS } from '@pmo/contracts';
import type { AdoptionDecisionEntity } from '../adoption-decision.entity';

/** The decision a carried one came from, on the version that was superseded. */
export class CarriedFromResponse {
  @ApiProperty({ format: 'uuid' })
  decisionId: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;
}

/** A requirement a carried decision does not cover; without `requirementId`, the whole version (a major one). */
export class ReopenedRequirementResponse {
  @ApiProperty({ required: false, example: 'STATUS-CADENCE' })
  requirementId?: string;

  @ApiProperty({ example: 'requirement STATUS-CADENCE changed: leeway narrowed from 7 to 14 days to 7 to 10 days; tailored value 14 is now outside' })
  reason: string;
}

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

  @ApiProperty({
    type: CarriedFromResponse,
    nullable: true,
    description: 'Set when the decision was carried over from the version it was taken on to the minor or patch version that superseded it',
  })
  carriedFrom: CarriedFromResponse | null;

  @ApiProperty({
    type: [ReopenedRequirementResponse],
    description:
      'Requirements a carried decision does not cover, each with why (changed, added; every one for a major version): the project is pending until the program decides again',
  })
  reopened: ReopenedRequirementResponse[];

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
      carriedFrom: d.carriedFrom,
      reopened: d.reopened,
      decidedBy: d.actorName,
      decidedAt: d.decidedAt.toISOString(),
    };
  }
}
