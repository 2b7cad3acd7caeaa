import { parseKeyTaskDocuments, type SyntaxIssue } from './key-task-documents';
import { toKeyTask } from './key-task-fields';
import { validateKeyTask } from './key-task-schema';
import type { KeyTask, Playbook } from './playbook';
import { assemblePlaybook, keyTaskLabel } from './playbook-assembly';
import { ArchiveError, readSources, type PlaybookFile, type PlaybookSource } from './playbook-sources';

/** A key task document that is valid YAML but not a key task, at a JSON pointer inside it. */
interface StructureIssue {
  file: string;
  path: string;
  message: string;
}

export type ImportResult =
  { ok: true; playbook: Playbook } | { ok: false; kind: 'syntax'; errors: SyntaxIssue[] } | { ok: false; kind: 'structure'; errors: StructureIssue[] };

/**
 * Builds one playbook from key task files: YAML front matter (`.md`), YAML streams of several key tasks,
 * or .zip/.tar.gz/.tgz archives of those. Key tasks are grouped by phase, both sorted numerically.
 * Any YAML error anywhere makes a `syntax` result listing every one; otherwise any schema violation or
 * duplicate key task makes a `structure` result listing every one. Nothing is thrown for bad input.
 */
export function importPlaybook(files: readonly PlaybookFile[]): ImportResult {
  let sources: PlaybookSource[];
  try {
    sources = readSources(files);
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    // An unreadable archive has no lines; 1:1 keeps the position 1-based like every other syntax error.
    return { ok: false, kind: 'syntax', errors: [{ file: error.file, line: 1, column: 1, message: error.message }] };
  }
  const parsed = sources.map(parseKeyTaskDocuments);
  const syntaxErrors = parsed.flatMap((source) => source.errors);
  if (syntaxErrors.length > 0) return { ok: false, kind: 'syntax', errors: syntaxErrors };

  const structureErrors: StructureIssue[] = [];
  const keyTasks: KeyTask[] = [];
  const seen = new Map<string, string>();
  for (const { file, value } of parsed.flatMap((source) => source.documents)) {
    const violations = validateKeyTask(value);
    structureErrors.push(...violations.map((violation) => ({ file, ...violation })));
    if (violations.length > 0) continue;
    const keyTask = toKeyTask(value as Record<string, unknown>);
    const label = keyTaskLabel(keyTask);
    const first = seen.get(label);
    if (first !== undefined) {
      structureErrors.push({ file, path: '/keyTask', message: `key task ${label} is already defined in ${first}` });
      continue;
    }
    seen.set(label, file);
    keyTasks.push(keyTask);
  }
  if (keyTasks.length === 0 && structureErrors.length === 0) {
    const names = files.map((file) => file.name).join(', ');
    structureErrors.push({ file: names, path: '', message: 'no key task found' });
  }
  if (structureErrors.length > 0) return { ok: false, kind: 'structure', errors: structureErrors };
  return { ok: true, playbook: assemblePlaybook(keyTasks) };
}
