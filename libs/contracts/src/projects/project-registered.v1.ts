import { defineEvent } from '../event-definition';

/** A project PMO registered a project inside a program. */
export interface ProjectRegisteredV1 {
  projectId: string;
  programId: string;
  name: string;
  phase: string;
  tags: string[];
  registeredAt: string;
  /** Short unique key; Keycloak group `project-<code>` scopes its project managers. Absent in early events: the id. */
  code?: string;
}

export const projectRegisteredV1 = defineEvent<ProjectRegisteredV1>()({
  type: 'pmo.project.registered.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo', 'program-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/project-registered.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'programId', 'name', 'phase', 'tags', 'registeredAt'],
    properties: {
      projectId: { type: 'string', format: 'uuid' },
      programId: { type: 'string', format: 'uuid' },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      phase: { type: 'string', minLength: 1, maxLength: 50 },
      tags: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 50 } },
      registeredAt: { type: 'string', format: 'date-time' },
      code: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    },
  },
});
