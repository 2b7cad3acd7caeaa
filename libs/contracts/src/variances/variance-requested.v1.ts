import { defineEvent } from '../event-definition';
import { isoDate, isoDateTime, semverString, uuid } from '../standards/standard-schemas';

/** A program PMO asks the strategic PMO in advance to approve a variation beyond leeway. */
export interface VarianceRequestedV1 {
  varianceId: string;
  programId: string;
  requestedBy: { subject: string; name: string };
  standardId: string;
  versionId: string;
  version: string;
  requirementIds: string[];
  projectIds: string[];
  justification: string;
  risk: { likelihood: number; impact: number };
  compensatingControls: string[];
  expiresOn: string;
  submittedAt: string;
  /** The rejected request this one revises, when it is a revision. */
  revisionOf?: string;
  /** The project PMO's proposal it forwards, when it came from one. */
  proposalId?: string;
}

const actor = { type: 'object', additionalProperties: false, required: ['subject', 'name'], properties: { subject: { type: 'string', minLength: 1 }, name: { type: 'string' } } };

export const varianceRequestedV1 = defineEvent<VarianceRequestedV1>()({
  type: 'pmo.variance.requested.v1',
  topic: 'pmo.variances.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.varianceId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/variance-requested.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['varianceId', 'programId', 'requestedBy', 'standardId', 'versionId', 'version', 'requirementIds', 'projectIds', 'justification', 'risk', 'compensatingControls', 'expiresOn', 'submittedAt'],
    properties: {
      varianceId: uuid,
      programId: uuid,
      requestedBy: actor,
      standardId: uuid,
      versionId: uuid,
      version: semverString,
      requirementIds: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,49}$' } },
      projectIds: { type: 'array', minItems: 1, maxItems: 500, items: uuid },
      justification: { type: 'string', minLength: 1, maxLength: 4000 },
      risk: { type: 'object', additionalProperties: false, required: ['likelihood', 'impact'], properties: { likelihood: { type: 'integer', minimum: 1, maximum: 5 }, impact: { type: 'integer', minimum: 1, maximum: 5 } } },
      compensatingControls: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 1000 } },
      expiresOn: isoDate,
      submittedAt: isoDateTime,
      revisionOf: uuid,
      proposalId: uuid,
    },
  },
});
