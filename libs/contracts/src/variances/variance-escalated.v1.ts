import type { Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDate, isoDateTime, uuid } from '../schemas';

const varianceEscalatedV1Schema = closedObject(
  { varianceId: uuid, programId: uuid, decisionDueOn: isoDate, escalatedAt: isoDateTime },
  eventSchemaOptions('variance-escalated.v1'),
);

/** A variance request is still undecided after its decision due date (the SLA). */
export type VarianceEscalatedV1 = Static<typeof varianceEscalatedV1Schema>;

export const varianceEscalatedV1 = defineEvent<VarianceEscalatedV1>()({
  type: 'pmo.variance.escalated.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: varianceEscalatedV1Schema,
});
