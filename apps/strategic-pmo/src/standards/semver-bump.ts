import { compare, inc, parse, type SemVer } from 'semver';
import type { CheckResult } from '@pmo/contracts';
import { describeChange, rankOf, type ChangeImpact } from './version-change';
import type { VersionDiff } from './version-diff';

export type VersionBump = ChangeImpact | 'none' | 'downgrade';

/**
 * Whether `version` is a standard version label: `MAJOR.MINOR.PATCH` with an optional prerelease
 * (`2.0.0-rc.1`), exactly as semver spells it. A leading `v`, spaces and build metadata (`+build.5`) are
 * refused: semver ignores build metadata when comparing, so `1.0.0+a` and `1.0.0+b` would be two labels for
 * one version.
 */
export function isValidSemver(version: string): boolean {
  return parse(version)?.version === version;
}

/**
 * The size of the step from `previous` to `next`: `none` for the same version, `downgrade` when `next` is
 * lower, otherwise the highest of major, minor, patch that differs (`1.4.2 → 2.0.0` is major).
 * Prereleases: a prerelease sorts before its release (`2.0.0-rc.1 < 2.0.0`), and a prerelease line may
 * change anything its release may, so moving within a line or out of it to its own release counts at the
 * line's level: `2.0.0-rc.1 → 2.0.0-rc.2` and `2.0.0-rc.1 → 2.0.0` are major, `1.3.0-rc.1 → 1.3.0` minor,
 * `1.2.4-rc.1 → 1.2.4` patch. `0.x` versions get no special meaning.
 * Throws a RangeError when either label is not valid (see `isValidSemver`).
 */
export function bumpOf(previous: string, next: string): VersionBump {
  const from = parsed(previous);
  const to = parsed(next);
  const order = compare(to, from);
  if (order === 0) return 'none';
  if (order < 0) return 'downgrade';
  if (to.major !== from.major) return 'major';
  if (to.minor !== from.minor) return 'minor';
  if (to.patch !== from.patch) return 'patch';
  return lineLevel(to);
}

/**
 * Whether publishing `next` after `previous` announces the changes in `diff`: the bump must be at least the
 * diff's classification (a larger bump is always fine), and `next` must be higher than `previous`, even with no
 * changes. The refusal names both versions, the size of the changes, the changes that set it and the lowest
 * version that would do: `version 1.1.0 is a minor bump from 1.0.0, but the changes since 1.0.0 are major
 * (requirement STATUS-CADENCE removed): publish it as 2.0.0 or later`.
 */
export function checkBumpCoversDiff(previous: string, next: string, diff: VersionDiff): CheckResult {
  const bump = bumpOf(previous, next);
  if (bump === 'downgrade' || bump === 'none') {
    const relation = bump === 'none' ? 'the same as' : 'lower than';
    return { ok: false, message: `version ${next} is ${relation} ${previous}: a new version must be higher` };
  }
  const needed = diff.classification;
  if (needed === 'none' || rankOf(bump) >= rankOf(needed)) return { ok: true };
  const reasons = diff.changes.filter((change) => change.impact === needed).map(describeChange);
  const shown = reasons.length > 3 ? [...reasons.slice(0, 3), `and ${reasons.length - 3} more`] : reasons;
  return {
    ok: false,
    message:
      `version ${next} is a ${bump} bump from ${previous}, but the changes since ${previous} are ${needed} ` +
      `(${shown.join('; ')}): publish it as ${inc(previous, needed)} or later`,
  };
}

function parsed(version: string): SemVer {
  const value = isValidSemver(version) ? parse(version) : null;
  if (value === null) throw new RangeError(`"${version}" is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE])`);
  return value;
}

// The level a release line introduces: x.0.0 is a major release, x.y.0 a minor one, anything else a patch.
function lineLevel(version: SemVer): ChangeImpact {
  if (version.minor === 0 && version.patch === 0) return 'major';
  return version.patch === 0 ? 'minor' : 'patch';
}
