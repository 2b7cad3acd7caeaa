import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Playbook } from './playbook';
import { exportPlaybook } from './playbook-export';
import { importPlaybook } from './playbook-import';
import { raciOf } from './raci';

const demoFolder = join(__dirname, '..', 'demo-data', 'methodology');
const demoNames = ['1.2-establish-initial-customer-pmo-processes.yaml', '3.1-integrate-program-management-office-structures.yaml'];
const demoFiles = demoNames.map((name) => ({ name, content: readFileSync(join(demoFolder, name)) }));

function demoPlaybook(): Playbook {
  const result = importPlaybook(demoFiles);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.playbook;
}

describe('demo methodology', () => {
  it('imports both key tasks into phases 1 and 3', () => {
    const playbook = demoPlaybook();
    expect(playbook.phases.map((phase) => phase.phase)).toEqual([1, 3]);
    expect(playbook.phases.map((phase) => phase.keyTasks.map((task) => task.activities.length))).toEqual([[12], [9]]);
  });

  it.each([
    [0, { responsibleParty: 'customer', bestPractice: 7, lessonsLearned: 0, stakeholders: 4, inputs: 2, outputs: 6 }],
    [1, { responsibleParty: 'shared', bestPractice: 0, lessonsLearned: 8, stakeholders: 9, inputs: 8, outputs: 6 }],
  ])('keeps the facts of demo key task %d', (index, facts) => {
    const keyTask = demoPlaybook().phases[index]?.keyTasks[0];
    expect({
      responsibleParty: keyTask?.responsibleParty,
      bestPractice: keyTask?.bestPractice.length,
      lessonsLearned: keyTask?.lessonsLearned.length,
      stakeholders: keyTask?.stakeholders.length,
      inputs: keyTask?.inputs.length,
      outputs: keyTask?.outputs.length,
    }).toEqual(facts);
  });

  it('keeps the curly quotes of key task 1.2', () => {
    const [keyTask] = demoPlaybook().phases[0]?.keyTasks ?? [];
    expect(keyTask?.bestPractice.at(-1)).toContain('capture the “why” of the change');
  });

  it('gives the RACI of key task 3.1: provider onboarding, one customer activity, the rest shared', () => {
    const keyTask = demoPlaybook().phases[1]?.keyTasks[0];
    const marks = raciOf(keyTask ?? { activities: [] }).map((row) => `${row.customer}|${row.provider}|${row.shared}`);
    expect(marks).toEqual(['|R|', 'R|R|R', 'R|R|R', 'R|R|R', 'R|R|R', 'R|R|R', 'R||', 'R|R|R', 'R|R|R']);
    expect(raciOf(keyTask ?? { activities: [] })[0]).toEqual({ activity: 'Onboard provider PMO', customer: '', provider: 'R', shared: '' });
  });

  it('splits the stakeholders of key task 3.1 into five customer and four provider roles', () => {
    const stakeholders = demoPlaybook().phases[1]?.keyTasks[0]?.stakeholders ?? [];
    const count = (party: string): number => stakeholders.filter((s) => s.responsibleParty === party).length;
    expect([count('customer'), count('provider'), count('shared')]).toEqual([5, 4, 0]);
  });

  it('exports the demo files back byte for byte, under the export file names', () => {
    const exported = exportPlaybook(demoPlaybook());
    expect(exported.map((file) => file.content)).toEqual(demoFiles.map((file) => file.content.toString('utf8')));
    expect(exported.map((file) => file.name)).toEqual([
      '1.2-establish-initial-customer-program-management-office-pmo-processes.md',
      '3.1-integrate-program-management-office-structures.md',
    ]);
  });

  it('gives back an equal playbook from its export', () => {
    const playbook = demoPlaybook();
    expect(importPlaybook(exportPlaybook(playbook))).toEqual({ ok: true, playbook });
  });
});
