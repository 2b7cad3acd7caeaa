import type { KeyTask, PartyItem, Phase, Playbook } from '../methodology/playbook';
import { pairAlike, REWORDED_ABOVE, similarity } from './text-similarity';
import { quoted, type ChangeArea, type ChangeImpact, type ChangeKind, type VersionChange } from './version-change';

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

// Artifacts and roles have names; activities and advice are sentences.
const NEW_WORDING: Partial<Readonly<Record<ChangeArea, ChangeKind>>> = { input: 'renamed', output: 'renamed', stakeholder: 'renamed' };

/** A key task with the number it has in its playbook (`1.2`): its phase's key and its own. */
interface NumberedTask {
  number: string;
  phase: string;
  task: KeyTask;
}

/**
 * The changes between two playbooks; every class is in docs/methodology-diff.md. Phases are matched by phase
 * number (`1` and `"1"` match: YAML may give either). Key tasks are matched across the whole playbook, in
 * this order: same number and alike (see `taskLikeness`); then alike under another number, the best pair
 * first (→ `renumbered`, patch: the work is the same, only its label moved); then, among the rest, the same
 * number (a task rewritten in place keeps its number, as a requirement keeps its id).
 * Activities, inputs, outputs, stakeholders, best practices and lessons are matched first by their text,
 * ignoring case, runs of spaces and a trailing `.`/`;`/`:` (→ `changed`, patch), then, among the rest of the
 * same list, by `similarity` above REWORDED_ABOVE, the best pair first (→ `renamed` for an input, output or
 * stakeholder, `reworded` for the others, patch, with the old and new text).
 * - anything added → minor; a key task added to an existing phase is one change, its contents are in `after`;
 *   a phase added is one change holding its new key tasks (minor), or only moved ones (patch);
 * - a key task, activity, input, output or stakeholder removed → major; a best practice or lesson removed
 *   → minor (see REMOVED_IMPACT); a phase removed → major, or patch when all its key tasks moved elsewhere;
 * - a responsible party changed (key task, activity, stakeholder) → major: it moves work from customer to
 *   provider or back, which both sides must staff;
 * - name, objective or category of a key task changed → patch.
 * Changes inside a key task are under its new number. Order in lists, `layout`, `permalink` and `extra`
 * (site presentation) are ignored.
 */
export function diffPlaybooks(before: Playbook | undefined, after: Playbook | undefined): VersionChange[] {
  const oldPhases = byKey(before?.phases ?? [], (phase) => String(phase.phase));
  const newPhases = byKey(after?.phases ?? [], (phase) => String(phase.phase));
  const oldTasks = numberedTasks(oldPhases);
  const newTasks = numberedTasks(newPhases);
  const previous = matchKeyTasks(oldTasks, newTasks);
  const matchedOld = new Set(previous.values());
  const changes: VersionChange[] = [];
  for (const [key, phase] of newPhases) {
    const tasks = newTasks.filter((task) => task.phase === key);
    if (!oldPhases.has(key)) {
      const impact = tasks.some((task) => !previous.has(task)) ? 'minor' : 'patch';
      changes.push({ kind: 'added', area: 'phase', path: `phase ${key}`, after: phase, impact });
    }
    for (const task of tasks) {
      const old = previous.get(task);
      if (old !== undefined) changes.push(...diffKeyTask(old, task));
      else if (oldPhases.has(key)) changes.push({ kind: 'added', area: 'key-task', path: `key task ${task.number}`, after: task.task, impact: 'minor' });
    }
    for (const old of oldTasks) {
      if (old.phase === key && !matchedOld.has(old)) {
        changes.push({ kind: 'removed', area: 'key-task', path: `key task ${old.number}`, before: old.task, impact: 'major' });
      }
    }
  }
  for (const [key, phase] of oldPhases) {
    if (newPhases.has(key)) continue;
    const impact = oldTasks.some((task) => task.phase === key && !matchedOld.has(task)) ? 'major' : 'patch';
    changes.push({ kind: 'removed', area: 'phase', path: `phase ${key}`, before: phase, impact });
  }
  return changes;
}

function numberedTasks(phases: ReadonlyMap<string, Phase>): NumberedTask[] {
  return [...phases].flatMap(([phase, { keyTasks }]) =>
    [...byKey(keyTasks, (task) => String(task.keyTask))].map(([key, task]) => ({ number: `${phase}.${key}`, phase, task })),
  );
}

