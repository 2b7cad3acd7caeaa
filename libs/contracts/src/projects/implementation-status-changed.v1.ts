import { defineEvent } from '../event-definition';
import { isoDateTime, uuid } from '../standards/standard-schemas';

export const IMPLEMENTATION_STATUSES = ['not-started', 'in-progress', 'implemented', 'not-applicable'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** A project PMO reported how far one requirement is implemented. */
export interface ImplementationStatusChangedV1 {
  projectId: string;
  programId: string;
  versionId: string;
  requirementId: string;
  status: ImplementationStatus;
  reason: string;
  evidenceLinks: string[];
  changedAt: string;
}

export const implementationStatusChangedV1 = defineEvent<ImplementationStatusChangedV1>()({
  type: 'pmo.implementation.status-changed.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: [],
  aggregateIdOf: (data) => data.projectId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/implementation-status-changed.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'programId', 'versionId', 'requirementId', 'status', 'reason', 'evidenceLinks', 'changedAt'],
    properties: {
      projectId: uuid,
      programId: uuid,
      versionId: uuid,
      requirementId: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,49}$' },
      status: { enum: ['not-started', 'in-progress', 'implemented', 'not-applicable'] },
      reason: { type: 'string', maxLength: 2000 },
      evidenceLinks: { type: 'array', maxItems: 20, items: { type: 'string', format: 'uri', maxLength: 2000 } },
      changedAt: isoDateTime,
    },
  },
});
