import type { CheckResult } from '../compliance/check-result';

/** The longest a variance may run, in months from its request, when the standard sets nothing else. */
export const DEFAULT_LONGEST_VARIANCE_MONTHS = 12;
/** Business days the strategic PMO has to decide a variance, when the standard sets nothing else. */
export const DEFAULT_DECISION_SLA_BUSINESS_DAYS = 10;

/** How a standard treats variances. */
export interface VariancePolicy {
  longestVarianceMonths: number;
  decisionSlaBusinessDays: number;
}

export const DEFAULT_VARIANCE_POLICY: VariancePolicy = {
  longestVarianceMonths: DEFAULT_LONGEST_VARIANCE_MONTHS,
  decisionSlaBusinessDays: DEFAULT_DECISION_SLA_BUSINESS_DAYS,
};

/**
 * The last day a variance requested on `today` (YYYY-MM-DD) may run: the same day `months` later, or that
 * month's last day when it is shorter (31 August + 6 months is 28 or 29 February, not 3 March).
 */
export function latestVarianceExpiry(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whether `expiresOn` is after `today` and no later than the policy allows; the refusal names the limit. */
export function checkVarianceExpiry(expiresOn: string, today: string, months: number): CheckResult {
  const latest = latestVarianceExpiry(today, months);
  if (expiresOn <= today) return { ok: false, message: `expiresOn ${expiresOn} must be after today (${today})` };
  if (expiresOn > latest)
    return { ok: false, message: `expiresOn ${expiresOn} is later than ${latest}: this standard allows a variance of at most ${months} months` };
  return { ok: true };
}

/** A condition of an approval as tracked: due on a day, done (met) at some time or not yet. */
export interface TrackedCondition {
  id: string;
  dueOn: string;
  metAt: string | null;
}

/** The conditions past their due date (the day after `dueOn` has begun) and not met: they flag the variance. */
export function overdueConditionIds(conditions: readonly TrackedCondition[], today: string): string[] {
  return conditions.filter((c) => c.metAt === null && c.dueOn < today).map((c) => c.id);
}
