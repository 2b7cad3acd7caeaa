import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, entityCode, eventSchemaOptions, isoDateTime, uuid } from '../schemas';

export const projectTags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 });
export const projectProgress = Type.Number({ minimum: 0, maximum: 100 });

export const projectRegisteredV1Schema = closedObject(
  {
    projectId: uuid,
    programId: uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    phase: Type.String({ minLength: 1, maxLength: 50 }),
    tags: projectTags,
    registeredAt: isoDateTime,
    /** Short unique key; Keycloak group `project-<code>` scopes its project managers. Absent in early events: the id. */
    code: Type.Optional(entityCode),
    /** Progress at registration, as `project.updated` carries it later. Absent in early events: 0. */
    percentComplete: Type.Optional(projectProgress),
  },
  eventSchemaOptions('project-registered.v1'),
);

/** A project PMO registered a project inside a program. */
export type ProjectRegisteredV1 = Static<typeof projectRegisteredV1Schema>;

export const projectRegisteredV1 = defineEvent<ProjectRegisteredV1>()({
  type: 'pmo.project.registered.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo', 'program-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: projectRegisteredV1Schema,
});
