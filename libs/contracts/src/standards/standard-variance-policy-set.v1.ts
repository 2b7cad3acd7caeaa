import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, uuid } from '../schemas';

/** How a standard treats variances: the longest a variance may run and the time to decide one. */
export const variancePolicySchema = closedObject({
  longestVarianceMonths: Type.Integer({ minimum: 1, maximum: 60, description: 'The longest a variance may run, in months from its request', example: 12 }),
  decisionSlaBusinessDays: Type.Integer({ minimum: 1, maximum: 60, description: 'Business days the strategic PMO has to decide a variance', example: 10 }),
});

const standardVariancePolicySetV1Schema = closedObject(
  {
    standardId: uuid,
    key: Type.String({ minLength: 1, maxLength: 80 }),
    ...variancePolicySchema.properties,
    setAt: isoDateTime,
  },
  eventSchemaOptions('standard-variance-policy-set.v1'),
);

/**
 * How a standard treats variances: the longest a variance may run (months from its request) and the
 * business days the strategic PMO has to decide one. Sent when a standard is created and when it changes.
 */
export type StandardVariancePolicySetV1 = Static<typeof standardVariancePolicySetV1Schema>;

export const standardVariancePolicySetV1 = defineEvent<StandardVariancePolicySetV1>()({
  type: 'pmo.standard.variance-policy-set.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: standardVariancePolicySetV1Schema,
});
