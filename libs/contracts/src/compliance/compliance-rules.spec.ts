import { complianceRows, type DecisionFacts, type ReportFacts, type VarianceFacts, type VersionFacts } from './compliance-rows';

// The rules of issue-sized real cases: what an approval grants, what grandfathering keeps, which variant governs.
const regulated = { programId: 'a0000000-0000-4000-8000-00000000000a', tags: ['regulated'] };
const ordinary = { programId: 'b0000000-0000-4000-8000-00000000000b', tags: [] };
const project = (projectId: string, programId = regulated.programId) => ({ projectId, programId, registeredAt: new Date('2027-01-01T00:00:00Z') });
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const cadence = (min: number, max: number) => [{ id: 'STATUS-CADENCE', text: 'report status', leeway: { kind: 'range' as const, min, max, unit: 'days' } }];
const version = (over: Partial<VersionFacts>): VersionFacts => ({
  standardId: 's1',
  key: 'status-reporting',
  versionId: 'v1',
  version: '1.0.0',
  applicability: { scope: 'organisation' },
  rollout: [{ name: 'all', programIds: [], programTags: ['regulated'], opensOn: '2027-01-01', adoptionDeadline: '2027-01-31' }],
  effectiveDate: '2027-01-01',
  adoptionDeadline: '2027-01-31',
  requirements: cadence(7, 14),
  publishedAt: at('2027-01-01'),
  endedAt: null,
  wavesOpenedAt: new Map([['all', at('2027-01-01')]]),
  ...over,
});
const report = (projectId: string, iso: string): ReportFacts => ({ projectId, submittedAt: at(iso) });
const decision = (projectId: string, versionId: string, d: DecisionFacts['decision'], iso: string, choices?: Record<string, number>): DecisionFacts => ({
  projectId,
  versionId,
  decision: d,
  decidedAt: at(iso),
  ...(choices ? { choices } : {}),
});

describe('an approved variance grants what was asked', () => {
  const v1 = version({});
  const approved = (over: Partial<VarianceFacts> = {}): VarianceFacts => ({
    versionId: 'v1',
    projectIds: ['p1'],
    submittedAt: at('2027-01-05'),
    decided: { state: 'approved', at: at('2027-01-10') },
    expiresOn: '2027-06-30',
    requirementIds: ['STATUS-CADENCE'],
    deviations: [{ requirementId: 'STATUS-CADENCE', value: 21 }],
    ...over,
  });
  const stateOn = (iso: string, variance: VarianceFacts) =>
    complianceRows(
      [regulated],
      [project('p1')],
      [v1],
      [decision('p1', 'v1', 'variance-needed', '2027-01-05')],
      at(iso),
      [report('p1', '2027-01-10')],
      [variance],
    )[0]?.state;

  it.each([
    ['20 days after the last report: inside the granted 21', '2027-01-30', approved(), 'variance-approved'],
    ['22 days after: past the granted 21', '2027-02-01', approved(), 'non-compliant'],
    ['a requirement listed without a value is waived: 60 days without a report', '2027-03-11', approved({ deviations: [] }), 'variance-approved'],
    ['a variance on another requirement: the leeway still counts', '2027-02-01', approved({ requirementIds: ['RISK-LOG'], deviations: [] }), 'non-compliant'],
    ['past its end date the grant is gone and so is the approval', '2027-07-02', approved(), 'overdue'],
    [
      'before the decision it is pending, and the cadence does not count',
      '2027-01-08',
      approved({ decided: { state: 'approved', at: at('2027-01-09') } }),
      'variance-pending',
    ],
  ])('%s', (_case, iso, variance, expected) => {
    expect(stateOn(iso, variance)).toBe(expected);
  });
});

describe('grandfathering exempts from the new version', () => {
  const v1 = version({ endedAt: at('2027-03-01') });
  const v2 = version({
    versionId: 'v2',
    version: '2.0.0',
    requirements: cadence(3, 7),
    publishedAt: at('2027-03-01'),
    wavesOpenedAt: new Map([['all', at('2027-03-01')]]),
  });
  const stateOn = (iso: string, decisions: DecisionFacts[], versions = [v1, v2]) =>
    complianceRows([regulated], [project('p1')], versions, decisions, at(iso), [report('p1', '2027-03-02')])[0]?.state;
  const grandfathered = decision('p1', 'v2', 'grandfather', '2027-03-02');

  it.each([
    [
      'measured against the old cadence (14), not the new (7): 10 days without a report',
      '2027-03-12',
      [decision('p1', 'v1', 'adopt', '2027-01-10'), grandfathered],
      'grandfathered',
    ],
    ['past the old cadence it is late under its own rules', '2027-03-17', [decision('p1', 'v1', 'adopt', '2027-01-10'), grandfathered], 'non-compliant'],
    [
      'the old tailoring stays: 21 days is past the tailored 20',
      '2027-03-23',
      [decision('p1', 'v1', 'tailor', '2027-01-10', { 'STATUS-CADENCE': 20 }), grandfathered],
      'non-compliant',
    ],
    [
      'the old tailoring stays: 19 days inside it',
      '2027-03-20',
      [decision('p1', 'v1', 'tailor', '2027-01-10', { 'STATUS-CADENCE': 20 }), grandfathered],
      'grandfathered',
    ],
    [
      'adopting the new version instead: 10 days is late',
      '2027-03-12',
      [decision('p1', 'v1', 'adopt', '2027-01-10'), decision('p1', 'v2', 'adopt', '2027-03-02')],
      'non-compliant',
    ],
  ])('%s', (_case, iso, decisions, expected) => {
    expect(stateOn(iso, decisions)).toBe(expected);
  });

  it('with no earlier version the project is exempt: no cadence until it closes', () => {
    expect(stateOn('2027-12-31', [grandfathered], [v2])).toBe('grandfathered');
  });
});

