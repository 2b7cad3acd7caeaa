import type { Static } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { closedObject, eventSchemaOptions, isoDateTime, uuid } from '../schemas';

export const statusReportSubmittedV1Schema = closedObject(
  { reportId: uuid, projectId: uuid, programId: uuid, formatVersionId: uuid, submittedAt: isoDateTime },
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
