import type { CheckResult } from '../compliance/check-result';
import type { VarianceState } from '../compliance/compliance-state';

/** submitted → under-review → approved | approved-with-conditions | rejected | withdrawn; approvals → expired | revoked. */
export const VARIANCE_TRANSITIONS: Readonly<Record<VarianceState, readonly VarianceState[]>> = {
  submitted: ['under-review', 'rejected', 'withdrawn'],
  'under-review': ['approved', 'approved-with-conditions', 'rejected', 'withdrawn'],
  approved: ['expired', 'revoked'],
  'approved-with-conditions': ['expired', 'revoked'],
  rejected: [],
  withdrawn: [],
  expired: [],
  revoked: [],
};

/** Whether a variance may move from one state to another; the refusal names the current and allowed states. */
export function checkVarianceTransition(from: VarianceState, to: VarianceState): CheckResult {
  const allowed = VARIANCE_TRANSITIONS[from];
  if (allowed.includes(to)) return { ok: true };
  return { ok: false, message: `variance is ${from}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}` };
}

/**
 * The day a decision is due: `businessDays` working days (Monday to Friday, UTC) after the day it was
 * submitted. Public holidays are not known to the platform and count as working days.
 */
export function decisionDueOn(submittedAt: Date, businessDays: number): string {
  const day = new Date(Date.UTC(submittedAt.getUTCFullYear(), submittedAt.getUTCMonth(), submittedAt.getUTCDate()));
  for (let left = businessDays; left > 0;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

/** Risk as likelihood × impact, each 1 to 5. */
export function riskScore(risk: { likelihood: number; impact: number }): number {
  return risk.likelihood * risk.impact;
}
