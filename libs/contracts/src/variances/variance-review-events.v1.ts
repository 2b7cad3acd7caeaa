import { defineEvent } from '../event-definition';
import { isoDateTime, uuid } from '../standards/standard-schemas';
import { actorSchema, reasonSchema } from './variance-schemas';

/** The ground an approval was decided on changed materially: the reviewer must confirm or revoke it. */
export interface VarianceReviewNeededV1 {
  varianceId: string;
  programId: string;
  reasons: string[];
  flaggedAt: string;
}

export const varianceReviewNeededV1 = defineEvent<VarianceReviewNeededV1>()({
  type: 'pmo.variance.review-needed.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-review-needed.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'reasons', 'flaggedAt'],
    properties: { varianceId: uuid, programId: uuid, reasons: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 1000 } }, flaggedAt: isoDateTime },
  },
});

/** After a review, an approval stands on the new ground (a new decision) or is revoked. */
export interface VarianceReviewedV1 {
  varianceId: string;
  programId: string;
  outcome: 'confirmed' | 'revoked';
  reason: string;
  reviewedBy: { subject: string; name: string };
  reviewedAt: string;
}

export const varianceReviewedV1 = defineEvent<VarianceReviewedV1>()({
  type: 'pmo.variance.reviewed.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-reviewed.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'outcome', 'reason', 'reviewedBy', 'reviewedAt'],
    properties: { varianceId: uuid, programId: uuid, outcome: { enum: ['confirmed', 'revoked'] }, reason: reasonSchema, reviewedBy: actorSchema, reviewedAt: isoDateTime },
  },
});
