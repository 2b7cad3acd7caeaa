import { defineEvent } from '../event-definition';

/** A program PMO registered a program; it now exists for the whole organisation. */
export interface ProgramRegisteredV1 {
  programId: string;
  name: string;
  description: string;
  tags: string[];
  registeredAt: string;
  /** Short unique key; Keycloak group `program-<code>` scopes its program managers. Absent in early events: the id. */
  code?: string;
}

export const programRegisteredV1 = defineEvent<ProgramRegisteredV1>()({
  type: 'pmo.program.registered.v1',
  topic: 'pmo.programs.v1',
  owner: 'program-pmo',
  consumers: ['strategic-pmo', 'project-pmo'],
  aggregateIdOf: (data) => data.programId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/program-registered.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['programId', 'name', 'description', 'tags', 'registeredAt'],
    properties: {
      programId: { type: 'string', format: 'uuid' },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      description: { type: 'string', maxLength: 2000 },
      tags: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 50 } },
      registeredAt: { type: 'string', format: 'date-time' },
      code: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    },
  },
});