describe('variants in force side by side', () => {
  const organisation = version({
    rollout: [{ name: 'all', programIds: [], programTags: ['regulated', 'other'], opensOn: '2027-01-01', adoptionDeadline: '2027-01-31' }],
  });
  const variant = version({
    versionId: 'v11',
    version: '1.1.0',
    applicability: { scope: 'tags', tags: ['regulated'] },
    rollout: [{ name: 'regulated', programIds: [], programTags: ['regulated'], opensOn: '2027-02-01', adoptionDeadline: '2027-02-28' }],
    publishedAt: at('2027-01-15'),
    wavesOpenedAt: new Map([['regulated', at('2027-02-01')]]),
  });
  const rowsOn = (iso: string, versions: VersionFacts[]) =>
    complianceRows([regulated, ordinary], [project('p1'), project('p2', ordinary.programId)], versions, [], at(iso))
      .map((r) => `${r.projectId}:${r.version}`)
      .sort();

  it('each program follows the most specific version in force for it, once that version’s wave opened', () => {
    expect(rowsOn('2027-01-20', [organisation, variant])).toEqual(['p1:1.0.0', 'p2:1.0.0']);
    expect(rowsOn('2027-02-02', [organisation, variant])).toEqual(['p1:1.1.0', 'p2:1.0.0']);
  });

  it('between equally specific versions the one published last governs', () => {
    const later = { ...organisation, versionId: 'v12', version: '1.2.0', publishedAt: at('2027-01-20') };
    expect(rowsOn('2027-01-25', [organisation, later])).toEqual(['p1:1.2.0', 'p2:1.2.0']);
  });
});

describe('a decision carried forward counts as the original', () => {
  const v1 = version({ endedAt: at('2027-03-01') });
  const v11 = version({
    versionId: 'v11',
    version: '1.1.0',
    requirements: cadence(7, 21),
    publishedAt: at('2027-03-01'),
    rollout: [{ name: 'all', programIds: [], programTags: ['regulated'], opensOn: '2027-03-01', adoptionDeadline: '2027-03-31' }],
    adoptionDeadline: '2027-03-31',
    wavesOpenedAt: new Map([['all', at('2027-03-01')]]),
  });
  const carried = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
    ...decision('p1', 'v11', 'tailor', '2027-03-01', { 'STATUS-CADENCE': 10 }),
    ...over,
  });
  const stateOn = (iso: string, decisions: DecisionFacts[]) =>
    complianceRows([regulated], [project('p1')], [v1, v11], decisions, at(iso), [report('p1', '2027-03-02')])[0]?.state;

  it.each([
    ['a carried tailoring keeps measuring its value: 9 days inside the tailored 10', '2027-03-11', [carried()], 'tailored'],
    ['a carried tailoring keeps measuring its value: 12 days past the tailored 10, inside the new 21', '2027-03-14', [carried()], 'non-compliant'],
    [
      'with a reopened requirement the project is pending until the deadline',
      '2027-03-14',
      [carried({ reopened: [{ requirementId: 'STEERING', reason: 'x' }] })],
      'pending',
    ],
    ['and overdue after it', '2027-04-01', [carried({ reopened: [{ requirementId: 'STEERING', reason: 'x' }] })], 'overdue'],
    [
      'a new decision on the version closes what reopened',
      '2027-03-14',
      [carried({ reopened: [{ requirementId: 'STEERING', reason: 'x' }] }), decision('p1', 'v11', 'adopt', '2027-03-05')],
      'adopted',
    ],
    [
      'a carried grandfathering keeps the version it had before',
      '2027-03-14',
      [decision('p1', 'v1', 'grandfather', '2027-01-10'), decision('p1', 'v11', 'grandfather', '2027-03-01')],
      'grandfathered',
    ],
  ])('%s', (_case, iso, decisions, expected) => {
    expect(stateOn(iso, decisions)).toBe(expected);
  });
});
