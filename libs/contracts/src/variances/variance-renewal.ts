import type { CheckResult } from '../compliance/check-result';
import type { VarianceState } from '../compliance/compliance-state';
import { latestVarianceExpiry } from './variance-policy';

/** A renewal goes through review and decision like a first request: submitted → under-review → approved | rejected. */
export const RENEWAL_STATES = ['submitted', 'under-review', 'approved', 'rejected'] as const;
export type RenewalState = (typeof RENEWAL_STATES)[number];

const RENEWAL_TRANSITIONS: Readonly<Record<RenewalState, readonly RenewalState[]>> = {
  submitted: ['under-review'],
  'under-review': ['approved', 'rejected'],
  approved: [],
  rejected: [],
};

/** Whether a renewal may move from one state to another; the refusal names the current and allowed states. */
export function checkRenewalTransition(from: RenewalState, to: RenewalState): CheckResult {
  const allowed = RENEWAL_TRANSITIONS[from];
  if (allowed.includes(to)) return { ok: true };
  return { ok: false, message: `renewal is ${from}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}` };
}

/** What a renewal request is checked against: the variance as it stands. */
export interface RenewableVariance {
  state: VarianceState;
  /** The end date of the approval in force. */
  expiresOn: string;
  /** A renewal asked for and not decided yet. */
  renewalPending: boolean;
}

/**
 * Whether a variance can be renewed on `today`: only an approval still in force (approved or approved with
 * conditions, its end date not passed) with no other renewal undecided.
 */
export function checkRenewable(variance: RenewableVariance, today: string): CheckResult {
  if (variance.state !== 'approved' && variance.state !== 'approved-with-conditions')
    return { ok: false, message: `variance is ${variance.state}; only an approval in force (approved, approved-with-conditions) can be renewed` };
  if (variance.expiresOn < today) return { ok: false, message: `variance ended on ${variance.expiresOn}; only an approval in force can be renewed` };
  if (variance.renewalPending) return { ok: false, message: 'variance already has a renewal waiting for its decision' };
  return { ok: true };
}

/**
 * Whether a renewal's new end date fits: later than the end date in force, and no later than the standard's
 * longest variance counted from the variance's first approval (`firstApprovedOn`), so renewals never stretch
 * a variance past what one request could have had. The refusal names the limit.
 */
export function checkRenewalExpiry(expiresOn: string, currentExpiresOn: string, firstApprovedOn: string, months: number): CheckResult {
  if (expiresOn <= currentExpiresOn) return { ok: false, message: `expiresOn ${expiresOn} must be after the current end date ${currentExpiresOn}` };
  const latest = latestVarianceExpiry(firstApprovedOn, months);
  if (expiresOn > latest)
    return {
      ok: false,
      message: `expiresOn ${expiresOn} is later than ${latest}: this standard allows a variance of at most ${months} months from its first approval on ${firstApprovedOn}`,
    };
  return { ok: true };
}
