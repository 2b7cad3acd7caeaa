import { defineEvent } from '../event-definition';

/** A project PMO changed a project's phase, progress or tags. */
export interface ProjectUpdatedV1 {
  projectId: string;
  programId: string;
  name: string;
  phase: string;
  percentComplete: number;
  tags: string[];
  updatedAt: string;
}

export const projectUpdatedV1 = defineEvent<ProjectUpdatedV1>()({
  type: 'pmo.project.updated.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo', 'program-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/project-updated.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'programId', 'name', 'phase', 'percentComplete', 'tags', 'updatedAt'],
    properties: {
      projectId: { type: 'string', format: 'uuid' },
      programId: { type: 'string', format: 'uuid' },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      phase: { type: 'string', minLength: 1, maxLength: 50 },
      percentComplete: { type: 'number', minimum: 0, maximum: 100 },
      tags: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 50 } },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
});
