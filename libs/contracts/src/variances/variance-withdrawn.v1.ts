import type { Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { actor, closedObject, eventSchemaOptions, isoDateTime, uuid } from '../schemas';
import { reasonSchema } from './variance-schemas';

const varianceWithdrawnV1Schema = closedObject(
  { varianceId: uuid, programId: uuid, reason: reasonSchema, withdrawnBy: actor, withdrawnAt: isoDateTime },
  eventSchemaOptions('variance-withdrawn.v1'),
);

/** The program that requested a variance withdrew it before the decision. */
export type VarianceWithdrawnV1 = Static<typeof varianceWithdrawnV1Schema>;

export const varianceWithdrawnV1 = defineEvent<VarianceWithdrawnV1>()({
  type: 'pmo.variance.withdrawn.v1',
  topic: 'pmo.variances.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceWithdrawnV1Schema,
});
