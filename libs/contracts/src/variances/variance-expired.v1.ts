import { defineEvent } from '../event-definition';
import { isoDate, isoDateTime, uuid } from '../standards/standard-schemas';

/** An approved variance reached its end date: its projects return to what applies without it. */
export interface VarianceExpiredV1 {
  varianceId: string;
  programId: string;
  expiresOn: string;
  expiredAt: string;
}

export const varianceExpiredV1 = defineEvent<VarianceExpiredV1>()({
  type: 'pmo.variance.expired.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-expired.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'expiresOn', 'expiredAt'],
    properties: { varianceId: uuid, programId: uuid, expiresOn: isoDate, expiredAt: isoDateTime },
  },
});
