import { complianceRows, type DecisionFacts, type VarianceFacts, type VersionFacts } from './compliance-rows';

const programA = { programId: 'a0000000-0000-4000-8000-00000000000a', tags: ['finance'] };
const programB = { programId: 'b0000000-0000-4000-8000-00000000000b', tags: ['hr'] };
const projects = [
  { projectId: 'p1', programId: programA.programId, registeredAt: new Date('2027-01-01T00:00:00Z') },
  { projectId: 'p2', programId: programB.programId, registeredAt: new Date('2027-01-01T00:00:00Z') },
  { projectId: 'p3', programId: programA.programId, registeredAt: new Date('2027-03-01T00:00:00Z') },
];
const version: VersionFacts = {
  standardId: 's1',
  key: 'status-reporting',
  versionId: 'v1',
  version: '1.0.0',
  applicability: { scope: 'organisation' },
  rollout: [
    { name: 'wave 1', programIds: [programA.programId], programTags: [], opensOn: '2027-01-10', adoptionDeadline: '2027-01-31' },
    { name: 'wave 2', programIds: [programB.programId], programTags: [], opensOn: '2027-02-10', adoptionDeadline: '2027-02-28' },
  ],
  effectiveDate: '2027-01-10',
  adoptionDeadline: '2027-03-31',
  requirements: [],
  publishedAt: new Date('2027-01-05T00:00:00Z'),
  endedAt: null,
  wavesOpenedAt: new Map([
    ['wave 1', new Date('2027-01-10T00:00:00Z')],
    ['wave 2', new Date('2027-02-10T00:00:00Z')],
  ]),
};
const decisions: DecisionFacts[] = [{ projectId: 'p1', versionId: 'v1', decision: 'adopt', decidedAt: new Date('2027-01-20T00:00:00Z') }];
const stateAt = (iso: string) => complianceRows([programA, programB], projects, [version], decisions, new Date(iso)).map((r) => `${r.projectId}:${r.state}`);

describe('complianceRows', () => {
  it.each([
    ['before publication: nothing is in force', '2027-01-04T00:00:00Z', []],
    ['after wave 1 opened, before any decision', '2027-01-15T00:00:00Z', ['p1:pending']],
    ['after the adoption', '2027-01-25T00:00:00Z', ['p1:adopted']],
    ['after wave 2 opened', '2027-02-15T00:00:00Z', ['p1:adopted', 'p2:pending']],
    // p3 joined program A after wave 1's deadline: the standard already binds it, so it is overdue at once.
    ['after wave 2’s deadline without a decision', '2027-03-01T12:00:00Z', ['p1:adopted', 'p3:overdue', 'p2:overdue']],
  ])('as of a date %s', (_case, at, expected) => {
    expect(stateAt(at).sort()).toEqual([...expected].sort());
  });

  it('drops a project from the moment it closed, and keeps it for earlier dates', () => {
    const closed = projects.map((p) => (p.projectId === 'p1' ? { ...p, closedAt: new Date('2027-02-01T00:00:00Z') } : p));
    const at = (iso: string) => complianceRows([programA], closed, [version], decisions, new Date(iso)).map((r) => r.projectId);
    expect(at('2027-01-25T00:00:00Z')).toEqual(['p1']);
    expect(at('2027-02-02T00:00:00Z')).toEqual([]);
  });

  it('drops a version from the day it ended', () => {
    const ended = { ...version, endedAt: new Date('2027-02-01T00:00:00Z') };
    expect(complianceRows([programA], projects, [ended], decisions, new Date('2027-02-02T00:00:00Z'))).toEqual([]);
  });
});

describe('the reporting cadence', () => {
  const withCadence = {
    ...version,
    requirements: [{ id: 'STATUS-CADENCE', text: 'Report every 7 to 14 days', leeway: { kind: 'range' as const, min: 7, max: 14, unit: 'days' } }],
  };
  const at = (iso: string, reports: { projectId: string; submittedAt: Date }[], extra = decisions) =>
    complianceRows([programA], projects.slice(0, 1), [withCadence], extra, new Date(iso), reports).map((r) => r.state);

  it.each([
    ['a report within 14 days of the last', '2027-01-30T00:00:00Z', [{ projectId: 'p1', submittedAt: new Date('2027-01-20T00:00:00Z') }], ['adopted']],
    ['no report for more than 14 days since the wave opened', '2027-01-25T00:00:00Z', [], ['non-compliant']],
    ['the last report more than 14 days ago', '2027-02-10T00:00:00Z', [{ projectId: 'p1', submittedAt: new Date('2027-01-20T00:00:00Z') }], ['non-compliant']],
  ])('%s', (_case, iso, reports, expected) => {
    expect(at(iso, reports)).toEqual(expected);
  });

  it('holds a tailored project to the cadence it chose', () => {
    const tailored: DecisionFacts[] = [
      { projectId: 'p1', versionId: 'v1', decision: 'tailor', decidedAt: new Date('2027-01-12T00:00:00Z'), choices: { 'STATUS-CADENCE': 7 } },
    ];
    const lastReport = [{ projectId: 'p1', submittedAt: new Date('2027-01-15T00:00:00Z') }];
    expect(at('2027-01-21T00:00:00Z', lastReport, tailored)).toEqual(['tailored']);
    expect(at('2027-01-23T00:00:00Z', lastReport, tailored)).toEqual(['non-compliant']);
  });
});

describe('variances', () => {
  const needsVariance: DecisionFacts[] = [{ projectId: 'p1', versionId: 'v1', decision: 'variance-needed', decidedAt: new Date('2027-01-12T00:00:00Z') }];
  const request = (decided: VarianceFacts['decided']): VarianceFacts => ({
    versionId: 'v1',
    projectIds: ['p1'],
    submittedAt: new Date('2027-01-13T00:00:00Z'),
    decided,
    expiresOn: '2027-12-31',
  });
  const at = (iso: string, variance: VarianceFacts) =>
    complianceRows([programA], projects.slice(0, 1), [version], needsVariance, new Date(iso), [], [variance]).map((r) => r.state);

  it.each([
    ['pending review', null, '2027-01-20T00:00:00Z', ['variance-pending']],
    ['approved, after the decision', { state: 'approved' as const, at: new Date('2027-01-15T00:00:00Z') }, '2027-01-20T00:00:00Z', ['variance-approved']],
    ['approved, as of before the decision', { state: 'approved' as const, at: new Date('2027-01-15T00:00:00Z') }, '2027-01-14T00:00:00Z', ['variance-pending']],
    ['rejected, before the deadline', { state: 'rejected' as const, at: new Date('2027-01-15T00:00:00Z') }, '2027-01-20T00:00:00Z', ['pending']],
    ['rejected, after the deadline', { state: 'rejected' as const, at: new Date('2027-01-15T00:00:00Z') }, '2027-02-05T00:00:00Z', ['overdue']],
  ])('%s', (_case, decided, iso, expected) => {
    expect(at(iso, request(decided))).toEqual(expected);
  });
});
