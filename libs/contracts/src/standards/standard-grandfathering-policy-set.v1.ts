import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, uuid } from '../schemas';

/** How a standard treats grandfathering: how complete a project must be to stay on the previous version. */
export const grandfatheringPolicySchema = closedObject({
  thresholdPercent: Type.Integer({
    minimum: 0,
    maximum: 100,
    description: 'Percent complete from which a project may be grandfathered; a project in its closing phase always may',
    example: 90,
  }),
});

const standardGrandfatheringPolicySetV1Schema = closedObject(
  {
    standardId: uuid,
    key: Type.String({ minLength: 1, maxLength: 80 }),
    ...grandfatheringPolicySchema.properties,
    setAt: isoDateTime,
  },
  eventSchemaOptions('standard-grandfathering-policy-set.v1'),
);

/**
 * The grandfathering threshold of a standard: a project at or above this percent complete (or closing) may
 * stay on the previous version. Sent when the strategic PMO sets it; a standard never set has 90.
 */
export type StandardGrandfatheringPolicySetV1 = Static<typeof standardGrandfatheringPolicySetV1Schema>;

export const standardGrandfatheringPolicySetV1 = defineEvent<StandardGrandfatheringPolicySetV1>()({
  type: 'pmo.standard.grandfathering-policy-set.v1',
  topic: 'pmo.standards.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.standardId,
  schema: standardGrandfatheringPolicySetV1Schema,
});
