import type { LabelledComplianceRow } from './compliance-row-labels';

const COLUMNS: (keyof LabelledComplianceRow)[] = [
  'programId',
  'programCode',
  'programName',
  'projectId',
  'projectCode',
  'projectName',
  'standardKey',
  'version',
  'adoptionDeadline',
  'state',
];

/** Compliance rows as RFC 4180 CSV with a header row (the drill-down an auditor takes away). */
export function complianceCsv(rows: readonly LabelledComplianceRow[]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => field(String(row[c]))).join(','))].map((line) => `${line}\r\n`).join('');
}
