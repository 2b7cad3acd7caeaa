import type { Applicability } from '@pmo/contracts';
import { compareReach, diffScope } from './scope-diff';
import { diffVersions } from './version-diff';

const organisation: Applicability = { scope: 'organisation' };
const tags = (...t: string[]): Applicability => ({ scope: 'tags', tags: t });
const programs = (...p: string[]): Applicability => ({ scope: 'programs', programIds: p });
const wave = (name: string, opensOn: string) => ({ name, programIds: [], programTags: ['finance'], opensOn, adoptionDeadline: '2027-12-31' });

describe('compareReach', () => {
  it.each([
    [organisation, organisation, 'same'],
    [organisation, tags('regulated'), 'narrowed'],
    [tags('regulated'), organisation, 'widened'],
    [tags('a', 'b'), tags('b', 'a'), 'same'],
    [tags('a', 'b'), tags('a'), 'narrowed'],
    [tags('a'), tags('a', 'b'), 'widened'],
    [tags('a'), tags('b'), 'changed'],
    [programs('p1'), programs('p1', 'p2'), 'widened'],
    [tags('a'), programs('p1'), 'changed'],
  ])('%j → %j is %s', (before, after, expected) => {
    expect(compareReach(before, after)).toBe(expected);
  });
});

describe('diffScope', () => {
  it('a regulated variant of an organisation-wide version is a minor change of whom it applies to', () => {
    expect(diffScope({ applicability: organisation, rollout: null }, { applicability: tags('regulated'), rollout: null })).toEqual([
      { kind: 'changed', area: 'applicability', path: 'applicability', before: organisation, after: tags('regulated'), impact: 'minor', reach: 'narrowed' },
    ]);
  });

  it('a changed rollout is patch, compared by content whatever the order of waves', () => {
    const before = { applicability: organisation, rollout: [wave('one', '2027-01-01'), wave('two', '2027-02-01')] };
    expect(diffScope(before, { ...before, rollout: [wave('two', '2027-02-01'), wave('one', '2027-01-01')] })).toEqual([]);
    expect(diffScope(before, { ...before, rollout: [wave('one', '2027-01-15'), wave('two', '2027-02-01')] }).map((c) => [c.area, c.impact])).toEqual([
      ['rollout', 'patch'],
    ]);
  });

  it('counts in the version diff: the same requirements for fewer programs call for a minor version', () => {
    const requirements = [{ id: 'STATUS-CADENCE', text: 'report' }];
    expect(diffVersions({ requirements, applicability: organisation }, { requirements, applicability: tags('regulated') }).classification).toBe('minor');
  });
});
