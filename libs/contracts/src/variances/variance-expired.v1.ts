import type { Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDate, isoDateTime, uuid } from '../schemas';

const varianceExpiredV1Schema = closedObject(
  { varianceId: uuid, programId: uuid, expiresOn: isoDate, expiredAt: isoDateTime },
  eventSchemaOptions('variance-expired.v1'),
);

/** An approved variance reached its end date: its projects return to what applies without it. */
export type VarianceExpiredV1 = Static<typeof varianceExpiredV1Schema>;

export const varianceExpiredV1 = defineEvent<VarianceExpiredV1>()({
  type: 'pmo.variance.expired.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceExpiredV1Schema,
});
