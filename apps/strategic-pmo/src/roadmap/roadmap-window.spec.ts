import { MAX_WINDOW_DAYS, roadmapDays } from './roadmap-window';

describe('roadmapDays', () => {
  it.each([
    ['defaults to a year from today', '2027-03-01', undefined, undefined, { from: '2027-03-01', to: '2028-02-29' }],
    ['keeps a window given in full', '2027-03-01', '2027-01-01', '2027-01-31', { from: '2027-01-01', to: '2027-01-31' }],
    ['takes one day', '2027-03-01', '2027-05-05', '2027-05-05', { from: '2027-05-05', to: '2027-05-05' }],
    // The default end follows the given start, not today.
    ['ends a year after a given start', '2027-03-01', '2030-06-15', undefined, { from: '2030-06-15', to: '2031-06-15' }],
    ['refuses an end before the start', '2027-03-01', '2027-02-01', '2027-01-31', { problem: 'to 2027-01-31 is before from 2027-02-01' }],
  ])('%s', (_case, today, from, to, expected) => {
    expect(roadmapDays(today, from, to)).toEqual(expected);
  });

  it('refuses a window longer than the most an export may cover', () => {
    expect(roadmapDays('2027-01-01', '2027-01-01', '2031-12-31')).toEqual({ from: '2027-01-01', to: '2031-12-31' });
    expect(roadmapDays('2027-01-01', '2027-01-01', '2033-01-01')).toEqual({
      problem: `from 2027-01-01 to 2033-01-01 spans 2192 days; a roadmap window spans at most ${MAX_WINDOW_DAYS}`,
    });
  });
});
