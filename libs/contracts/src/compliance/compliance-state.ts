/** Where one project stands with one standard version, spelled as on the wire. */
export const COMPLIANCE_STATES = [
  'pending',
  'adopted',
  'tailored',
  'grandfathered',
  'variance-pending',
  'variance-approved',
  'non-compliant',
  'overdue',
] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];

/** A program's decision per project and standard version. */
export const ADOPTION_DECISIONS = ['adopt', 'tailor', 'grandfather', 'variance-needed'] as const;
export type AdoptionDecision = (typeof ADOPTION_DECISIONS)[number];

/**
 * Lifecycle of a variance request: submitted → under-review → a decision, then expired at its end date, or
 * revoked when a review of changed ground withdraws the approval.
 */
export const VARIANCE_STATES = ['submitted', 'under-review', 'approved', 'approved-with-conditions', 'rejected', 'withdrawn', 'expired', 'revoked'] as const;
export type VarianceState = (typeof VARIANCE_STATES)[number];

/**
 * One decision from the project's history; a later one supersedes an earlier one. A decision carried over from a
 * superseded version with `reopened` requirements leaves the project pending (then overdue) until a new decision.
 */
export interface AdoptionDecisionRecord {
  decision: AdoptionDecision;
  decidedAt: Date;
  reopened?: readonly unknown[] | null;
}

/**
 * The variance request that a `variance-needed` decision waits on, as it stands at `now`. `expiresOn` is its last
 * valid day (YYYY-MM-DD, UTC); `overdueConditions` is true when a condition of approval is past its due date undone.
 */
export interface VarianceStanding {
  state: VarianceState;
  expiresOn?: string;
  overdueConditions?: boolean;
}

/** A status-report cadence: at most `maxDaysBetweenReports` days from `since`, or from the last report, to the next. */
export interface ReportCadence {
  maxDaysBetweenReports: number;
  lastReportAt: Date | null;
  since: Date;
}

/** Everything the compliance state depends on, for one project × standard version. */
export interface ComplianceInput {
  now: Date;
  adoptionDeadline: string;
  decisions: readonly AdoptionDecisionRecord[];
  variance: VarianceStanding | null;
  reporting: ReportCadence | null;
}

const COMPLIANT: ReadonlySet<ComplianceState> = new Set<ComplianceState>(['adopted', 'tailored', 'grandfathered', 'variance-approved']);
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The compliance state of one project with one standard version at `now`. Pure: the same input gives the same
 * state, so passing a past `now` with the full history answers "as of" questions. Days are UTC calendar days and
 * `adoptionDeadline` / `expiresOn` are inclusive. Throws a RangeError for an invalid date or cadence.
 */
export function complianceStateOf(input: ComplianceInput): ComplianceState {
  const { now, decisions, variance, reporting } = input;
  const today = dayOf(now, 'now');
  // The deadline day is allowed whole: without a decision the project turns overdue at 00:00 UTC the day after.
  const withoutDecision: ComplianceState = today > checkedDay(input.adoptionDeadline, 'adoption deadline') ? 'overdue' : 'pending';
  const decision = decisionInForce(decisions, now);
  const state = decision === undefined ? withoutDecision : stateOfDecision(decision, variance, today, withoutDecision);
  // Cadence only counts against a project that otherwise complies: pending and overdue already say more.
  return COMPLIANT.has(state) && isReportLate(reporting, now) ? 'non-compliant' : state;
}

/** True for the states that count as compliant in roll-ups: adopted, tailored, grandfathered, variance-approved. */
export function isCompliant(state: ComplianceState): boolean {
  return COMPLIANT.has(state);
}

// Decisions after `now` have not happened yet as of `now`; the latest of the rest is in force. Two at the same
// instant: the one listed last wins, since history is kept in the order it was recorded.
function decisionInForce(decisions: readonly AdoptionDecisionRecord[], now: Date): AdoptionDecision | undefined {
  const nowMs = timeOf(now, 'now');
  let inForce: { decision: AdoptionDecision | undefined; at: number } | undefined;
  for (const { decision, decidedAt, reopened } of decisions) {
    const at = timeOf(decidedAt, 'decidedAt');
    // A carried decision with reopened requirements is no decision yet for the version.
    if (at <= nowMs && (inForce === undefined || at >= inForce.at)) inForce = { decision: reopened?.length ? undefined : decision, at };
  }
  return inForce?.decision;
}

function stateOfDecision(decision: AdoptionDecision, variance: VarianceStanding | null, today: string, withoutDecision: ComplianceState): ComplianceState {
  switch (decision) {
    case 'adopt':
      return 'adopted';
    case 'tailor':
      return 'tailored';
    case 'grandfather':
      return 'grandfathered';
    case 'variance-needed':
      return stateOfVariance(variance, today, withoutDecision);
  }
}

// A variance is the project's answer to the deadline: while it is being decided the project waits on it; once it
// is refused, withdrawn or over, the project stands where it would without it.
function stateOfVariance(variance: VarianceStanding | null, today: string, withoutVariance: ComplianceState): ComplianceState {
  // Not requested yet: the program may still file it before the deadline, not after.
  if (variance === null) return withoutVariance === 'pending' ? 'variance-pending' : 'overdue';
  switch (variance.state) {
    case 'submitted':
    case 'under-review':
      // Filed in time or not, a request under decision is the variance SLA's concern, not an overdue adoption.
      return 'variance-pending';
    case 'approved':
    case 'approved-with-conditions':
      // The expiry job may lag: an approval past its last day is treated as expired. No end date: it holds.
      if (variance.expiresOn !== undefined && checkedDay(variance.expiresOn, 'variance expiry') < today) return withoutVariance;
      // The approval holds only on its terms: a condition past due undone breaks them.
      return variance.overdueConditions === true ? 'non-compliant' : 'variance-approved';
    case 'rejected':
    case 'withdrawn':
    case 'expired':
    case 'revoked':
      return withoutVariance;
  }
}

// Exactly `maxDaysBetweenReports` × 24 h after the last report is still on time; any later instant is late.
// A `lastReportAt` after `now` counts as on time: callers pass the last report at or before `now`.
function isReportLate(reporting: ReportCadence | null, now: Date): boolean {
  if (reporting === null) return false;
  const { maxDaysBetweenReports: maxDays, lastReportAt, since } = reporting;
  if (!Number.isFinite(maxDays) || maxDays <= 0) {
    throw new RangeError(`maxDaysBetweenReports must be a positive number of days, got ${maxDays}`);
  }
  const last = lastReportAt === null ? timeOf(since, 'since') : timeOf(lastReportAt, 'lastReportAt');
  return timeOf(now, 'now') - last > maxDays * DAY_MS;
}

function timeOf(date: Date, what: string): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`${what} is an invalid date`);
  return time;
}

function dayOf(date: Date, what: string): string {
  timeOf(date, what);
  return date.toISOString().slice(0, 10);
}

// YYYY-MM-DD strings compare in calendar order; a day that does not exist (2027-02-30) is refused, not rolled over.
function checkedDay(day: string, what: string): string {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  if (!ISO_DAY.test(day) || Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`${what} "${day}" is not a YYYY-MM-DD date`);
  }
  return day;
}
