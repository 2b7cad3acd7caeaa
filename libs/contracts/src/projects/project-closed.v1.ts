import { defineEvent } from '../event-definition';

/** A project PMO closed a project: from then on no standard binds it. */
export interface ProjectClosedV1 {
  projectId: string;
  programId: string;
  reason: string;
  closedAt: string;
}

export const projectClosedV1 = defineEvent<ProjectClosedV1>()({
  type: 'pmo.project.closed.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo', 'program-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/project-closed.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'programId', 'reason', 'closedAt'],
    properties: {
      projectId: { type: 'string', format: 'uuid' },
      programId: { type: 'string', format: 'uuid' },
      reason: { type: 'string', minLength: 1, maxLength: 2000 },
      closedAt: { type: 'string', format: 'date-time' },
    },
  },
});
