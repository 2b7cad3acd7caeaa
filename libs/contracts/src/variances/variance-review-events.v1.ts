import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, eventSchemaOptions, isoDateTime, stringEnum, uuid } from '../schemas';
import { reasonSchema } from './variance-schemas';

const varianceReviewNeededV1Schema = closedObject(
  {
    varianceId: uuid,
    programId: uuid,
    reasons: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { minItems: 1, maxItems: 100 }),
    flaggedAt: isoDateTime,
  },
  eventSchemaOptions('variance-review-needed.v1'),
);

/** The ground an approval was decided on changed materially: the reviewer must confirm or revoke it. */
export type VarianceReviewNeededV1 = Static<typeof varianceReviewNeededV1Schema>;

export const varianceReviewNeededV1 = defineEvent<VarianceReviewNeededV1>()({
  type: 'pmo.variance.review-needed.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceReviewNeededV1Schema,
});

const varianceReviewedV1Schema = closedObject(
  {
    varianceId: uuid,
    programId: uuid,
    outcome: stringEnum(['confirmed', 'revoked'] as const),
    reason: reasonSchema,
    reviewedBy: actor,
    reviewedAt: isoDateTime,
  },
  eventSchemaOptions('variance-reviewed.v1'),
);

/** After a review, an approval stands on the new ground (a new decision) or is revoked. */
export type VarianceReviewedV1 = Static<typeof varianceReviewedV1Schema>;

export const varianceReviewedV1 = defineEvent<VarianceReviewedV1>()({
  type: 'pmo.variance.reviewed.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceReviewedV1Schema,
});
