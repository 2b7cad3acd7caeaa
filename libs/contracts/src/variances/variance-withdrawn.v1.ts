import { defineEvent } from '../event-definition';
import { isoDateTime, uuid } from '../standards/standard-schemas';
import { actorSchema, reasonSchema } from './variance-schemas';

/** The program that requested a variance withdrew it before the decision. */
export interface VarianceWithdrawnV1 {
  varianceId: string;
  programId: string;
  reason: string;
  withdrawnBy: { subject: string; name: string };
  withdrawnAt: string;
}

export const varianceWithdrawnV1 = defineEvent<VarianceWithdrawnV1>()({
  type: 'pmo.variance.withdrawn.v1',
  topic: 'pmo.variances.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-withdrawn.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'reason', 'withdrawnBy', 'withdrawnAt'],
    properties: { varianceId: uuid, programId: uuid, reason: reasonSchema, withdrawnBy: actorSchema, withdrawnAt: isoDateTime },
  },
});
