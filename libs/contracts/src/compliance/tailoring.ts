import type { Requirement } from '../standards/standard-model';
import { checkChoiceWithinLeeway } from './leeway';

/**
 * One reason a tailoring cannot be recorded. `requirementId` names the choice at fault; it is absent when the
 * problem is the tailoring as a whole (no choice at all).
 */
export interface TailoringProblem {
  requirementId?: string;
  message: string;
}

/** The outcome of checking a tailoring: ok, or every problem found (not only the first). */
export type TailoringCheck = { ok: true } | { ok: false; problems: TailoringProblem[] };

/**
 * Whether a program may tailor a standard version with `choices` (requirement id → chosen value) without a variance.
 * There must be at least one choice; each must name a requirement of `requirements` and lie within its leeway (see
 * `checkChoiceWithinLeeway`). Problems come in the order of `choices`, each message naming the leeway and that a
 * variance is needed: `STATUS-CADENCE allows 7 to 14 days; 21 is outside that leeway: a variance is needed`.
 */
export function checkTailoring(requirements: readonly Requirement[], choices: Readonly<Record<string, number | string>>): TailoringCheck {
  const entries = Object.entries(choices);
  // A tailoring without choices is an adoption under another name; the program should say adopt.
  if (entries.length === 0) return { ok: false, problems: [{ message: 'choose a value for at least one requirement' }] };
  // A Map, not an object lookup: a choice keyed "constructor" must not find Object.prototype.
  const byId = new Map(requirements.map((requirement) => [requirement.id, requirement]));
  const problems: TailoringProblem[] = [];
  for (const [requirementId, value] of entries) {
    const requirement = byId.get(requirementId);
    if (requirement === undefined) {
      problems.push({ requirementId, message: `${requirementId} is not a requirement of this standard version` });
      continue;
    }
    const check = checkChoiceWithinLeeway(requirement, value);
    if (!check.ok) problems.push({ requirementId, message: check.message });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
