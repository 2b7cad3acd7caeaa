import { COMPLIANCE_STATES, isCompliant, type ComplianceState } from './compliance-state';

/** The compliance state of one project with one standard version, with what it is grouped by. */
export interface ComplianceRow {
  programId: string;
  standardKey: string;
  version: string;
  projectId: string;
  state: ComplianceState;
}

/** Counts over a set of rows. `percentCompliant` is 0 to 100 with one decimal, and 0 when there are no rows. */
export interface ComplianceRollup {
  total: number;
  compliant: number;
  percentCompliant: number;
  byState: Record<ComplianceState, number>;
}

/** What rows can be grouped by in `rollUpBy`. */
export type RollupKey = 'programId' | 'standardKey';

/**
 * Counts `rows` per state and how many comply (see `isCompliant`). Each row counts once: the caller passes one row
 * per project × standard version, so a portfolio's totals equal the sum of its programs'. `byState` names every
 * state, with 0 for those absent.
 */
export function rollUp(rows: readonly ComplianceRow[]): ComplianceRollup {
  const counts: Partial<Record<ComplianceState, number>> = {};
  for (const { state } of rows) counts[state] = (counts[state] ?? 0) + 1;
  return rollUpCounts(counts);
}

/** `rollUp` from counts per state already made (a `GROUP BY state` in SQL); states absent count 0. */
export function rollUpCounts(counts: Partial<Record<ComplianceState, number>>): ComplianceRollup {
  const byState = Object.fromEntries(COMPLIANCE_STATES.map((state) => [state, counts[state] ?? 0])) as Record<ComplianceState, number>;
  const total = COMPLIANCE_STATES.reduce((sum, state) => sum + byState[state], 0);
  const compliant = COMPLIANCE_STATES.filter(isCompliant).reduce((sum, state) => sum + byState[state], 0);
  // Rounded once, here, so a view never shows 66.66666666666667.
  const percentCompliant = total === 0 ? 0 : Math.round((compliant / total) * 1000) / 10;
  return { total, compliant, percentCompliant, byState };
}

/**
 * `rollUp` per program or per standard (all its versions together), keyed by that id, in the order keys first
 * appear in `rows`. Only keys that have rows appear.
 */
export function rollUpBy(rows: readonly ComplianceRow[], key: RollupKey): Map<string, ComplianceRollup> {
  const groups = new Map<string, ComplianceRow[]>();
  for (const row of rows) {
    const group = groups.get(row[key]);
    if (group === undefined) groups.set(row[key], [row]);
    else group.push(row);
  }
  return new Map([...groups].map(([id, group]) => [id, rollUp(group)]));
}
