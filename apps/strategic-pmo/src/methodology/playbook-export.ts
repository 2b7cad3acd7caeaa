import { Document, YAMLMap, isScalar, visit } from 'yaml';
import { toFrontMatter } from './key-task-fields';
import type { KeyTask, Playbook } from './playbook';

/** A text file produced by export. */
export interface ExportedFile {
  name: string;
  content: string;
}

// The playbook's own files leave a blank line before these keys; export does too, for readers.
const SPACED_KEYS = new Set(['objective', 'activities', 'inputs', 'outputs', 'stakeholders', 'bestPractice', 'lessonsLearned']);

/**
 * One front-matter file (`---\n…---\n`) per key task, in playbook order, named `<phase>.<keyTask>-<slug>.md`.
 * importPlaybook of the result gives back an equal playbook; quoting is left to the yaml library.
 */
export function exportPlaybook(playbook: Playbook): ExportedFile[] {
  const taken = new Set<string>();
  return keyTasksOf(playbook).map((keyTask) => {
    // Labels differing only in case or punctuation ("A" and "a") share a slug; a suffix keeps files apart.
    const base = fileNameOf(keyTask).slice(0, -'.md'.length);
    let name = `${base}.md`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.md`;
    taken.add(name);
    return { name, content: `---\n${keyTaskYaml(keyTask)}---\n` };
  });
}

/** All key tasks as one multi-document YAML stream, each document opened by `---`; import gives them back. */
export function exportPlaybookStream(playbook: Playbook): string {
  return keyTasksOf(playbook)
    .map((keyTask) => `---\n${keyTaskYaml(keyTask)}`)
    .join('');
}

/** The file name for a key task: `1.2-establish-initial-customer-program-management-office-pmo-processes.md`. */
export function fileNameOf(keyTask: KeyTask): string {
  const label = `${String(keyTask.phase)}.${String(keyTask.keyTask)}`;
  return `${slugOf(label, '.')}-${slugOf(keyTask.name, '') || 'key-task'}.md`;
}

function keyTasksOf(playbook: Playbook): KeyTask[] {
  return playbook.phases.flatMap((phase) => phase.keyTasks);
}

function keyTaskYaml(keyTask: KeyTask): string {
  // Pairs are added one by one: a plain object would move integer-like extra keys ("7") to the front.
  const document = new Document(new YAMLMap());
  const map = document.contents as YAMLMap;
  for (const [key, value] of toFrontMatter(keyTask)) {
    const pair = document.createPair(key, value);
    if (SPACED_KEYS.has(key) && isScalar(pair.key)) pair.key.spaceBefore = true;
    map.items.push(pair);
  }
  visit(document, {
    Scalar(_key, scalar) {
      // yaml 2.9 writes a multi-line text of only blanks as a block scalar without an indentation
      // indicator, which reads back without its blanks; double quotes keep it exact.
      if (typeof scalar.value === 'string' && /^[ \t\n]*\n[ \t\n]*$/.test(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
    },
  });
  // lineWidth 0: keep each text on one line, as the playbook's files do, rather than folding it.
  return document.toString({ lineWidth: 0 });
}

// Lower-case ASCII words joined by hyphens; `keep` lists punctuation that stays (the dot of "1.2").
function slugOf(text: string, keep: string): string {
  const allowed = new RegExp(`[^a-z0-9${keep.replace(/[\\\]^-]/g, '\\$&')}]+`, 'g');
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(allowed, '-')
    .replace(/^-+|-+$/g, '');
}
