import fc from 'fast-check';
import { rollUpCounts } from './compliance-rollup';
import { COMPLIANCE_STATES, type ComplianceState } from './compliance-state';
import { HEATMAP_STATES, heatmapCell, heatmapCellCounts } from './heatmap-cells';

describe('heatmap cells', () => {
  it('names every state in the cell, 0 for those absent, after the two indexes', () => {
    expect(heatmapCell(3, 7, { adopted: 2, overdue: 1 })).toEqual([3, 7, 0, 2, 0, 0, 0, 0, 0, 1]);
    expect(HEATMAP_STATES).toEqual(COMPLIANCE_STATES);
  });

  it('reads back the counts a cell was made from, so the roll-up derived from it is the one the counts give', () => {
    const counts = fc.record(Object.fromEntries(COMPLIANCE_STATES.map((state) => [state, fc.nat(10_000)])) as Record<ComplianceState, fc.Arbitrary<number>>, {
      requiredKeys: [],
    });
    fc.assert(
      fc.property(counts, (given) => {
        const read = heatmapCellCounts(HEATMAP_STATES, heatmapCell(0, 0, given));
        expect(rollUpCounts(read)).toEqual(rollUpCounts(given));
      }),
    );
  });

  it("reads counts by the answer's own order of states, ignoring a state this build does not know", () => {
    const states = ['overdue', 'some-later-state', 'adopted'];
    expect(heatmapCellCounts(states, [0, 0, 4, 9, 1])).toEqual({ overdue: 4, adopted: 1 });
  });
});