/** Each matched new key task with its old self. */
function matchKeyTasks(before: readonly NumberedTask[], after: readonly NumberedTask[]): Map<NumberedTask, NumberedTask> {
  const previous = new Map<NumberedTask, NumberedTask>();
  const match = (pairs: Iterable<[NumberedTask, NumberedTask]>): void => {
    for (const [old, task] of pairs) previous.set(task, old);
  };
  const unmatched = (): [NumberedTask[], NumberedTask[]] => {
    const matchedOld = new Set(previous.values());
    return [before.filter((task) => !matchedOld.has(task)), after.filter((task) => !previous.has(task))];
  };
  const sameNumber = (olds: readonly NumberedTask[], news: readonly NumberedTask[], alike: boolean): [NumberedTask, NumberedTask][] =>
    news.flatMap((task) => {
      const old = olds.find((candidate) => candidate.number === task.number);
      return old !== undefined && (!alike || taskLikeness(old.task, task.task) > REWORDED_ABOVE) ? [[old, task] as [NumberedTask, NumberedTask]] : [];
    });
  match(sameNumber(before, after, true));
  match(pairAlike(...unmatched(), (old, task) => taskLikeness(old.task, task.task)));
  match(sameNumber(...unmatched(), false));
  return previous;
}

/**
 * How alike two key tasks are: 1 when the name or the objective is the same text (see `normalised`), otherwise
 * the `similarity` of name and objective taken together.
 */
function taskLikeness(before: KeyTask, after: KeyTask): number {
  if (normalised(before.name) === normalised(after.name) || normalised(before.objective) === normalised(after.objective)) return 1;
  return similarity(`${before.name} ${before.objective}`, `${after.name} ${after.objective}`);
}

function diffKeyTask(before: NumberedTask, after: NumberedTask): VersionChange[] {
  const path = `key task ${after.number}`;
  const changes: VersionChange[] = [];
  if (before.number !== after.number) {
    changes.push({ kind: 'renumbered', area: 'key-task', path: `key task ${before.number}`, before: before.number, after: after.number, impact: 'patch' });
  }
  for (const field of ['name', 'objective', 'category', 'responsibleParty'] as const) {
    if (before.task[field] !== after.task[field]) {
      const impact: ChangeImpact = field === 'responsibleParty' ? 'major' : 'patch';
      const label = field === 'responsibleParty' ? 'responsible party' : field;
      changes.push({ kind: 'changed', area: 'key-task', path: `${path} / ${label}`, before: before.task[field], after: after.task[field], impact });
    }
  }
  const [old, task] = [before.task, after.task];
  changes.push(
    ...diffPartyItems(path, 'activity', old.activities, task.activities),
    ...diffTexts(path, 'input', old.inputs, task.inputs),
    ...diffTexts(path, 'output', old.outputs, task.outputs),
    ...diffPartyItems(path, 'stakeholder', old.stakeholders, task.stakeholders),
    ...diffTexts(path, 'best-practice', old.bestPractice, task.bestPractice),
    ...diffTexts(path, 'lesson', old.lessonsLearned, task.lessonsLearned),
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
    (path, old, item) =>
      old.responsibleParty === item.responsibleParty
        ? []
        : [{ kind: 'changed', area, path: `${path} / responsible party`, before: old.responsibleParty, after: item.responsibleParty, impact: 'major' }],
  );
}

function diffTexts(taskPath: string, area: ChangeArea, before: readonly string[], after: readonly string[]): VersionChange[] {
  return diffMatched(
    taskPath,
    area,
    before,
    after,
    (text) => text,
    () => [],
  );
}

// Shared matching of one list: added and removed items and text changes here, anything else of a matched pair
// from `compare`.
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
  const sameText = new Map<T, T>();
  for (const [key, item] of newItems) {
    const old = oldItems.get(key);
    if (old !== undefined) sameText.set(item, old);
  }
  const matchedOld = new Set(sameText.values());
  const rest = (items: ReadonlyMap<string, T>, taken: (item: T) => boolean): T[] => [...items.values()].filter((item) => !taken(item));
  const reworded = new Map(
    pairAlike(
      rest(oldItems, (item) => matchedOld.has(item)),
      rest(newItems, (item) => sameText.has(item)),
      (old, item) => similarity(textOf(old), textOf(item)),
    ).map(([old, item]) => [item, old]),
  );
  const label = `${taskPath} / ${area.replace('-', ' ')}`;
  const changes: VersionChange[] = [];
  for (const item of newItems.values()) {
    const text = textOf(item);
    const old = sameText.get(item);
    const alike = reworded.get(item);
    if (old !== undefined) {
      const path = `${label} ${quoted(text)}`;
      if (textOf(old) !== text) changes.push({ kind: 'changed', area, path, before: textOf(old), after: text, impact: 'patch' });
      changes.push(...compare(path, old, item));
    } else if (alike !== undefined) {
      const path = `${label} ${quoted(textOf(alike))}`;
      changes.push({ kind: NEW_WORDING[area] ?? 'reworded', area, path, before: textOf(alike), after: text, impact: 'patch' }, ...compare(path, alike, item));
    } else {
      changes.push({ kind: 'added', area, path: `${label} ${quoted(text)}`, after: item, impact: 'minor' });
    }
  }
  const paired = new Set(reworded.values());
  for (const old of oldItems.values()) {
    if (!matchedOld.has(old) && !paired.has(old))
      changes.push({ kind: 'removed', area, path: `${label} ${quoted(textOf(old))}`, before: old, impact: REMOVED_IMPACT[area] });
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
