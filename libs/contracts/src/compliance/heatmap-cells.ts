import { COMPLIANCE_STATES, type ComplianceState } from './compliance-state';

/**
 * One heatmap cell on the wire: `[program index, standard index, ...count per state]`, the indexes into the
 * answer's `programs` and `standards`, the counts in the order of its `states` (every state, 0 for none). Totals
 * and percentages are not sent: `rollUpCounts` derives them, so the rule of what complies is applied in one place.
 */
export type HeatmapCellTuple = readonly number[];

/** The order of the counts in every cell, given once in the answer. */
export const HEATMAP_STATES: readonly ComplianceState[] = COMPLIANCE_STATES;

/** A cell from its program's and standard's indexes and its counts per state (states absent count 0). */
export function heatmapCell(programIndex: number, standardIndex: number, counts: Partial<Record<ComplianceState, number>>): number[] {
  return [programIndex, standardIndex, ...HEATMAP_STATES.map((state) => counts[state] ?? 0)];
}

/**
 * The counts per state of a cell read from an answer, by the answer's own `states` (a state it does not name
 * counts 0; one this build does not know is ignored, so a reader survives a state added later).
 */
export function heatmapCellCounts(states: readonly string[], cell: HeatmapCellTuple): Partial<Record<ComplianceState, number>> {
  const known = new Set<string>(COMPLIANCE_STATES);
  const counts: Partial<Record<ComplianceState, number>> = {};
  states.forEach((state, i) => {
    if (known.has(state)) counts[state as ComplianceState] = cell[i + 2] ?? 0;
  });
  return counts;
}
