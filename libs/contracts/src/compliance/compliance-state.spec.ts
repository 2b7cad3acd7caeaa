import {
  complianceStateOf,
  isCompliant,
  type AdoptionDecision,
  type AdoptionDecisionRecord,
  type ComplianceInput,
  type ComplianceState,
  type ReportCadence,
  type VarianceStanding,
} from './compliance-state';

// The deadline is 2027-03-31, the last day allowed.
const DEADLINE = '2027-03-31';
const BEFORE = '2027-03-15T12:00:00.000Z';
const AFTER = '2027-04-15T12:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;

const at = (iso: string): Date => new Date(iso);
const decided = (decision: AdoptionDecision, iso = '2027-03-01T09:00:00.000Z'): AdoptionDecisionRecord => ({ decision, decidedAt: at(iso) });
const input = (now: string, changes: Partial<Omit<ComplianceInput, 'now'>> = {}): ComplianceInput => ({
  now: at(now),
  adoptionDeadline: DEADLINE,
  decisions: [],
  variance: null,
  reporting: null,
  ...changes,
});

describe('complianceStateOf without a decision', () => {
  it.each<[string, string, ComplianceState]>([
    ['well before the deadline', '2027-01-10T08:00:00.000Z', 'pending'],
    ['at the start of the deadline day', '2027-03-31T00:00:00.000Z', 'pending'],
    // The deadline day is allowed whole, to its last millisecond in UTC.
    ['at the last instant of the deadline day', '2027-03-31T23:59:59.999Z', 'pending'],
    ['at the first instant after the deadline day', '2027-04-01T00:00:00.000Z', 'overdue'],
    ['well after the deadline', AFTER, 'overdue'],
  ])('is %s → %s', (_case, now, state) => {
    expect(complianceStateOf(input(now))).toBe(state);
  });
});

describe('complianceStateOf with one decision', () => {
  it.each<[AdoptionDecision, string, ComplianceState]>([
    ['adopt', BEFORE, 'adopted'],
    ['adopt', AFTER, 'adopted'],
    ['tailor', BEFORE, 'tailored'],
    ['tailor', AFTER, 'tailored'],
    ['grandfather', BEFORE, 'grandfathered'],
    ['grandfather', AFTER, 'grandfathered'],
    // No variance request filed yet: waiting on it until the deadline, overdue after.
    ['variance-needed', BEFORE, 'variance-pending'],
    ['variance-needed', AFTER, 'overdue'],
  ])('%s at %s → %s', (decision, now, state) => {
    expect(complianceStateOf(input(now, { decisions: [decided(decision)] }))).toBe(state);
  });
});

describe('complianceStateOf with a decision history', () => {
  it.each<[string, string, AdoptionDecisionRecord[], ComplianceState]>([
    ['a later tailor supersedes adopt', BEFORE, [decided('adopt', '2027-03-01T09:00:00Z'), decided('tailor', '2027-03-02T09:00:00Z')], 'tailored'],
    ['a later adopt supersedes tailor', BEFORE, [decided('tailor', '2027-03-01T09:00:00Z'), decided('adopt', '2027-03-02T09:00:00Z')], 'adopted'],
    ['adopt supersedes variance-needed', AFTER, [decided('variance-needed', '2027-03-01T09:00:00Z'), decided('adopt', '2027-04-02T09:00:00Z')], 'adopted'],
    [
      'variance-needed supersedes grandfather',
      BEFORE,
      [decided('grandfather', '2027-03-01T09:00:00Z'), decided('variance-needed', '2027-03-02T09:00:00Z')],
      'variance-pending',
    ],
    // The latest by time is in force, whatever order the history comes in.
    ['the latest wins when listed first', BEFORE, [decided('grandfather', '2027-03-05T09:00:00Z'), decided('adopt', '2027-03-01T09:00:00Z')], 'grandfathered'],
    // Same instant: the one recorded (listed) last wins.
    ['a tie goes to the one listed last', BEFORE, [decided('adopt', '2027-03-01T09:00:00Z'), decided('tailor', '2027-03-01T09:00:00Z')], 'tailored'],
    ['a decision at exactly now counts', '2027-03-01T09:00:00.000Z', [decided('adopt', '2027-03-01T09:00:00.000Z')], 'adopted'],
    ['a decision 1 ms after now does not count yet', '2027-03-01T08:59:59.999Z', [decided('adopt', '2027-03-01T09:00:00.000Z')], 'pending'],
    ['as of a day before a late decision, the project was overdue', '2027-04-05T00:00:00Z', [decided('adopt', '2027-04-10T09:00:00Z')], 'overdue'],
    [
      'a future decision does not supersede the one in force',
      BEFORE,
      [decided('adopt', '2027-03-01T09:00:00Z'), decided('tailor', '2027-03-20T09:00:00Z')],
      'adopted',
    ],
    [
      'as of a day between two decisions, the first holds',
      '2027-03-10T00:00:00Z',
      [decided('tailor', '2027-03-01T09:00:00Z'), decided('grandfather', '2027-03-20T09:00:00Z')],
      'tailored',
    ],
  ])('%s', (_case, now, decisions, state) => {
    expect(complianceStateOf(input(now, { decisions }))).toBe(state);
  });
});

