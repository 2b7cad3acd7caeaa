import { heatmapCellsOf } from './heatmap-cells';

const programs = [
  { programId: 'b', programCode: 'B', programName: 'Beta' },
  { programId: 'a', programCode: 'A', programName: 'Alpha' },
];
const states = ['pending', 'adopted', 'tailored', 'grandfathered', 'variance-pending', 'variance-approved', 'non-compliant', 'overdue'] as const;

describe('heatmapCellsOf', () => {
  it('names each cell by its program and standard and derives its total and percent compliant from its counts', () => {
    const cells = heatmapCellsOf({
      asOf: '2026-12-01T00:00:00.000Z',
      states: [...states],
      programs,
      standards: ['security', 'status-reporting'],
      cells: [
        [1, 1, 1, 2, 0, 0, 0, 0, 0, 1],
        [0, 0, 0, 0, 0, 0, 0, 3, 1, 0],
      ],
    });
    expect(cells).toEqual([
      {
        programId: 'a',
        programLabel: 'Alpha',
        standardKey: 'status-reporting',
        total: 4,
        compliant: 2,
        percent: 50,
        byState: expect.objectContaining({ pending: 1, adopted: 2, overdue: 1, tailored: 0 }),
      },
      {
        programId: 'b',
        programLabel: 'Beta',
        standardKey: 'security',
        total: 4,
        compliant: 3,
        percent: 75,
        byState: expect.objectContaining({ 'variance-approved': 3 }),
      },
    ]);
  });

  it("reads the counts in the order of the answer's states, not in an order of its own", () => {
    const [cell] = heatmapCellsOf({
      asOf: '2026-12-01T00:00:00.000Z',
      states: [...states].reverse(),
      programs,
      standards: ['s'],
      cells: [[0, 0, 5, 0, 0, 0, 0, 0, 0, 1]],
    });
    expect(cell).toMatchObject({ total: 6, compliant: 0, byState: expect.objectContaining({ overdue: 5, pending: 1 }) });
  });

  it('is empty before the answer arrives', () => {
    expect(heatmapCellsOf(undefined)).toEqual([]);
  });
});
