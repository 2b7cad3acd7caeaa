import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, conditionId, eventSchemaOptions, isoDateTime, uuid } from '../schemas';

const varianceConditionMetV1Schema = closedObject(
  { varianceId: uuid, programId: uuid, conditionId, metBy: actor, metAt: isoDateTime },
  eventSchemaOptions('variance-condition-met.v1'),
);

/** A condition of an approval was done. */
export type VarianceConditionMetV1 = Static<typeof varianceConditionMetV1Schema>;

export const varianceConditionMetV1 = defineEvent<VarianceConditionMetV1>()({
  type: 'pmo.variance.condition-met.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceConditionMetV1Schema,
});

const varianceConditionsOverdueV1Schema = closedObject(
  { varianceId: uuid, programId: uuid, conditionIds: Type.Array(conditionId, { minItems: 1, maxItems: 50 }), flaggedAt: isoDateTime },
  eventSchemaOptions('variance-conditions-overdue.v1'),
);

/** Conditions of an approval passed their due date without being done: the variance is flagged. */
export type VarianceConditionsOverdueV1 = Static<typeof varianceConditionsOverdueV1Schema>;

export const varianceConditionsOverdueV1 = defineEvent<VarianceConditionsOverdueV1>()({
  type: 'pmo.variance.conditions-overdue.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceConditionsOverdueV1Schema,
});
