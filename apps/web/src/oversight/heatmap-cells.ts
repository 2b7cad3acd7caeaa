import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { heatmapCellCounts, rollUpCounts } from '@pmo/contracts/compliance';
import type { HeatmapCell } from './ComplianceHeatmap';

type Heatmap = StrategicPmoSchemas['schemas']['ComplianceHeatmapResponse'];

/**
 * The heatmap's cells as the page shows them, by program name then standard: each cell of the answer names its
 * program and standard by index and gives its counts in the order of the answer's `states`; its total and how
 * many comply are derived by the one roll-up rule of @pmo/contracts, never sent.
 */
export function heatmapCellsOf(heatmap: Heatmap | undefined): HeatmapCell[] {
  if (!heatmap) return [];
  return heatmap.cells
    .map((cell) => {
      const [programIndex, standardIndex] = cell;
      const program = heatmap.programs[programIndex];
      const { total, compliant, percentCompliant, byState } = rollUpCounts(heatmapCellCounts(heatmap.states, cell));
      return {
        programId: program?.programId ?? String(programIndex),
        programLabel: program?.programName ?? String(programIndex),
        standardKey: heatmap.standards[standardIndex] ?? String(standardIndex),
        total,
        compliant,
        percent: percentCompliant,
        byState,
      };
    })
    .sort((a, b) => a.programLabel.localeCompare(b.programLabel) || a.standardKey.localeCompare(b.standardKey));
}
