import type { Applicability } from './standard-model';
import { appliesToProgram, waveForProgram } from './standard-scope';

const regulated = { programId: 'a6c1f0de-0000-4000-8000-000000000001', tags: ['regulated', 'finance'] };
const hr = { programId: 'a6c1f0de-0000-4000-8000-000000000002', tags: ['hr'] };

describe('appliesToProgram', () => {
  it.each<[string, Applicability, typeof hr, boolean]>([
    ['the whole organisation', { scope: 'organisation' }, regulated, true],
    ['a listed program', { scope: 'programs', programIds: [hr.programId] }, hr, true],
    ['a program not listed', { scope: 'programs', programIds: [hr.programId] }, regulated, false],
    ['a program with the tag', { scope: 'tags', tags: ['regulated'] }, regulated, true],
    ['a program without the tag', { scope: 'tags', tags: ['regulated'] }, hr, false],
  ])('%s', (_case, applicability, program, expected) => {
    expect(appliesToProgram(applicability, program)).toBe(expected);
  });
});

describe('waveForProgram', () => {
  const rollout = [
    { name: 'wave 2', programIds: [], programTags: ['hr', 'finance'], opensOn: '2027-02-01', adoptionDeadline: '2027-03-31' },
    { name: 'wave 1', programIds: [], programTags: ['regulated'], opensOn: '2027-01-01', adoptionDeadline: '2027-02-28' },
  ];

  it('gives a program its earliest wave', () => {
    expect(waveForProgram(rollout, regulated)?.name).toBe('wave 1');
    expect(waveForProgram(rollout, hr)?.name).toBe('wave 2');
  });

  it('gives none to a program no wave names', () => {
    expect(waveForProgram(rollout, { programId: 'a6c1f0de-0000-4000-8000-000000000003', tags: [] })).toBeUndefined();
  });
});