describe('complianceStateOf with variance-needed and a variance request', () => {
  it.each<[VarianceStanding['state'], string, ComplianceState]>([
    ['submitted', BEFORE, 'variance-pending'],
    // A request under decision is the variance SLA's concern, not an overdue adoption.
    ['submitted', AFTER, 'variance-pending'],
    ['under-review', BEFORE, 'variance-pending'],
    ['under-review', AFTER, 'variance-pending'],
    ['approved', BEFORE, 'variance-approved'],
    ['approved', AFTER, 'variance-approved'],
    ['approved-with-conditions', BEFORE, 'variance-approved'],
    ['approved-with-conditions', AFTER, 'variance-approved'],
    // Rejected, withdrawn or expired: back to what the function gives without the variance.
    ['rejected', BEFORE, 'pending'],
    ['rejected', AFTER, 'overdue'],
    ['withdrawn', BEFORE, 'pending'],
    ['withdrawn', AFTER, 'overdue'],
    ['expired', BEFORE, 'pending'],
    ['expired', AFTER, 'overdue'],
  ])('%s at %s → %s', (varianceState, now, state) => {
    expect(complianceStateOf(input(now, { decisions: [decided('variance-needed')], variance: { state: varianceState } }))).toBe(state);
  });

  it.each<[string, string, VarianceStanding, ComplianceState]>([
    ['an approval expiring in the future', BEFORE, { state: 'approved', expiresOn: '2027-12-31' }, 'variance-approved'],
    // expiresOn is the last valid day, whole.
    ['an approval on its last day', '2027-03-15T23:59:59.999Z', { state: 'approved', expiresOn: '2027-03-15' }, 'variance-approved'],
    ['an approval past its last day, before the deadline', '2027-03-16T00:00:00.000Z', { state: 'approved', expiresOn: '2027-03-15' }, 'pending'],
    ['an approval past its last day, after the deadline', AFTER, { state: 'approved', expiresOn: '2027-04-01' }, 'overdue'],
    ['conditions past their last day', AFTER, { state: 'approved-with-conditions', expiresOn: '2027-04-01' }, 'overdue'],
    // A condition past due and undone breaks the terms of the approval.
    ['overdue conditions', BEFORE, { state: 'approved-with-conditions', expiresOn: '2027-12-31', overdueConditions: true }, 'non-compliant'],
    ['conditions all on time', BEFORE, { state: 'approved-with-conditions', expiresOn: '2027-12-31', overdueConditions: false }, 'variance-approved'],
    ['overdue conditions on an expired approval', AFTER, { state: 'approved-with-conditions', expiresOn: '2027-04-01', overdueConditions: true }, 'overdue'],
    ['overdue conditions on a rejected request', BEFORE, { state: 'rejected', overdueConditions: true }, 'pending'],
  ])('%s → %s', (_case, now, variance, state) => {
    expect(complianceStateOf(input(now, { decisions: [decided('variance-needed')], variance }))).toBe(state);
  });

  it.each<[AdoptionDecision, ComplianceState]>([
    ['adopt', 'adopted'],
    ['tailor', 'tailored'],
    ['grandfather', 'grandfathered'],
  ])('ignores an approved variance when the decision in force is %s', (decision, state) => {
    expect(complianceStateOf(input(BEFORE, { decisions: [decided(decision)], variance: { state: 'approved' } }))).toBe(state);
  });
});

