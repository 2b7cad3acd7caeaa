import type { Applicability, Requirement, RolloutWaveV1 } from '@pmo/contracts';
import type { Playbook } from '../methodology/playbook';
import { diffPlaybooks } from './playbook-diff';
import { diffRequirements } from './requirement-diff';
import { diffScope } from './scope-diff';
import type { StandardVersionEntity } from './standard-version.entity';
import { highestImpact, type DiffClassification, type VersionChange } from './version-change';

/**
 * What two versions of a standard are compared on: its requirements, for a methodology its playbook, and, when
 * given, whom it applies to and its rollout plan.
 */
export interface VersionContent {
  requirements: Requirement[];
  playbook?: Playbook;
  applicability?: Applicability;
  rollout?: RolloutWaveV1[] | null;
}

/** Every change between two versions, and the semver part the whole set calls for. */
export interface VersionDiff {
  changes: VersionChange[];
  classification: DiffClassification;
}

/**
 * The changes from `before` to `after`: requirements first (see `diffRequirements`), then the playbook
 * (see `diffPlaybooks`; a missing playbook counts as one without phases), then applicability and rollout
 * (see `diffScope`: whom it applies to is minor, when is patch). The classification is the highest
 * change impact: major when something is removed, narrowed or moves responsibility; minor when something is
 * added or widened; patch for wording, renamed or reworded items and renumbered key tasks; none when the
 * contents are equal. Every class is in docs/methodology-diff.md.
 */
export function diffVersions(before: VersionContent, after: VersionContent): VersionDiff {
  const changes = [...diffRequirements(before.requirements, after.requirements), ...diffPlaybooks(before.playbook, after.playbook)];
  if (before.applicability && after.applicability)
    changes.push(
      ...diffScope(
        { applicability: before.applicability, rollout: before.rollout ?? null },
        { applicability: after.applicability, rollout: after.rollout ?? null },
      ),
    );
  return { changes, classification: highestImpact(changes) };
}

/** The diff of two stored versions: their requirements, playbook (a methodology's body), applicability and rollout. */
export function diffOfVersions(before: StandardVersionEntity, after: StandardVersionEntity): VersionDiff {
  const content = (v: StandardVersionEntity): VersionContent => ({
    requirements: v.requirements,
    playbook: v.body && 'phases' in v.body ? (v.body as unknown as Playbook) : undefined,
    applicability: v.applicability,
    rollout: v.rollout,
  });
  return diffVersions(content(before), content(after));
}
