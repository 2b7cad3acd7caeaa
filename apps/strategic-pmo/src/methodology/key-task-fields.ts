import type { KeyTask, PartyItem } from './playbook';

/** The key task's known front-matter keys, in the order the playbook's own files write them. */
export const KEY_TASK_KEYS = [
  'layout',
  'phase',
  'keyTask',
  'permalink',
  'name',
  'objective',
  'responsibleParty',
  'category',
  'activities',
  'inputs',
  'outputs',
  'stakeholders',
  'bestPractice',
  'lessonsLearned',
] as const satisfies readonly (keyof KeyTask)[];

const known = new Set<string>(KEY_TASK_KEYS);

/**
 * Turns a document that passed the key task schema into a KeyTask.
 * Optional lists default to empty; keys the platform does not know go to `extra` in document order.
 */
export function toKeyTask(document: Record<string, unknown>): KeyTask {
  const list = (key: string): string[] => (document[key] as string[] | undefined) ?? [];
  const parties = (key: string): PartyItem[] =>
    ((document[key] as PartyItem[] | undefined) ?? []).map(({ text, responsibleParty }) => ({ text, responsibleParty }));
  const keyTask: KeyTask = {
    phase: document['phase'] as KeyTask['phase'],
    keyTask: document['keyTask'] as KeyTask['keyTask'],
    name: document['name'] as string,
    objective: document['objective'] as string,
    responsibleParty: document['responsibleParty'] as KeyTask['responsibleParty'],
    category: document['category'] as string,
    activities: parties('activities'),
    inputs: list('inputs'),
    outputs: list('outputs'),
    stakeholders: parties('stakeholders'),
    bestPractice: list('bestPractice'),
    lessonsLearned: list('lessonsLearned'),
    // Object.fromEntries defines own properties, so a key named `__proto__` stays data, not a prototype.
    extra: Object.fromEntries(Object.entries(document).filter(([key]) => !known.has(key))),
  };
  if (typeof document['layout'] === 'string') keyTask.layout = document['layout'];
  if (typeof document['permalink'] === 'string') keyTask.permalink = document['permalink'];
  return keyTask;
}

/**
 * The front-matter record for a key task: known keys in the playbook's order, then `extra` keys.
 * Absent optional keys and an empty `lessonsLearned` are left out, as the playbook's files do.
 */
export function toFrontMatter(keyTask: KeyTask): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const key of KEY_TASK_KEYS) {
    const value = keyTask[key];
    if (value === undefined) continue;
    if (key === 'lessonsLearned' && keyTask.lessonsLearned.length === 0) continue;
    entries.push([key, value]);
  }
  for (const [key, value] of Object.entries(keyTask.extra)) {
    // An extra key that shadows a known one would come back as the known field, not as extra.
    if (!known.has(key)) entries.push([key, value]);
  }
  return entries;
}
