import { defineEvent } from '../event-definition';
import { isoDateTime, uuid } from './standard-schemas';

/**
 * How a standard treats variances: the longest a variance may run (months from its request) and the
 * business days the strategic PMO has to decide one. Sent when a standard is created and when it changes.
 */
export interface StandardVariancePolicySetV1 {
  standardId: string;
  key: string;
  longestVarianceMonths: number;
  decisionSlaBusinessDays: number;
  setAt: string;
}

export const standardVariancePolicySetV1 = defineEvent<StandardVariancePolicySetV1>()({
  type: 'pmo.standard.variance-policy-set.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/standard-variance-policy-set.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['standardId', 'key', 'longestVarianceMonths', 'decisionSlaBusinessDays', 'setAt'],
    properties: {
      standardId: uuid,
      key: { type: 'string', minLength: 1, maxLength: 80 },
      longestVarianceMonths: { type: 'integer', minimum: 1, maximum: 60 },
      decisionSlaBusinessDays: { type: 'integer', minimum: 1, maximum: 60 },
      setAt: isoDateTime,
    },
  },
});
