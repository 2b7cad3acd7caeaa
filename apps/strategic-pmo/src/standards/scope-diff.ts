import type { Applicability, RolloutWaveV1 } from '@pmo/contracts';
import type { VersionChange } from './version-change';

/** How the set of programs a version applies to moved between two versions. */
export type ReachComparison = 'narrowed' | 'widened' | 'changed';

/**
 * The changes of whom a version applies to and how it rolls out. A change of applicability is minor whichever
 * way it goes: it changes which programs the version binds, not what it asks of a program it binds (a program
 * newly reached gets its own wave and deadline, one no longer reached is free of it), so it breaks no adopter.
 * `reach` says which way it went. A changed rollout plan (waves, dates) is patch: it changes when, not what.
 * The rollout is compared only when both versions have one (a draft gets its plan when it is published).
 */
export function diffScope(
  before: { applicability: Applicability; rollout: readonly RolloutWaveV1[] | null },
  after: { applicability: Applicability; rollout: readonly RolloutWaveV1[] | null },
): VersionChange[] {
  const changes: VersionChange[] = [];
  const reach = compareReach(before.applicability, after.applicability);
  if (reach !== 'same')
    changes.push({
      kind: 'changed',
      area: 'applicability',
      path: 'applicability',
      before: before.applicability,
      after: after.applicability,
      impact: 'minor',
      reach,
    });
  if (before.rollout && after.rollout && canonical(before.rollout) !== canonical(after.rollout))
    changes.push({ kind: 'changed', area: 'rollout', path: 'rollout', before: before.rollout, after: after.rollout, impact: 'patch' });
  return changes;
}

/**
 * Organisation-wide reaches every program, so moving to tags or listed programs narrows and back widens. Between
 * two tag sets (or two program lists) a superset reaches more; between tags and listed programs we cannot tell
 * without the programs, so it is `changed`.
 */
export function compareReach(before: Applicability, after: Applicability): ReachComparison | 'same' {
  if (before.scope === 'organisation' || after.scope === 'organisation') {
    if (before.scope === after.scope) return 'same';
    return before.scope === 'organisation' ? 'narrowed' : 'widened';
  }
  if (before.scope !== after.scope) return 'changed';
  const [had, has] = [new Set(listed(before)), new Set(listed(after))];
  const lost = [...had].some((item) => !has.has(item));
  const gained = [...has].some((item) => !had.has(item));
  if (lost && gained) return 'changed';
  return lost ? 'narrowed' : gained ? 'widened' : 'same';
}

function listed(applicability: Exclude<Applicability, { scope: 'organisation' }>): readonly string[] {
  return applicability.scope === 'tags' ? applicability.tags : applicability.programIds;
}

// Waves compared by content, whatever order they were listed in and however their ids and tags are ordered.
function canonical(rollout: readonly RolloutWaveV1[]): string {
  return JSON.stringify(
    rollout.map((w) => ({ ...w, programIds: [...w.programIds].sort(), programTags: [...w.programTags].sort() })).sort((a, b) => a.name.localeCompare(b.name)),
  );
}
