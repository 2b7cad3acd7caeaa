import { bumpOf, checkBumpCoversDiff, isValidSemver } from './semver-bump';
import { highestImpact, type VersionChange } from './version-change';
import type { VersionDiff } from './version-diff';

describe('isValidSemver', () => {
  it.each([
    ['1.0.0', true],
    ['0.1.0', true],
    ['2.0.0-rc.1', true],
    ['1.0.0-alpha-2.beta', true],
    ['1.0', false],
    ['v1.0.0', false],
    [' 1.0.0', false],
    ['01.0.0', false],
    // Build metadata does not take part in ordering: two labels would name one version.
    ['1.0.0+build.5', false],
    ['', false],
  ])('%j is valid: %s', (version, valid) => {
    expect(isValidSemver(version)).toBe(valid);
  });
});

describe('bumpOf', () => {
  it.each([
    ['1.0.0', '1.0.0', 'none'],
    ['1.0.0', '1.0.1', 'patch'],
    ['1.0.9', '1.1.0', 'minor'],
    ['1.4.2', '2.0.0', 'major'],
    ['1.4.2', '3.1.7', 'major'],
    ['1.2.0', '1.1.9', 'downgrade'],
    ['2.0.0', '1.9.9', 'downgrade'],
    // A prerelease sorts before its release.
    ['1.2.3', '1.2.3-rc.1', 'downgrade'],
    ['2.0.0-rc.2', '2.0.0-rc.1', 'downgrade'],
    // Into a prerelease line: the line's parts decide.
    ['1.4.2', '2.0.0-rc.1', 'major'],
    ['1.4.2', '1.5.0-beta.1', 'minor'],
    ['1.4.2', '1.4.3-rc.1', 'patch'],
    // Within or out of a prerelease line: the line's level, since a prerelease line may change anything its release may.
    ['2.0.0-rc.1', '2.0.0-rc.2', 'major'],
    ['2.0.0-rc.1', '2.0.0', 'major'],
    ['1.3.0-rc.1', '1.3.0', 'minor'],
    ['1.2.4-rc.1', '1.2.4', 'patch'],
    ['1.2.4-rc.1', '1.3.0', 'minor'],
    ['0.9.0', '0.10.0', 'minor'],
  ])('%s → %s is %s', (previous, next, bump) => {
    expect(bumpOf(previous, next)).toBe(bump);
  });

  it.each([
    ['1.0', '1.0.0'],
    ['1.0.0', 'v2.0.0'],
  ])('refuses %j → %j', (previous, next) => {
    expect(() => bumpOf(previous, next)).toThrow(RangeError);
  });
});

const removed: VersionChange = { kind: 'removed', area: 'requirement', path: 'requirement STATUS-CADENCE', impact: 'major' };
const added: VersionChange = { kind: 'added', area: 'activity', path: 'key task 1.2 / activity "Appoint sponsor"', impact: 'minor' };
const reworded: VersionChange = { kind: 'changed', area: 'requirement', path: 'requirement STATUS-CADENCE / text', impact: 'patch' };
const diffOf = (...changes: VersionChange[]): VersionDiff => ({ changes, classification: highestImpact(changes) });
const removals = (count: number): VersionChange[] => Array.from({ length: count }, (_, i) => ({ ...removed, path: `requirement R-${i + 1}` }));

describe('checkBumpCoversDiff', () => {
  it.each<[string, string, VersionDiff]>([
    ['1.0.0', '2.0.0', diffOf(removed, added)],
    ['1.0.0', '1.1.0', diffOf(added, reworded)],
    ['1.0.0', '1.0.1', diffOf(reworded)],
    // A larger bump than needed is the author's call.
    ['1.0.0', '2.0.0', diffOf(reworded)],
    ['1.0.0', '1.0.1', diffOf()],
    ['2.0.0-rc.1', '2.0.0', diffOf(removed)],
    ['1.0.0', '2.0.0-rc.1', diffOf(removed)],
  ])('accepts %s → %s', (previous, next, diff) => {
    expect(checkBumpCoversDiff(previous, next, diff)).toEqual({ ok: true });
  });

  it.each<[string, string, VersionDiff, string]>([
    [
      '1.0.0',
      '1.1.0',
      diffOf(removed, added),
      'version 1.1.0 is a minor bump from 1.0.0, but the changes since 1.0.0 are major (requirement STATUS-CADENCE removed): publish it as 2.0.0 or later',
    ],
    [
      '1.2.3',
      '1.2.4',
      diffOf(added, reworded),
      'version 1.2.4 is a patch bump from 1.2.3, but the changes since 1.2.3 are minor (key task 1.2 / activity "Appoint sponsor" added): publish it as 1.3.0 or later',
    ],
    [
      '1.0.0',
      '1.0.1',
      diffOf(...removals(5)),
      'version 1.0.1 is a patch bump from 1.0.0, but the changes since 1.0.0 are major (requirement R-1 removed; requirement R-2 removed; requirement R-3 removed; and 2 more): publish it as 2.0.0 or later',
    ],
    [
      '1.2.4-rc.1',
      '1.2.4',
      diffOf(added),
      'version 1.2.4 is a patch bump from 1.2.4-rc.1, but the changes since 1.2.4-rc.1 are minor (key task 1.2 / activity "Appoint sponsor" added): publish it as 1.3.0 or later',
    ],
    ['1.0.0', '1.0.0', diffOf(), 'version 1.0.0 is the same as 1.0.0: a new version must be higher'],
    ['1.1.0', '1.0.5', diffOf(reworded), 'version 1.0.5 is lower than 1.1.0: a new version must be higher'],
  ])('refuses %s → %s', (previous, next, diff, message) => {
    expect(checkBumpCoversDiff(previous, next, diff)).toEqual({ ok: false, message });
  });
});
