import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDate, isoDateTime, stringEnum, uuid } from '../schemas';

/** What a dated point of a project's plan marks: a milestone, or the go-live of what the project delivers. */
export const MILESTONE_KINDS = ['milestone', 'go-live'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MAX_MILESTONES_PER_PROJECT = 100;

export const scheduledMilestoneSchema = closedObject({
  milestoneId: uuid,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: stringEnum(MILESTONE_KINDS),
  dueOn: isoDate,
});

const projectScheduleChangedV1Schema = closedObject(
  {
    projectId: uuid,
    programId: uuid,
    startDate: Type.Union([isoDate, Type.Null()]),
    endDate: Type.Union([isoDate, Type.Null()]),
    milestones: Type.Array(scheduledMilestoneSchema, { maxItems: MAX_MILESTONES_PER_PROJECT }),
    changedAt: isoDateTime,
  },
  eventSchemaOptions('project-schedule-changed.v1'),
);

/**
 * A project's plan as it stands after a change: its planned start and end and every milestone. The whole plan
 * travels each time, so a consumer replaces its copy and never has to merge partial changes.
 */
export type ProjectScheduleChangedV1 = Static<typeof projectScheduleChangedV1Schema>;

export const projectScheduleChangedV1 = defineEvent<ProjectScheduleChangedV1>()({
  type: 'pmo.project.schedule-changed.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: projectScheduleChangedV1Schema,
});