describe('complianceStateOf with a report cadence', () => {
  const lastReportAt = at('2027-03-10T12:00:00.000Z');
  const cadence = (changes: Partial<ReportCadence> = {}): ReportCadence => ({
    maxDaysBetweenReports: 14,
    lastReportAt,
    since: at('2027-03-01T00:00:00.000Z'),
    ...changes,
  });
  const after = (from: Date, ms: number): string => new Date(from.getTime() + ms).toISOString();
  const compliant: [string, Pick<ComplianceInput, 'decisions' | 'variance'>, ComplianceState][] = [
    ['adopted', { decisions: [decided('adopt')], variance: null }, 'adopted'],
    ['tailored', { decisions: [decided('tailor')], variance: null }, 'tailored'],
    ['grandfathered', { decisions: [decided('grandfather')], variance: null }, 'grandfathered'],
    ['variance-approved', { decisions: [decided('variance-needed')], variance: { state: 'approved' } }, 'variance-approved'],
  ];

  it.each(
    compliant.flatMap(([name, given, state]) => [
      [name, 'well within the cadence', after(lastReportAt, 7 * DAY_MS), given, state],
      // Exactly 14 × 24 h after the last report is still on time.
      [name, 'just at the limit', after(lastReportAt, 14 * DAY_MS), given, state],
      [name, 'just past the limit', after(lastReportAt, 14 * DAY_MS + 1), given, 'non-compliant' as const],
    ]),
  )('%s, %s → %s', (_name, _case, now, given, state) => {
    expect(complianceStateOf(input(now, { ...given, reporting: cadence() }))).toBe(state);
  });

  it.each<[string, string, ReportCadence, ComplianceState]>([
    // No report yet: the cadence counts from `since`.
    ['no report yet, within the cadence from since', '2027-03-15T00:00:00.000Z', cadence({ lastReportAt: null }), 'adopted'],
    ['no report yet, past the cadence from since', '2027-03-15T00:00:00.001Z', cadence({ lastReportAt: null }), 'non-compliant'],
    ['a recent report restarts the count', '2027-03-20T00:00:00.000Z', cadence(), 'adopted'],
    ['a fractional cadence', after(lastReportAt, 1.5 * DAY_MS + 1), cadence({ maxDaysBetweenReports: 1.5 }), 'non-compliant'],
  ])('%s → %s', (_case, now, reporting, state) => {
    expect(complianceStateOf(input(now, { decisions: [decided('adopt')], reporting }))).toBe(state);
  });

  // Pending and overdue already say more than a missed report; a request being decided is not yet bound by it.
  it.each<[string, string, Pick<ComplianceInput, 'decisions' | 'variance'>, ComplianceState]>([
    ['pending', BEFORE, { decisions: [], variance: null }, 'pending'],
    ['overdue', AFTER, { decisions: [], variance: null }, 'overdue'],
    ['variance-pending', AFTER, { decisions: [decided('variance-needed')], variance: { state: 'under-review' } }, 'variance-pending'],
  ])('does not apply to %s', (_case, now, given, state) => {
    expect(complianceStateOf(input(now, { ...given, reporting: cadence({ lastReportAt: null, since: at('2026-01-01T00:00:00Z') }) }))).toBe(state);
  });

  it('does not apply without a cadence', () => {
    expect(complianceStateOf(input('2030-01-01T00:00:00Z', { decisions: [decided('adopt')], reporting: null }))).toBe('adopted');
  });
});

describe('complianceStateOf refuses malformed input', () => {
  it.each<[string, ComplianceInput, string]>([
    ['a deadline not in YYYY-MM-DD', input(BEFORE, { adoptionDeadline: '31/03/2027' }), 'adoption deadline "31/03/2027" is not a YYYY-MM-DD date'],
    // Date.parse rolls 2027-02-30 over to March 2; a deadline that does not exist is a mistake, not March 2.
    ['a deadline that does not exist', input(BEFORE, { adoptionDeadline: '2027-02-30' }), 'adoption deadline "2027-02-30" is not a YYYY-MM-DD date'],
    ['an invalid now', { ...input(BEFORE), now: new Date(Number.NaN) }, 'now is an invalid date'],
    ['an invalid decision time', input(BEFORE, { decisions: [{ decision: 'adopt', decidedAt: new Date(Number.NaN) }] }), 'decidedAt is an invalid date'],
    [
      'a malformed variance expiry',
      input(BEFORE, { decisions: [decided('variance-needed')], variance: { state: 'approved', expiresOn: '2027-13-01' } }),
      'variance expiry "2027-13-01" is not a YYYY-MM-DD date',
    ],
    [
      'a cadence of zero days',
      input(BEFORE, { decisions: [decided('adopt')], reporting: { maxDaysBetweenReports: 0, lastReportAt: null, since: at(BEFORE) } }),
      'maxDaysBetweenReports must be a positive number of days, got 0',
    ],
    [
      'a cadence of NaN days',
      input(BEFORE, { decisions: [decided('adopt')], reporting: { maxDaysBetweenReports: Number.NaN, lastReportAt: null, since: at(BEFORE) } }),
      'maxDaysBetweenReports must be a positive number of days, got NaN',
    ],
  ])('throws a RangeError for %s', (_case, given, message) => {
    expect(() => complianceStateOf(given)).toThrow(new RangeError(message));
  });
});

describe('isCompliant', () => {
  it.each<[ComplianceState, boolean]>([
    ['pending', false],
    ['adopted', true],
    ['tailored', true],
    ['grandfathered', true],
    ['variance-pending', false],
    ['variance-approved', true],
    ['non-compliant', false],
    ['overdue', false],
  ])('%s → %s', (state, compliant) => {
    expect(isCompliant(state)).toBe(compliant);
  });
});
