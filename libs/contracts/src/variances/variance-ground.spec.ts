import { groundChanges, type ProjectGround, type VarianceGround } from './variance-ground';

const project: ProjectGround = { projectId: 'p1', name: 'Gateway', phase: 'execution', percentComplete: 60, tags: ['regulated'], inScope: true };
const ground: VarianceGround = { version: '1.2.0', requirementIds: ['STATUS-CADENCE'], applicabilityTags: null, projects: [project] };

describe('groundChanges', () => {
  it.each<[string, Partial<VarianceGround>, Partial<ProjectGround> | null, string[]]>([
    ['nothing changed', {}, {}, []],
    ['a minor version is not material', { version: '1.3.0' }, {}, []],
    ['a new major version', { version: '2.0.0' }, {}, ['standard version 2.0.0 is a new major version (decided on 1.2.0)']],
    ['the project closed', {}, { inScope: false }, ['project Gateway left the scope']],
    ['the project is gone', {}, null, ['project Gateway left the scope']],
    ['progress that does not change grandfathering', {}, { percentComplete: 80 }, []],
    [
      'into the closing phase: grandfathering now applies',
      {},
      { phase: 'closing' },
      ['project Gateway moved from execution at 60% to closing at 60%: grandfathering now applies'],
    ],
    [
      'past 90%: grandfathering now applies',
      {},
      { percentComplete: 92 },
      ['project Gateway moved from execution at 60% to execution at 92%: grandfathering now applies'],
    ],
    // The version applies to the whole organisation: tags do not change what applies.
    ['tags on an organisation-wide version', {}, { tags: [] }, []],
  ])('%s', (_case, groundChange, projectChange, reasons) => {
    const now: VarianceGround = { ...ground, ...groundChange, projects: projectChange ? [{ ...project, ...projectChange }] : [] };
    expect(groundChanges(ground, now)).toEqual(reasons);
  });

  it.each<[string, number, Partial<ProjectGround>, string[]]>([
    [
      'past the standard’s own threshold of 70',
      70,
      { percentComplete: 75 },
      ['project Gateway moved from execution at 60% to execution at 75%: grandfathering now applies'],
    ],
    ['past 90 but not across a threshold of 50 it already met', 50, { percentComplete: 92 }, []],
  ])('judges grandfathering at the standard’s threshold: %s', (_case, threshold, projectChange, reasons) => {
    expect(groundChanges(ground, { ...ground, projects: [{ ...project, ...projectChange }] }, threshold)).toEqual(reasons);
  });

  it('flags a tag change that changes whether a tag-scoped version applies', () => {
    const scoped = { ...ground, applicabilityTags: ['regulated'] };
    expect(groundChanges(scoped, { ...scoped, projects: [{ ...project, tags: ['retail'] }] })).toEqual([
      'project Gateway tags changed from [regulated] to [retail], which changes whether the standard applies to it',
    ]);
    expect(groundChanges(scoped, { ...scoped, projects: [{ ...project, tags: ['regulated', 'retail'] }] })).toEqual([]);
  });
});
