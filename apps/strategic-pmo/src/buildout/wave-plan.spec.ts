import { proposeWaves, waveLimitProblems, waveProgress, type PlannedOffering } from './wave-plan';

const offering = (name: string, priority: number, effortWeeks: number, state: PlannedOffering['state'] = 'planned'): PlannedOffering => ({
  id: name,
  name,
  priority,
  effortWeeks,
  state,
});

describe('wave plan', () => {
  it.each([
    [[], 0],
    [['deployed', 'deployed'], 100],
    [['deployed', 'planned'], 50],
    // in progress counts half: 1 + 0.5 of 3 is 50%
    [['deployed', 'in-progress', 'planned'], 50],
    [['in-progress', 'planned', 'planned', 'planned'], 13],
  ] as const)('gives a wave of %j a progress of %i%%', (states, percent) => {
    expect(waveProgress(states.map((state) => ({ state }))).percent).toBe(percent);
  });

  it('refuses a wave beyond the capacity or the pace of change, naming both figures', () => {
    const limits = { capacityPerWave: 10, changesPerWave: 2 };
    expect(waveLimitProblems([offering('a', 1, 4), offering('b', 1, 6)], limits)).toEqual([]);
    expect(waveLimitProblems([offering('a', 1, 4), offering('b', 1, 7)], limits)).toEqual([
      "the wave needs 11 person-weeks, more than the PMO's capacity of 10 per wave",
    ]);
    expect(waveLimitProblems([offering('a', 1, 1), offering('b', 1, 1), offering('c', 1, 1)], limits)).toEqual([
      'the wave deploys 3 products and services, more than the 2 the organisation can absorb in one wave',
    ]);
  });

  it('proposes waves by priority within the capacity and the pace of change', () => {
    const proposal = proposeWaves(
      [offering('tooling', 3, 5), offering('methodology', 1, 8), offering('training', 2, 6), offering('reporting', 2, 2), offering('huge', 4, 30)],
      { capacityPerWave: 12, changesPerWave: 2 },
    );
    expect(proposal.map((wave) => wave.map((o) => o.name))).toEqual([['methodology', 'reporting'], ['training', 'tooling'], ['huge']]);
  });
});
