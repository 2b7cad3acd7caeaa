import { complianceRows, type DecisionFacts, type VarianceFacts, type VersionFacts } from './compliance-rows';
import { complianceTimeline, type ProjectComplianceHistory } from './compliance-timeline';

const program = { programId: 'a0000000-0000-4000-8000-00000000000a', tags: ['finance'] };
const project = { projectId: 'p1', programId: program.programId, registeredAt: new Date('2027-01-01T00:00:00Z') };
const version: VersionFacts = {
  standardId: 's1',
  key: 'status-reporting',
  versionId: 'v1',
  version: '1.0.0',
  applicability: { scope: 'organisation' },
  rollout: [],
  effectiveDate: '2027-01-10',
  adoptionDeadline: '2027-01-31',
  requirements: [{ id: 'STATUS-CADENCE', text: 'Report status', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
  publishedAt: new Date('2027-01-05T00:00:00Z'),
  endedAt: null,
  wavesOpenedAt: new Map(),
};
const variance: VarianceFacts = {
  versionId: 'v1',
  projectIds: ['p1'],
  submittedAt: new Date('2027-02-03T00:00:00Z'),
  decided: { state: 'approved', at: new Date('2027-02-04T00:00:00Z') },
  expiresOn: '2027-02-20',
};
const decisions: DecisionFacts[] = [{ projectId: 'p1', versionId: 'v1', decision: 'variance-needed', decidedAt: new Date('2027-02-02T00:00:00Z') }];
const reports = [{ projectId: 'p1', submittedAt: new Date('2027-02-01T00:00:00Z') }];
const history: ProjectComplianceHistory = { program, project, versions: [version], decisions, reports, variances: [variance] };

const stateAt = (at: Date) => complianceRows([program], [project], [version], decisions, at, reports, [variance]).map((r) => r.state);
const timelineStateAt = (intervals: ReturnType<typeof complianceTimeline>['intervals'], at: Date) =>
  intervals.filter((i) => i.validFrom <= at && (i.validTo === null || at < i.validTo)).map((i) => i.row.state);

describe('complianceTimeline', () => {
  const end = new Date('2027-04-01T00:00:00Z');
  const { intervals, nextChangeAt } = complianceTimeline(history, null, end);

  it('records the states the compliance function gives, each in one interval', () => {
    expect(intervals.map((i) => [i.row.state, i.validFrom.toISOString(), i.validTo?.toISOString() ?? null])).toEqual([
      ['pending', '2027-01-10T00:00:00.000Z', '2027-02-01T00:00:00.000Z'],
      // The variance-needed decision of 2 February changes nothing until the request is filed: one interval.
      ['overdue', '2027-02-01T00:00:00.000Z', '2027-02-03T00:00:00.000Z'],
      ['variance-pending', '2027-02-03T00:00:00.000Z', '2027-02-04T00:00:00.000Z'],
      ['variance-approved', '2027-02-04T00:00:00.000Z', '2027-02-15T00:00:00.001Z'],
      ['non-compliant', '2027-02-15T00:00:00.001Z', '2027-02-21T00:00:00.000Z'],
      ['overdue', '2027-02-21T00:00:00.000Z', null],
    ]);
  });

  it.each([
    '2027-01-09T23:59:59Z',
    '2027-01-10T00:00:00Z',
    '2027-02-01T00:00:00Z',
    '2027-02-15T00:00:00Z',
    '2027-02-15T00:00:00.001Z',
    '2027-02-21T00:00:00Z',
    '2027-03-30T00:00:00Z',
  ])('answers as the compliance function at %s', (iso) => {
    expect(timelineStateAt(intervals, new Date(iso))).toEqual(stateAt(new Date(iso)));
  });

  it('gives the next change after the end, or none when the clock changes nothing more', () => {
    expect(nextChangeAt).toBeNull();
    const early = complianceTimeline(history, null, new Date('2027-02-05T00:00:00Z'));
    // The cadence lapses 14 days after the report of 1 February.
    expect(early.nextChangeAt?.toISOString()).toBe('2027-02-15T00:00:00.001Z');
  });

  it('starting later gives the same intervals from that instant on', () => {
    const from = new Date('2027-02-10T00:00:00Z');
    const later = complianceTimeline(history, from, end);
    expect(later.intervals.map((i) => [i.row.state, i.validFrom.toISOString()])).toEqual([
      ['variance-approved', '2027-02-10T00:00:00.000Z'],
      ['non-compliant', '2027-02-15T00:00:00.001Z'],
      ['overdue', '2027-02-21T00:00:00.000Z'],
    ]);
  });
});
