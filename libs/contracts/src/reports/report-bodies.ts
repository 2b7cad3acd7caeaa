import type { Static } from '@sinclair/typebox';
import { anyObject, closedObject } from '../schemas';
import { statusReportSubmittedV1Schema } from './status-report-submitted.v1';

/** POST /projects/{id}/status-reports: the report and the format it follows (`status-report.submitted`). */
export const submitStatusReportBody = closedObject({
  formatVersionId: { ...statusReportSubmittedV1Schema.properties.formatVersionId, description: 'The published report-format version the report follows' },
  report: { ...anyObject, description: 'The report, validated against the format’s JSON Schema', example: { overallHealth: 'green' } },
});
export type SubmitStatusReportBody = Static<typeof submitStatusReportBody>;
