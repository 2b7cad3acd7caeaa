import type { Leeway } from '@pmo/contracts';
import { describeLeeway, type LeewayComparison } from '@pmo/contracts';

/**
 * What happened to the thing at `path`: `renamed` (an input, output or stakeholder) and `reworded` (an activity,
 * best practice or lesson) are list items whose words changed but which are still the same item (see
 * `similarity`); `renumbered` is a key task found under another number; `changed` is any other edit in place.
 */
export const CHANGE_KINDS = ['added', 'removed', 'changed', 'renamed', 'reworded', 'renumbered'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_AREAS = [
  'requirement',
  'leeway',
  'phase',
  'key-task',
  'activity',
  'input',
  'output',
  'stakeholder',
  'best-practice',
  'lesson',
  'applicability',
  'rollout',
] as const;
export type ChangeArea = (typeof CHANGE_AREAS)[number];

export const CHANGE_IMPACTS = ['major', 'minor', 'patch'] as const;
/** The semver part a single change calls for. */
export type ChangeImpact = (typeof CHANGE_IMPACTS)[number];

/** The semver part a whole diff calls for: its highest change impact, or `none` when nothing changed. */
export type DiffClassification = ChangeImpact | 'none';

/**
 * One difference between two versions of a standard. `path` names the thing for people
 * (`requirement STATUS-CADENCE`, `key task 1.2 / activity "Develop Program Charter"`; a renamed, reworded or
 * renumbered thing by its old name or number); `before` and `after` hold the old and new value where there is
 * one (the old and new text of a renamed or reworded item, `"1.2"` and `"2.1"` for a renumbered key task);
 * `leeway` is set on leeway changes only.
 */
export interface VersionChange {
  kind: ChangeKind;
  area: ChangeArea;
  path: string;
  before?: unknown;
  after?: unknown;
  impact: ChangeImpact;
  leeway?: LeewayComparison;
  /** On a requirement or leeway change: the requirement's id. */
  requirementId?: string;
  /** On an applicability change: whether the version now reaches fewer programs, more, or others. */
  reach?: 'narrowed' | 'widened' | 'changed';
}

const RANK: Readonly<Record<DiffClassification, number>> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Orders classifications: none < patch < minor < major. */
export function rankOf(classification: DiffClassification): number {
  return RANK[classification];
}

/** The highest impact among `changes`, or `none` for an empty list. */
export function highestImpact(changes: readonly VersionChange[]): DiffClassification {
  return changes.reduce<DiffClassification>((highest, change) => (RANK[change.impact] > RANK[highest] ? change.impact : highest), 'none');
}

/**
 * One change in words, for messages and release notes: `requirement STATUS-CADENCE removed`,
 * `requirement STATUS-CADENCE / leeway narrowed (7 to 14 days → 7 to 10 days)`,
 * `key task 1.2 / activity "Develop Program Charter" / responsible party changed (customer → provider)`,
 * `key task 1.2 / output "IV&V Plan" renamed to "Independent Verification & Validation (IV&V) Plan"`,
 * `key task 1.2 renumbered to 1.3`.
 */
export function describeChange(change: VersionChange): string {
  if (change.leeway !== undefined) {
    return `${change.path} ${change.leeway} (${leewayWords(change.before)} → ${leewayWords(change.after)})`;
  }
  if (change.kind === 'renumbered' && typeof change.after === 'string') return `${change.path} renumbered to ${change.after}`;
  if ((change.kind === 'renamed' || change.kind === 'reworded') && typeof change.after === 'string') {
    return `${change.path} ${change.kind} to ${quoted(change.after)}`;
  }
  if (change.kind === 'changed' && isShortWord(change.before) && isShortWord(change.after)) {
    return `${change.path} changed (${change.before} → ${change.after})`;
  }
  return `${change.path} ${change.kind}`;
}

/** A text quoted for a change path, shortened so a long lesson learned does not swamp a message. */
export function quoted(text: string): string {
  const oneLine = text.trim().replace(/\s+/g, ' ');
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}"`;
}

function leewayWords(value: unknown): string {
  return isLeeway(value) ? describeLeeway(value) : 'no leeway';
}

function isLeeway(value: unknown): value is Leeway {
  return typeof value === 'object' && value !== null && 'kind' in value && (value.kind === 'range' || value.kind === 'options');
}

// Responsible parties and categories read well inline; sentences are left to `before`/`after`.
function isShortWord(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 30 && !value.includes(' ');
}
