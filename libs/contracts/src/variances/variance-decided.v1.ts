import { defineEvent } from '../event-definition';
import { isoDate, isoDateTime, uuid } from '../standards/standard-schemas';

/** A condition of an approval; `id` (C1, C2, …) names it for tracking, absent only in events from before tracking. */
export interface VarianceConditionV1 {
  id?: string;
  text: string;
  owner: string;
  dueOn: string;
}

/** The strategic PMO decided a variance request. */
export interface VarianceDecidedV1 {
  varianceId: string;
  programId: string;
  outcome: 'approved' | 'approved-with-conditions' | 'rejected';
  conditions: VarianceConditionV1[];
  reason: string;
  decidedBy: { subject: string; name: string };
  decidedAt: string;
}

export const varianceDecidedV1 = defineEvent<VarianceDecidedV1>()({
  type: 'pmo.variance.decided.v1',
  topic: 'pmo.variances.v1',
  owner: 'strategic-pmo',
  consumers: ['program-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-decided.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'outcome', 'conditions', 'reason', 'decidedBy', 'decidedAt'],
    properties: {
      varianceId: uuid,
      programId: uuid,
      outcome: { enum: ['approved', 'approved-with-conditions', 'rejected'] },
      conditions: {
        type: 'array',
        maxItems: 50,
        items: { type: 'object', additionalProperties: false, required: ['text', 'owner', 'dueOn'], properties: { id: { type: 'string', pattern: '^C[0-9]{1,3}$' }, text: { type: 'string', minLength: 1, maxLength: 1000 }, owner: { type: 'string', minLength: 1, maxLength: 200 }, dueOn: isoDate } },
      },
      reason: { type: 'string', minLength: 1, maxLength: 4000 },
      decidedBy: { type: 'object', additionalProperties: false, required: ['subject', 'name'], properties: { subject: { type: 'string', minLength: 1 }, name: { type: 'string' } } },
      decidedAt: isoDateTime,
    },
  },
});
