import { defineEvent } from '../event-definition';
import { isoDateTime, uuid } from '../standards/standard-schemas';

/** A project submitted a status report that its report format's schema accepted. */
export interface StatusReportSubmittedV1 {
  reportId: string;
  projectId: string;
  programId: string;
  formatVersionId: string;
  submittedAt: string;
}

export const statusReportSubmittedV1 = defineEvent<StatusReportSubmittedV1>()({
  type: 'pmo.status-report.submitted.v1',
  topic: 'pmo.projects.v1',
  owner: 'project-pmo',
  consumers: ['strategic-pmo', 'program-pmo'],
  aggregateIdOf: (data) => data.projectId,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://pmo.example/schemas/status-report-submitted.v1.json',
    type: 'object',
    additionalProperties: false,
    required: ['reportId', 'projectId', 'programId', 'formatVersionId', 'submittedAt'],
    properties: { reportId: uuid, projectId: uuid, programId: uuid, formatVersionId: uuid, submittedAt: isoDateTime },
  },
});
