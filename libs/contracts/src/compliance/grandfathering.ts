import type { CheckResult } from './check-result';

/** The percent complete from which a project may be grandfathered, when its standard sets nothing else. */
export const DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT = 90;

/** Whether a standard's grandfathering threshold is a whole percent from 0 to 100. */
export function checkGrandfatheringThreshold(thresholdPercent: number): CheckResult {
  if (Number.isInteger(thresholdPercent) && thresholdPercent >= 0 && thresholdPercent <= 100) return { ok: true };
  return { ok: false, message: `thresholdPercent must be a whole percent from 0 to 100, got ${thresholdPercent}` };
}

/** What grandfathering looks at: how far along the project is. */
export interface GrandfatheringCandidate {
  percentComplete: number;
  phase: string;
}

/**
 * Whether a project may stay on the previous version of a standard: allowed when it is nearly complete, that is
 * `percentComplete` at or above `thresholdPercent` (the standard's threshold, 90 unless it says otherwise) or in
 * the `closing` phase. The refusal says where the project is and what is needed:
 * `project is 10% complete in phase execution; grandfathering needs 90% or the closing phase`.
 * Throws a RangeError when the threshold is not a number from 0 to 100.
 */
export function canGrandfather(project: GrandfatheringCandidate, thresholdPercent = DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT): CheckResult {
  if (!Number.isFinite(thresholdPercent) || thresholdPercent < 0 || thresholdPercent > 100) {
    throw new RangeError(`grandfathering threshold must be from 0 to 100 percent, got ${thresholdPercent}`);
  }
  const { percentComplete, phase } = project;
  // Phases are compared exactly, as projects store them: 'Closing' is not a phase we know.
  if (percentComplete >= thresholdPercent || phase === 'closing') return { ok: true };
  return {
    ok: false,
    message: `project is ${percentComplete}% complete in phase ${phase}; grandfathering needs ${thresholdPercent}% or the closing phase`,
  };
}
