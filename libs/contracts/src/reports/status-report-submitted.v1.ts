import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, uuid } from '../schemas';
import { healthRating } from './report-health';

export const statusReportSubmittedV1Schema = closedObject(
  {
    reportId: uuid,
    projectId: uuid,
    programId: uuid,
    formatVersionId: uuid,
    submittedAt: isoDateTime,
    /** The ratings in the properties the format marks `x-pmo-health`. Absent in early events and for unmarked formats. */
    health: Type.Optional(closedObject({ schedule: Type.Optional(healthRating), budget: Type.Optional(healthRating), overall: Type.Optional(healthRating) })),
  },
  eventSchemaOptions('status-report-submitted.v1'),
);

/** A project submitted a status report that its report format's schema accepted. */
export type StatusReportSubmittedV1 = Static<typeof statusReportSubmittedV1Schema>;

export const statusReportSubmittedV1 = defineEvent<StatusReportSubmittedV1>()({
  type: 'pmo.status-report.submitted.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo', 'program-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: statusReportSubmittedV1Schema,
});
