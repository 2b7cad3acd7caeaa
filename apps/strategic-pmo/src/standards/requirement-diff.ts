import type { Leeway, Requirement, RequirementChange } from '@pmo/contracts';
import { compareLeeway } from '@pmo/contracts';
import type { ChangeImpact, VersionChange } from './version-change';

/**
 * The changes between two requirement lists, matched by requirement id (ids are stable across versions):
 * - a requirement added → minor; removed → major (programs that comply with it lose a clause they rely on);
 * - text edited → patch. The diff cannot tell a reworded clause from a stricter one: an author who makes a
 *   clause stricter in words must choose the major bump; a higher bump than the diff asks for is always allowed;
 * - leeway narrowed or `changed` → major: a program that chose within the old leeway may now need a variance,
 *   so a shifted range or swapped option counts as narrowed; widened → minor.
 * Order follows `after`, then the removed ones in `before` order.
 */
export function diffRequirements(before: readonly Requirement[], after: readonly Requirement[]): VersionChange[] {
  const previous = new Map(before.map((requirement) => [requirement.id, requirement]));
  const next = new Set(after.map((requirement) => requirement.id));
  const changes: VersionChange[] = [];
  for (const requirement of after) {
    const path = `requirement ${requirement.id}`;
    const requirementId = requirement.id;
    const old = previous.get(requirement.id);
    if (old === undefined) {
      changes.push({ kind: 'added', area: 'requirement', path, after: requirement, impact: 'minor', requirementId });
      continue;
    }
    if (old.text !== requirement.text) {
      changes.push({ kind: 'changed', area: 'requirement', path: `${path} / text`, before: old.text, after: requirement.text, impact: 'patch', requirementId });
    }
    const leeway = compareLeeway(old.leeway, requirement.leeway);
    if (leeway !== 'same') {
      const impact: ChangeImpact = leeway === 'widened' ? 'minor' : 'major';
      changes.push({
        kind: 'changed',
        area: 'leeway',
        path: `${path} / leeway`,
        before: old.leeway,
        after: requirement.leeway,
        impact,
        leeway,
        requirementId,
      });
    }
  }
  for (const requirement of before) {
    if (!next.has(requirement.id)) {
      changes.push({
        kind: 'removed',
        area: 'requirement',
        path: `requirement ${requirement.id}`,
        before: requirement,
        impact: 'major',
        requirementId: requirement.id,
      });
    }
  }
  return changes;
}

/**
 * The requirement changes of a version diff as `pmo.standard.version-published.v1` carries them to the programs,
 * which carry their projects' decisions over by them (`carryForward`); the diff's other changes are dropped.
 */
export function requirementChangesOf(changes: readonly VersionChange[]): RequirementChange[] {
  return changes.flatMap((c): RequirementChange[] => {
    if (c.requirementId === undefined) return [];
    if (c.area === 'leeway' && c.leeway && c.leeway !== 'same') {
      const [before, after] = [c.before as Leeway | undefined, c.after as Leeway | undefined];
      return [{ requirementId: c.requirementId, change: 'leeway', leeway: c.leeway, ...(before ? { before } : {}), ...(after ? { after } : {}) }];
    }
    if (c.area !== 'requirement') return [];
    return [{ requirementId: c.requirementId, change: c.kind === 'added' ? 'added' : c.kind === 'removed' ? 'removed' : 'text' }];
  });
}
