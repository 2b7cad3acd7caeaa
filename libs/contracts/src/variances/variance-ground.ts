import { canGrandfather, DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT } from '../compliance/grandfathering';

/** A project as a variance decision saw it. `inScope` is false once it left the program's scope (closed). */
export interface ProjectGround {
  projectId: string;
  name: string;
  phase: string;
  percentComplete: number;
  tags: readonly string[];
  inScope: boolean;
}

/**
 * What a variance decision judged: the standard version, the requirements, the projects, and, when the
 * version applies by tags, those tags (a project gaining or losing one changes what applies to it).
 */
export interface VarianceGround {
  version: string;
  requirementIds: readonly string[];
  applicabilityTags: readonly string[] | null;
  projects: readonly ProjectGround[];
}

/**
 * The material changes between the ground a decision was taken on and the ground now, each as a sentence;
 * none means the decision still stands on its ground. Material: a new major version of the standard, a
 * project leaving (or coming back into) scope, a phase or progress change that changes whether it could be
 * grandfathered (at the standard's `grandfatheringThreshold`), and a tag change that changes whether a
 * tag-scoped version applies to it.
 */
export function groundChanges(decided: VarianceGround, now: VarianceGround, grandfatheringThreshold = DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT): string[] {
  const reasons: string[] = [];
  if (majorOf(now.version) > majorOf(decided.version)) reasons.push(`standard version ${now.version} is a new major version (decided on ${decided.version})`);
  for (const before of decided.projects) {
    const after = now.projects.find((p) => p.projectId === before.projectId);
    if (!after || (before.inScope && !after.inScope)) {
      reasons.push(`project ${before.name} left the scope`);
      continue;
    }
    if (!before.inScope && after.inScope) reasons.push(`project ${before.name} came back into scope`);
    const [could, can] = [canGrandfather(before, grandfatheringThreshold).ok, canGrandfather(after, grandfatheringThreshold).ok];
    if (could !== can) {
      reasons.push(
        `project ${before.name} moved from ${before.phase} at ${before.percentComplete}% to ${after.phase} at ${after.percentComplete}%: grandfathering ${can ? 'now' : 'no longer'} applies`,
      );
    }
    const scopeTags = decided.applicabilityTags;
    if (scopeTags && scopeTags.some((t) => before.tags.includes(t)) !== scopeTags.some((t) => after.tags.includes(t))) {
      reasons.push(
        `project ${before.name} tags changed from [${before.tags.join(', ')}] to [${after.tags.join(', ')}], which changes whether the standard applies to it`,
      );
    }
  }
  return reasons;
}

function majorOf(version: string): number {
  return Number(version.split('.')[0]);
}
