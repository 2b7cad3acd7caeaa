import { Type, type Static } from '@sinclair/typebox';
import type { AdoptionDecision } from '../compliance/compliance-state';
import { checkChoiceWithinLeeway, describeLeeway } from '../compliance/leeway';
import { closedObject, requirementId } from '../schemas';
import type { Requirement } from '../standards/standard-model';
import type { RequirementChange } from '../standards/requirement-change';

/** A requirement a carried decision does not cover, and why; without `requirementId`, the whole version. */
export const reopenedRequirementSchema = closedObject({
  requirementId: Type.Optional(requirementId),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});
export type ReopenedRequirement = Static<typeof reopenedRequirementSchema>;

/** A decision as the project had it on the superseded version. */
export interface DecisionToCarry {
  decision: AdoptionDecision;
  choices: Readonly<Record<string, number | string>>;
  version: string;
  /** Requirements it had left open already (itself carried with reopened requirements). */
  reopened?: readonly ReopenedRequirement[];
}

/** The decision on the new version: the same decision, the choices that still stand, what reopened. */
export interface CarriedDecision {
  decision: AdoptionDecision;
  choices: Record<string, number | string>;
  reopened: ReopenedRequirement[];
}

/**
 * What becomes of a project's decision when `next` supersedes the version it was taken on (rule 7):
 * - `variance-needed` does not carry (null): a variance is granted on one version, so the project decides again;
 * - a new major version reopens every requirement, each with the reason `major version` (a version without
 *   requirements reopens as a whole);
 * - otherwise the decision carries for every requirement that did not change, and a changed one reopens with
 *   its reason: added; text reworded; a leeway that moved, unless the decision still holds under the new one
 *   (a tailored value inside it, or a leeway widened for a project that adopted or was grandfathered). A
 *   removed requirement takes its tailored value with it. What was already reopened stays reopened.
 * `changes` are the version diff's, per requirement (`pmo.standard.version-published.v1` carries them).
 * A decision with reopened requirements is pending until the program decides again on `next`.
 */
export function carryForward(
  previous: DecisionToCarry,
  next: { version: string; requirements: readonly Requirement[] },
  changes: readonly RequirementChange[],
): CarriedDecision | null {
  if (previous.decision === 'variance-needed') return null;
  if (majorOf(next.version) !== majorOf(previous.version)) {
    const reopened = next.requirements.map((r) => ({ requirementId: r.id, reason: 'major version' }));
    return { decision: previous.decision, choices: {}, reopened: reopened.length ? reopened : [{ reason: 'major version' }] };
  }
  const requirements = new Map(next.requirements.map((r) => [r.id, r]));
  const reasons = new Map<string | undefined, string[]>();
  const reopen = (id: string | undefined, reason: string) => reasons.set(id, [...(reasons.get(id) ?? []), reason]);
  for (const r of previous.reopened ?? []) if (r.requirementId === undefined || requirements.has(r.requirementId)) reopen(r.requirementId, r.reason);
  for (const change of changes) {
    const requirement = requirements.get(change.requirementId);
    const id = change.requirementId;
    if (change.change === 'added') reopen(id, `requirement ${id} added`);
    if (change.change === 'text') reopen(id, `requirement ${id} changed: text reworded`);
    if (change.change === 'leeway' && requirement) {
      const reason = leewayReason(change, previous, requirement);
      if (reason) reopen(id, reason);
    }
  }
  const choices = Object.fromEntries(Object.entries(previous.choices).filter(([id]) => requirements.has(id) && !reasons.has(id)));
  const reopened = [...reasons].map(([id, why]) => ({ ...(id === undefined ? {} : { requirementId: id }), reason: why.join('; ') }));
  return { decision: previous.decision, choices, reopened };
}

// Null when the decision still holds under the new leeway.
function leewayReason(change: RequirementChange, previous: DecisionToCarry, requirement: Requirement): string | null {
  const moved = `requirement ${change.requirementId} changed: leeway ${change.leeway ?? 'changed'} from ${words(change.before)} to ${words(change.after)}`;
  const chosen = previous.decision === 'tailor' ? previous.choices[change.requirementId] : undefined;
  if (chosen !== undefined) {
    if (checkChoiceWithinLeeway(requirement, chosen).ok) return null;
    return `${moved}; tailored value ${typeof chosen === 'number' ? chosen : JSON.stringify(chosen)} is now outside`;
  }
  return change.leeway === 'widened' ? null : moved;
}

function words(leeway: RequirementChange['before']): string {
  return leeway ? describeLeeway(leeway) : 'no leeway';
}

function majorOf(version: string): string {
  return version.split('.')[0];
}

/** A version superseded by a publication, with its requirements' changes (from `version-published`). */
export interface SupersededVersion {
  versionId: string;
  version: string;
  requirementChanges: readonly RequirementChange[];
}

/** A decision recorded on a version, as the services keep them. */
export interface DecisionOnVersion {
  projectId: string;
  versionId: string;
  decision: AdoptionDecision;
  decidedAt: Date;
  choices?: Readonly<Record<string, number | string>> | null;
  reopened?: readonly ReopenedRequirement[] | null;
}

/**
 * The decisions a publication carries: per project, its latest decision on each version `next` supersedes (the
 * latest of all when a project had several), carried by `carryForward`. program-pmo records them; the publication
 * preview assumes them, so its figures are what the portfolio shows after publishing.
 */
export function decisionsToCarry<D extends DecisionOnVersion>(
  decisions: readonly D[],
  superseded: readonly SupersededVersion[],
  next: { version: string; requirements: readonly Requirement[] },
): { from: D; supersededVersion: SupersededVersion; carried: CarriedDecision }[] {
  const latest = new Map<string, { decision: D; superseded: SupersededVersion }>();
  for (const old of superseded)
    for (const d of decisions) {
      if (d.versionId !== old.versionId) continue;
      const seen = latest.get(d.projectId);
      if (!seen || d.decidedAt >= seen.decision.decidedAt) latest.set(d.projectId, { decision: d, superseded: old });
    }
  return [...latest.values()].flatMap(({ decision, superseded: old }) => {
    const carried = carryForward(
      { decision: decision.decision, choices: decision.choices ?? {}, version: old.version, reopened: decision.reopened ?? [] },
      next,
      old.requirementChanges,
    );
    return carried ? [{ from: decision, supersededVersion: old, carried }] : [];
  });
}
