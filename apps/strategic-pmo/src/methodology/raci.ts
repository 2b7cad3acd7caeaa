import { csvCell } from '@pmo/contracts';
import type { KeyTask, ResponsibleParty } from './playbook';

type Mark = 'R' | '';

/** One activity of a key task with an R under each party responsible for it. */
export interface RaciRow {
  activity: string;
  customer: Mark;
  provider: Mark;
  shared: Mark;
}

// The playbook says only who carries an activity, so the matrix holds R marks and no A, C or I.
// A shared activity is carried by both sides: it marks R for customer and for provider, and R in
// `shared` too, so a reader can tell joint work apart from two separate responsibilities.
const MARKS: Record<ResponsibleParty, Omit<RaciRow, 'activity'>> = {
  customer: { customer: 'R', provider: '', shared: '' },
  provider: { customer: '', provider: 'R', shared: '' },
  shared: { customer: 'R', provider: 'R', shared: 'R' },
};

/** The key task's activities, in order, as RACI rows (R marks only; shared marks all three columns). */
export function raciOf(keyTask: Pick<KeyTask, 'activities'>): RaciRow[] {
  return keyTask.activities.map(({ text, responsibleParty }) => ({ activity: text, ...MARKS[responsibleParty] }));
}

/**
 * raciOf as RFC 4180 CSV: header `Activity,Customer,Provider,Shared`, CRLF after every record,
 * each field a `csvCell` (quoted when needed, a formula-like activity prefixed with an apostrophe).
 */
export function raciCsv(keyTask: Pick<KeyTask, 'activities'>): string {
  const header = ['Activity', 'Customer', 'Provider', 'Shared'];
  const rows = raciOf(keyTask).map((row) => [row.activity, row.customer, row.provider, row.shared]);
  return [header, ...rows].map((fields) => `${fields.map(csvCell).join(',')}\r\n`).join('');
}
