import type { KeyTask, PartyItem, Phase, Playbook } from '../methodology/playbook';
import { quoted, type ChangeArea, type ChangeImpact, type VersionChange } from './version-change';

// Removing what programs plan and staff around (a phase, key task, activity, artifact, stakeholder) breaks
// their adopted process, so it is major like a removed requirement. Best practices and lessons learned are
// advice, not obligations: dropping one breaks nobody's compliance, so it is minor.
const REMOVED_IMPACT: Readonly<Record<ChangeArea, ChangeImpact>> = {
  requirement: 'major',
  leeway: 'major',
  phase: 'major',
  'key-task': 'major',
  activity: 'major',
  input: 'major',
  output: 'major',
  stakeholder: 'major',
  'best-practice': 'minor',
  lesson: 'minor',
  // Not playbook areas: scope-diff classifies these (whom a version applies to, its waves).
  applicability: 'minor',
  rollout: 'patch',
};

/**
 * The changes between two playbooks. Phases are matched by phase number, key tasks by phase + key task number
 * (`1` and `"1"` match: YAML may give either), activities, artifacts, stakeholders, best practices and lessons
 * by their text, ignoring case, runs of spaces and a trailing `.`/`;`/`:`.
 * - anything added → minor; a phase or key task added is one change, its contents are in `after`;
 * - a phase, key task, activity, input, output or stakeholder removed → major; a best practice or lesson removed
 *   → minor (see REMOVED_IMPACT); a key task moved to another phase is a removal plus an addition;
 * - a responsible party changed (key task, activity, stakeholder) → major: it moves work from customer to
 *   provider or back, which both sides must staff;
 * - name, objective, category or a text edit that still matches (case, spacing, final stop) → patch.
 *   A real rewording of an activity no longer matches and shows as removed + added, i.e. major: the diff errs
 *   on the side of announcing a change to what programs must do.
 * Order in lists, `layout`, `permalink` and `extra` (site presentation) are ignored.
 */
export function diffPlaybooks(before: Playbook | undefined, after: Playbook | undefined): VersionChange[] {
  const oldPhases = byKey(before?.phases ?? [], (phase) => String(phase.phase));
  const newPhases = byKey(after?.phases ?? [], (phase) => String(phase.phase));
  const changes: VersionChange[] = [];
  for (const [key, phase] of newPhases) {
    const old = oldPhases.get(key);
    if (old === undefined) changes.push({ kind: 'added', area: 'phase', path: `phase ${key}`, after: phase, impact: 'minor' });
    else changes.push(...diffKeyTasks(old, phase));
  }
  for (const [key, phase] of oldPhases) {
    if (!newPhases.has(key)) changes.push({ kind: 'removed', area: 'phase', path: `phase ${key}`, before: phase, impact: 'major' });
  }
  return changes;
}

function diffKeyTasks(before: Phase, after: Phase): VersionChange[] {
  const oldTasks = byKey(before.keyTasks, (task) => String(task.keyTask));
  const newTasks = byKey(after.keyTasks, (task) => String(task.keyTask));
  const changes: VersionChange[] = [];
  for (const [key, task] of newTasks) {
    const path = `key task ${after.phase}.${key}`;
    const old = oldTasks.get(key);
    if (old === undefined) changes.push({ kind: 'added', area: 'key-task', path, after: task, impact: 'minor' });
    else changes.push(...diffKeyTask(path, old, task));
  }
  for (const [key, task] of oldTasks) {
    if (!newTasks.has(key)) changes.push({ kind: 'removed', area: 'key-task', path: `key task ${before.phase}.${key}`, before: task, impact: 'major' });
  }
  return changes;
}

function diffKeyTask(path: string, before: KeyTask, after: KeyTask): VersionChange[] {
  const changes: VersionChange[] = [];
  for (const field of ['name', 'objective', 'category', 'responsibleParty'] as const) {
    if (before[field] !== after[field]) {
      const impact: ChangeImpact = field === 'responsibleParty' ? 'major' : 'patch';
      const label = field === 'responsibleParty' ? 'responsible party' : field;
      changes.push({ kind: 'changed', area: 'key-task', path: `${path} / ${label}`, before: before[field], after: after[field], impact });
    }
  }
  changes.push(
    ...diffPartyItems(path, 'activity', before.activities, after.activities),
    ...diffTexts(path, 'input', before.inputs, after.inputs),
    ...diffTexts(path, 'output', before.outputs, after.outputs),
    ...diffPartyItems(path, 'stakeholder', before.stakeholders, after.stakeholders),
    ...diffTexts(path, 'best-practice', before.bestPractice, after.bestPractice),
    ...diffTexts(path, 'lesson', before.lessonsLearned, after.lessonsLearned),
  );
  return changes;
}

function diffPartyItems(taskPath: string, area: ChangeArea, before: readonly PartyItem[], after: readonly PartyItem[]): VersionChange[] {
  return diffMatched(
    taskPath,
    area,
    before,
    after,
    (item) => item.text,
    (path, old, item) => {
      const changes = wordingChanges(area, path, old.text, item.text);
      if (old.responsibleParty !== item.responsibleParty) {
        changes.push({
          kind: 'changed',
          area,
          path: `${path} / responsible party`,
          before: old.responsibleParty,
          after: item.responsibleParty,
          impact: 'major',
        });
      }
      return changes;
    },
  );
}

function diffTexts(taskPath: string, area: ChangeArea, before: readonly string[], after: readonly string[]): VersionChange[] {
  return diffMatched(
    taskPath,
    area,
    before,
    after,
    (text) => text,
    (path, old, text) => wordingChanges(area, path, old, text),
  );
}

function wordingChanges(area: ChangeArea, path: string, before: string, after: string): VersionChange[] {
  return before === after ? [] : [{ kind: 'changed', area, path, before, after, impact: 'patch' }];
}

// Shared matching by normalised text: added and removed items here, matched pairs to `compare`.
function diffMatched<T>(
  taskPath: string,
  area: ChangeArea,
  before: readonly T[],
  after: readonly T[],
  textOf: (item: T) => string,
  compare: (path: string, before: T, after: T) => VersionChange[],
): VersionChange[] {
  const oldItems = byKey(before, (item) => normalised(textOf(item)));
  const newItems = byKey(after, (item) => normalised(textOf(item)));
  const label = `${taskPath} / ${area.replace('-', ' ')}`;
  const changes: VersionChange[] = [];
  for (const [key, item] of newItems) {
    const old = oldItems.get(key);
    const path = `${label} ${quoted(textOf(item))}`;
    if (old === undefined) changes.push({ kind: 'added', area, path, after: item, impact: 'minor' });
    else changes.push(...compare(path, old, item));
  }
  for (const [key, item] of oldItems) {
    if (!newItems.has(key)) changes.push({ kind: 'removed', area, path: `${label} ${quoted(textOf(item))}`, before: item, impact: REMOVED_IMPACT[area] });
  }
  return changes;
}

// The first item wins when two share a key; duplicates are a validation matter, not a diff one.
function byKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(keyOf(item))) map.set(keyOf(item), item);
  return map;
}

function normalised(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;:]$/, '')
    .toLowerCase();
}
