import { validateRolloutPlan, wavesDueBy, type RolloutWave } from './rollout-plan';

const wave = (name: string, opensOn: string, adoptionDeadline: string, overrides: Partial<RolloutWave> = {}): RolloutWave => ({
  name,
  programIds: [],
  programTags: ['regulated'],
  opensOn,
  adoptionDeadline,
  ...overrides,
});
const pilot = wave('Pilot', '2026-01-05', '2026-02-27', { programIds: ['p-1'], programTags: [] });
const regulated = wave('Regulated', '2026-03-02', '2026-05-29');
const everyoneElse = wave('Everyone else', '2026-06-01', '2026-09-30', { programTags: ['unregulated'] });

describe('validateRolloutPlan', () => {
  it.each<[string, RolloutWave[]]>([
    ['a single wave', [pilot]],
    ['waves in opening order', [pilot, regulated, everyoneElse]],
    ['two waves opening the same day', [pilot, { ...regulated, opensOn: pilot.opensOn }]],
    ['a deadline on the opening day', [wave('Now', '2026-01-05', '2026-01-05')]],
    ['a leap day', [wave('Leap', '2028-02-29', '2028-03-31')]],
  ])('accepts %s', (_case, waves) => {
    expect(validateRolloutPlan(waves)).toEqual([]);
  });

  it.each<[string, RolloutWave[], string[]]>([
    ['an empty plan', [], ['a rollout plan needs at least one wave']],
    ['a wave naming nobody', [{ ...pilot, programIds: [] }], ['wave "Pilot" names no programs and no tags']],
    [
      'a deadline before the opening',
      [wave('Late', '2026-03-02', '2026-03-01')],
      ['wave "Late" has its adoption deadline 2026-03-01 before its opening date 2026-03-02'],
    ],
    [
      'waves out of opening order',
      [pilot, everyoneElse, regulated],
      ['wave "Regulated" opens on 2026-03-02, before the wave above it, "Everyone else", opens (2026-06-01)'],
    ],
    ['a name used twice', [pilot, { ...regulated, name: 'Pilot' }], ['wave "Pilot" is named more than once']],
    ['a blank name', [pilot, { ...regulated, name: ' ' }], ['wave 2 has no name']],
    [
      'dates that are not calendar days',
      [wave('Odd', '2026-02-30', '26-03-01')],
      ['wave "Odd" opens on "2026-02-30", which is not a date (YYYY-MM-DD)', 'wave "Odd" has adoption deadline "26-03-01", which is not a date (YYYY-MM-DD)'],
    ],
    [
      'several problems at once',
      [regulated, { ...pilot, name: 'Regulated', programIds: [] }],
      [
        'wave "Regulated" is named more than once',
        'wave "Regulated" names no programs and no tags',
        'wave "Regulated" opens on 2026-01-05, before the wave above it, "Regulated", opens (2026-03-02)',
      ],
    ],
  ])('reports %s', (_case, waves, problems) => {
    expect(validateRolloutPlan(waves)).toEqual(problems);
  });
});

describe('wavesDueBy', () => {
  const plan = [pilot, regulated, everyoneElse];

  it.each<[string, string, string[], string[]]>([
    ['before the first opening', '2026-01-04', [], []],
    ['on the first opening day', '2026-01-05', [], ['Pilot']],
    ['once the first wave is open', '2026-02-01', ['Pilot'], []],
    // A scheduler that was down for months opens every wave it missed, in plan order.
    ['after missed openings', '2026-07-01', ['Pilot'], ['Regulated', 'Everyone else']],
    ['when all are open', '2027-01-01', ['Pilot', 'Regulated', 'Everyone else'], []],
  ])('%s (%s)', (_case, today, opened, due) => {
    expect(wavesDueBy(plan, new Set(opened), today).map((w) => w.name)).toEqual(due);
  });
});
