import { type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, uuid } from '../schemas';
import { projectProgress, projectRegisteredV1Schema, projectTags } from './project-registered.v1';

export const projectUpdatedV1Schema = closedObject(
  {
    projectId: uuid,
    programId: uuid,
    name: projectRegisteredV1Schema.properties.name,
    phase: projectRegisteredV1Schema.properties.phase,
    percentComplete: projectProgress,
    tags: projectTags,
    updatedAt: isoDateTime,
  },
  eventSchemaOptions('project-updated.v1'),
);

/** A project PMO changed a project's phase, progress or tags. */
export type ProjectUpdatedV1 = Static<typeof projectUpdatedV1Schema>;

export const projectUpdatedV1 = defineEvent<ProjectUpdatedV1>()({
  type: 'pmo.project.updated.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo', 'program-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: projectUpdatedV1Schema,
});
