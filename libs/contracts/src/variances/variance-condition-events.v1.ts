import { defineEvent } from '../event-definition';
import { isoDateTime, uuid } from '../standards/standard-schemas';
import { actorSchema } from './variance-schemas';

const conditionId = { type: 'string', pattern: '^C[0-9]{1,3}$' };

/** A condition of an approval was done. */
export interface VarianceConditionMetV1 {
  varianceId: string;
  programId: string;
  conditionId: string;
  metBy: { subject: string; name: string };
  metAt: string;
}

export const varianceConditionMetV1 = defineEvent<VarianceConditionMetV1>()({
  type: 'pmo.variance.condition-met.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-condition-met.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'conditionId', 'metBy', 'metAt'],
    properties: { varianceId: uuid, programId: uuid, conditionId, metBy: actorSchema, metAt: isoDateTime },
  },
});

/** Conditions of an approval passed their due date without being done: the variance is flagged. */
export interface VarianceConditionsOverdueV1 {
  varianceId: string;
  programId: string;
  conditionIds: string[];
  flaggedAt: string;
}

export const varianceConditionsOverdueV1 = defineEvent<VarianceConditionsOverdueV1>()({
  type: 'pmo.variance.conditions-overdue.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-conditions-overdue.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'conditionIds', 'flaggedAt'],
    properties: { varianceId: uuid, programId: uuid, conditionIds: { type: 'array', minItems: 1, maxItems: 50, items: conditionId }, flaggedAt: isoDateTime },
  },
});
