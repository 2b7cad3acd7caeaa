import { defineEvent } from '../event-definition';
import { isoDate, isoDateTime, uuid } from '../standards/standard-schemas';

/** A variance request is still undecided after its decision due date (the SLA). */
export interface VarianceEscalatedV1 {
  varianceId: string;
  programId: string;
  decisionDueOn: string;
  escalatedAt: string;
}

export const varianceEscalatedV1 = defineEvent<VarianceEscalatedV1>()({
  type: 'pmo.variance.escalated.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-escalated.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'decisionDueOn', 'escalatedAt'],
    properties: { varianceId: uuid, programId: uuid, decisionDueOn: isoDate, escalatedAt: isoDateTime },
  },
});
