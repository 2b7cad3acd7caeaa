import { defineEvent } from '../event-definition';
import { isoDate, isoDateTime, semverString, uuid } from '../standards/standard-schemas';

/** A project's adoption deadline passed without a decision; announced once per project and version. */
export interface AdoptionOverdueV1 {
  programId: string;
  projectId: string;
  standardId: string;
  versionId: string;
  version: string;
  adoptionDeadline: string;
  noticedAt: string;
}

export const adoptionOverdueV1 = defineEvent<AdoptionOverdueV1>()({
  type: 'pmo.adoption.overdue.v1',
  topic: 'pmo.adoptions.v1',
  owner: 'program-pmo',
  consumers: [],
  aggregateIdOf: (data) => data.projectId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/adoption-overdue.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['programId', 'projectId', 'standardId', 'versionId', 'version', 'adoptionDeadline', 'noticedAt'],
    properties: { programId: uuid, projectId: uuid, standardId: uuid, versionId: uuid, version: semverString, adoptionDeadline: isoDate, noticedAt: isoDateTime },
  },
});
