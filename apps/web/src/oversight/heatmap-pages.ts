import type { HeatmapCell } from './ComplianceHeatmap';

// A chart of 200 programs is neither drawn quickly nor read: the heatmap shows this many programs at a time (the
// grid below holds every cell).
export const PROGRAMS_PER_HEATMAP = 20;

/** The cells of one page of programs (cells come sorted by program; a page past the last, after a filter, is the last). */
export function heatmapPage(cells: HeatmapCell[], wanted: number): { cells: HeatmapCell[]; page: number; pages: number } {
  const programs = [...new Set(cells.map((c) => c.programId))];
  const pages = Math.max(1, Math.ceil(programs.length / PROGRAMS_PER_HEATMAP));
  const page = Math.min(wanted, pages);
  const shown = new Set(programs.slice((page - 1) * PROGRAMS_PER_HEATMAP, page * PROGRAMS_PER_HEATMAP));
  return { cells: cells.filter((c) => shown.has(c.programId)), page, pages };
}
