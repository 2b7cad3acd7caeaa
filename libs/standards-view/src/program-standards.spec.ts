import { programStandards } from './program-standards';
import type { PublishedVersionEntity } from './published-version.entity';

const finance = { programId: '0f6b1d7e-0000-4000-8000-000000000001', tags: ['finance'] };
const hr = { programId: '0f6b1d7e-0000-4000-8000-000000000002', tags: ['hr'] };

function version(overrides: Partial<PublishedVersionEntity>): PublishedVersionEntity {
  return {
    versionId: 'a0000000-0000-4000-8000-000000000001',
    standardId: 'b0000000-0000-4000-8000-000000000001',
    key: 'status-reporting',
    title: 'Status reporting',
    kind: 'standard',
    level: 'mandatory',
    version: '1.0.0',
    state: 'published',
    effectiveDate: '2027-01-01',
    adoptionDeadline: '2027-06-30',
    applicability: { scope: 'organisation' },
    requirements: [{ id: 'STATUS-CADENCE', text: 'Report every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
    rollout: [
      { name: 'wave 1', programIds: [], programTags: ['finance'], opensOn: '2027-01-01', adoptionDeadline: '2027-02-28' },
      { name: 'wave 2', programIds: [], programTags: ['hr'], opensOn: '2027-03-01', adoptionDeadline: '2027-04-30' },
    ],
    reportSchema: null,
    publishedAt: new Date('2026-12-01T00:00:00Z'),
    endedAt: null,
    ...overrides,
  };
}

const wave1Open = new Map([['a0000000-0000-4000-8000-000000000001', new Map([['wave 1', new Date('2027-01-01T00:01:00Z')]])]]);

describe('programStandards', () => {
  it('puts a version in force for a program once its wave has opened, with that wave’s dates', () => {
    const [view] = programStandards(finance, [version({})], wave1Open);
    expect(view).toMatchObject({
      inForce: true,
      appliesFrom: '2027-01-01',
      adoptionDeadline: '2027-02-28',
      wave: { name: 'wave 1', openedAt: '2027-01-01T00:01:00.000Z' },
    });
  });

  it('shows the version to a program whose wave is still closed, not in force', () => {
    const [view] = programStandards(hr, [version({})], wave1Open);
    expect(view).toMatchObject({ inForce: false, appliesFrom: '2027-03-01', adoptionDeadline: '2027-04-30', wave: { name: 'wave 2', openedAt: null } });
  });

  it.each([
    ['superseded', 'superseded'],
    ['retired', 'retired'],
  ] as const)('keeps a %s version in the view but not in force', (_case, state) => {
    expect(programStandards(finance, [version({ state })], wave1Open)).toEqual([expect.objectContaining({ state, inForce: false })]);
  });

  it('leaves out a version that does not apply to the program', () => {
    expect(programStandards(hr, [version({ applicability: { scope: 'tags', tags: ['regulated'] } })], wave1Open)).toEqual([]);
  });

  it('applies a version whose rollout names the program in no wave from its effective date', () => {
    const [view] = programStandards(hr, [version({ rollout: [] })], new Map());
    expect(view).toMatchObject({ inForce: true, wave: null, appliesFrom: '2027-01-01', adoptionDeadline: '2027-06-30' });
  });
});
