import type { KeyTask, Phase, Playbook } from './playbook';

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Orders phase and key task labels numerically: 2 before 10, "1a" before "1b".
 * Labels the collator finds equal fall back to code-unit order, so the order is total and stable.
 */
function compareOrdinals(a: number | string, b: number | string): number {
  const left = String(a);
  const right = String(b);
  return collator.compare(left, right) || (left < right ? -1 : left > right ? 1 : 0);
}

/** The identity of a key task inside a playbook, e.g. "1.2"; phase 1 and phase "1" are the same phase. */
export function keyTaskLabel(keyTask: Pick<KeyTask, 'phase' | 'keyTask'>): string {
  return `${String(keyTask.phase)}.${String(keyTask.keyTask)}`;
}

/**
 * Groups key tasks into phases, phases and key tasks sorted with compareOrdinals.
 * A phase takes the label of its first key task; the caller rejects duplicate key tasks beforehand.
 */
export function assemblePlaybook(keyTasks: readonly KeyTask[]): Playbook {
  const phases = new Map<string, Phase>();
  for (const keyTask of keyTasks) {
    const id = String(keyTask.phase);
    const phase = phases.get(id) ?? { phase: keyTask.phase, keyTasks: [] };
    phase.keyTasks.push(keyTask);
    phases.set(id, phase);
  }
  const sorted = [...phases.values()].sort((a, b) => compareOrdinals(a.phase, b.phase));
  for (const phase of sorted) phase.keyTasks.sort((a, b) => compareOrdinals(a.keyTask, b.keyTask));
  return { phases: sorted };
}
