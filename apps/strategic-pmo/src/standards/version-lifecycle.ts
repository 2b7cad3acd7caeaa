import type { VersionState } from '@pmo/contracts';
import type { CheckResult } from '@pmo/contracts';

/**
 * Where a standard version may go from each state.
 * - `in-review → draft`: the reviewers send it back for changes.
 * - `published → superseded`: a newer version was published; `published → retired`: withdrawn without a successor.
 * - `superseded` and `retired` are final: nothing may bring a version back into force.
 * A draft is never retired: it was never in force, so no program adopted it and a `retired` fact would tell
 * programs nothing; an abandoned draft is deleted instead. Publishing goes through review, never straight from draft.
 */
const VERSION_TRANSITIONS: Readonly<Record<VersionState, readonly VersionState[]>> = {
  draft: ['in-review'],
  'in-review': ['draft', 'published'],
  published: ['superseded', 'retired'],
  superseded: [],
  retired: [],
};

/** The states a version in `state` may move to, in the order of `VERSION_TRANSITIONS`; empty for final states. */
export function allowedTransitionsFrom(state: VersionState): readonly VersionState[] {
  return VERSION_TRANSITIONS[state];
}

/**
 * Whether a version may move from `from` to `to`. Staying in the same state is refused too.
 * The refusal names the version, its state and the allowed targets:
 * `version 1.2.0 is published; allowed: superseded, retired`.
 */
export function checkTransition(from: VersionState, to: VersionState, version: string): CheckResult {
  const allowed = allowedTransitionsFrom(from);
  if (allowed.includes(to)) return { ok: true };
  return { ok: false, message: `version ${version} is ${from}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}` };
}

/** Only a draft's content (requirements, playbook, applicability) may change; later states are frozen. */
export function isEditable(state: VersionState): boolean {
  return state === 'draft';
}
