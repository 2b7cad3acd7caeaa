import type { Applicability } from '@pmo/contracts';
import { appliesToProgram } from './applicability';

const regulated = { programId: 'p-1', tags: ['regulated', 'defence'] };
const untagged = { programId: 'p-2', tags: [] };

describe('appliesToProgram', () => {
  it.each<[string, Applicability, { programId: string; tags: string[] }, boolean]>([
    ['the organisation, to any program', { scope: 'organisation' }, untagged, true],
    ['listed programs, to a listed one', { scope: 'programs', programIds: ['p-9', 'p-1'] }, regulated, true],
    ['listed programs, to another', { scope: 'programs', programIds: ['p-9'] }, regulated, false],
    ['tags, to a program with one of them', { scope: 'tags', tags: ['finance', 'regulated'] }, regulated, true],
    ['tags, to a program with none of them', { scope: 'tags', tags: ['finance'] }, regulated, false],
    ['tags, to an untagged program', { scope: 'tags', tags: ['regulated'] }, untagged, false],
    // Tags are stored as entered; matching them loosely would let a typo select programs.
    ['tags, compared exactly', { scope: 'tags', tags: ['Regulated'] }, regulated, false],
    ['an empty program list, to nobody', { scope: 'programs', programIds: [] }, regulated, false],
  ])('applies %s: %s', (_case, applicability, program, applies) => {
    expect(appliesToProgram(applicability, program)).toBe(applies);
  });
});
