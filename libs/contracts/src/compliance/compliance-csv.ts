import { csvCell } from '../csv-cell';
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
  return complianceCsvHeader() + rows.map(complianceCsvLine).join('');
}

/** The header line of `complianceCsv`, with its CRLF: a stream writes it first, then one `complianceCsvLine` per row. */
export function complianceCsvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
}

/** One row of `complianceCsv`, with its CRLF. */
export function complianceCsvLine(row: LabelledComplianceRow): string {
  return `${COLUMNS.map((c) => csvCell(String(row[c]))).join(',')}\r\n`;
}
