import type { Leeway, Requirement } from '../standards/standard-model';
import type { CheckResult } from './check-result';

/**
 * How a requirement's leeway moved between two versions:
 * - `same`: every choice allowed before is allowed after, and nothing more;
 * - `narrowed`: some choice allowed before is not allowed any more, and nothing new is allowed;
 * - `widened`: everything allowed before still is, and more is allowed;
 * - `changed`: some choices were dropped and others added (a shifted range, swapped options),
 *   or the two cannot be compared (range ↔ options, a different unit).
 */
export type LeewayComparison = 'same' | 'narrowed' | 'widened' | 'changed';

/**
 * Whether a program may choose `value` for `requirement` without a variance.
 * A range leeway takes a finite number within [min, max], both ends included; an options leeway takes one of
 * its options, compared exactly; a requirement without leeway allows no tailoring at all.
 * The refusal names the requirement, what it allows and the value:
 * `STATUS-CADENCE allows 7 to 14 days; 21 is outside that leeway: a variance is needed`.
 */
export function checkChoiceWithinLeeway(requirement: Requirement, value: number | string): CheckResult {
  const { id, leeway } = requirement;
  if (leeway === undefined) {
    return { ok: false, message: `${id} allows no tailoring; ${shown(value)} needs a variance` };
  }
  const allows = `${id} allows ${describeLeeway(leeway)}`;
  if (leeway.kind === 'range') {
    // A range is numeric: "14" or NaN is a malformed choice, not one a variance could approve.
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { ok: false, message: `${allows}; ${shown(value)} is not a number of ${leeway.unit}` };
    }
    if (value >= leeway.min && value <= leeway.max) return { ok: true };
  } else if (typeof value === 'string' && leeway.options.includes(value)) {
    return { ok: true };
  }
  return { ok: false, message: `${allows}; ${shown(value)} is outside that leeway: a variance is needed` };
}

/** What a leeway allows, in words: `7 to 14 days`, `one of weekly, fortnightly`. */
export function describeLeeway(leeway: Leeway): string {
  if (leeway.kind === 'options') return `one of ${leeway.options.join(', ')}`;
  return leeway.min === leeway.max ? `exactly ${leeway.min} ${leeway.unit}` : `${leeway.min} to ${leeway.max} ${leeway.unit}`;
}

/**
 * How the leeway moved from `before` to `after` (see `LeewayComparison`). No leeway means no room at all, so
 * adding one widens and dropping one narrows. Option order does not matter. Ranges in different units are
 * `changed` even when they might describe the same room (7–14 days, 1–2 weeks): we do not convert units.
 */
export function compareLeeway(before: Leeway | undefined, after: Leeway | undefined): LeewayComparison {
  if (before === undefined || after === undefined) {
    if (before === after) return 'same';
    return before === undefined ? 'widened' : 'narrowed';
  }
  if (before.kind === 'range' && after.kind === 'range') {
    if (before.unit !== after.unit) return 'changed';
    return classify(after.min > before.min || after.max < before.max, after.min < before.min || after.max > before.max);
  }
  if (before.kind === 'options' && after.kind === 'options') {
    const kept = new Set(after.options);
    const had = new Set(before.options);
    return classify(
      before.options.some((option) => !kept.has(option)),
      after.options.some((option) => !had.has(option)),
    );
  }
  return 'changed';
}

function classify(lostChoices: boolean, gainedChoices: boolean): LeewayComparison {
  if (lostChoices && gainedChoices) return 'changed';
  if (lostChoices) return 'narrowed';
  return gainedChoices ? 'widened' : 'same';
}

function shown(value: number | string): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
