import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, conditionId, eventSchemaOptions, isoDate, isoDateTime, stringEnum, uuid } from '../schemas';
import { reasonSchema } from './variance-schemas';

/** A condition of an approval; `id` (C1, C2, …) names it for tracking, absent only in events from before tracking. */
export const varianceConditionSchema = closedObject({
  id: Type.Optional(conditionId),
  text: Type.String({ minLength: 1, maxLength: 1000, example: 'Monthly report to the regulator shared with the PMO' }),
  owner: Type.String({ minLength: 1, maxLength: 200, example: 'Program PMO lead' }),
  dueOn: isoDate,
});
export type VarianceConditionV1 = Static<typeof varianceConditionSchema>;

export const VARIANCE_OUTCOMES = ['approved', 'approved-with-conditions', 'rejected'] as const;

const varianceDecidedV1Schema = closedObject(
  {
    varianceId: uuid,
    programId: uuid,
    outcome: stringEnum(VARIANCE_OUTCOMES),
    conditions: Type.Array(varianceConditionSchema, { maxItems: 50 }),
    reason: reasonSchema,
    decidedBy: actor,
    decidedAt: isoDateTime,
  },
  eventSchemaOptions('variance-decided.v1'),
);

/** The strategic PMO decided a variance request. */
export type VarianceDecidedV1 = Static<typeof varianceDecidedV1Schema>;

export const varianceDecidedV1 = defineEvent<VarianceDecidedV1>()({
  type: 'pmo.variance.decided.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceDecidedV1Schema,
});
