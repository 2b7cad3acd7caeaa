import type { HeatmapCell } from './ComplianceHeatmap';
import { PROGRAMS_PER_HEATMAP, heatmapPage } from './heatmap-pages';

// Cells as the page sorts them: by program, then standard.
function cellsOf(programs: number, standards: number): HeatmapCell[] {
  return Array.from({ length: programs }, (_, p) =>
    Array.from({ length: standards }, (_, s) => ({
      programId: `p${String(p).padStart(3, '0')}`,
      programLabel: `Program ${String(p).padStart(3, '0')}`,
      standardKey: `s${s}`,
      total: 10,
      compliant: s,
      percent: s * 10,
      byState: { adopted: s, pending: 10 - s },
    })),
  ).flat();
}

describe('heatmapPage', () => {
  it('shows every cell of a page of programs, and each program on exactly one page', () => {
    const cells = cellsOf(2 * PROGRAMS_PER_HEATMAP + 3, 4);
    const pages = [1, 2, 3].map((page) => heatmapPage(cells, page));
    expect(pages.map((p) => p.pages)).toEqual([3, 3, 3]);
    expect(pages.map((p) => p.cells.length)).toEqual([PROGRAMS_PER_HEATMAP * 4, PROGRAMS_PER_HEATMAP * 4, 3 * 4]);
    expect(pages.flatMap((p) => p.cells)).toEqual(cells);
  });

  it('answers a page past the last (after a filter narrowed the programs) with the last page', () => {
    const shown = heatmapPage(cellsOf(5, 2), 4);
    expect(shown).toMatchObject({ page: 1, pages: 1 });
    expect(shown.cells).toHaveLength(10);
  });

  it('has one empty page when no cell matches', () => {
    expect(heatmapPage([], 1)).toEqual({ cells: [], page: 1, pages: 1 });
  });
});
