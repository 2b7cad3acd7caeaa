import type { Requirement } from '@pmo/contracts';
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
    const old = previous.get(requirement.id);
    if (old === undefined) {
      changes.push({ kind: 'added', area: 'requirement', path, after: requirement, impact: 'minor' });
      continue;
    }
    if (old.text !== requirement.text) {
      changes.push({ kind: 'changed', area: 'requirement', path: `${path} / text`, before: old.text, after: requirement.text, impact: 'patch' });
    }
    const leeway = compareLeeway(old.leeway, requirement.leeway);
    if (leeway !== 'same') {
      const impact: ChangeImpact = leeway === 'widened' ? 'minor' : 'major';
      changes.push({ kind: 'changed', area: 'leeway', path: `${path} / leeway`, before: old.leeway, after: requirement.leeway, impact, leeway });
    }
  }
  for (const requirement of before) {
    if (!next.has(requirement.id)) {
      changes.push({ kind: 'removed', area: 'requirement', path: `requirement ${requirement.id}`, before: requirement, impact: 'major' });
    }
  }
  return changes;
}
