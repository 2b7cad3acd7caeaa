import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, uuid } from '../schemas';

export const projectClosedV1Schema = closedObject(
  { projectId: uuid, programId: uuid, reason: Type.String({ minLength: 1, maxLength: 2000 }), closedAt: isoDateTime },
  eventSchemaOptions('project-closed.v1'),
);

/** A project PMO closed a project: from then on no standard binds it. */
export type ProjectClosedV1 = Static<typeof projectClosedV1Schema>;

export const projectClosedV1 = defineEvent<ProjectClosedV1>()({
  type: 'pmo.project.closed.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo', 'program-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: projectClosedV1Schema,
});
