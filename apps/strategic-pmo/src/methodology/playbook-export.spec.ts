import fc from 'fast-check';
import type { KeyTask, PartyItem, Playbook } from './playbook';
import { RESPONSIBLE_PARTIES } from './playbook';
import { assemblePlaybook } from './playbook-assembly';
import { exportPlaybook, exportPlaybookStream, fileNameOf } from './playbook-export';
import { importPlaybook } from './playbook-import';
import { KEY_TASK_KEYS } from './key-task-fields';

// Characters that stress YAML quoting: indicators, document markers, curly quotes, escapes, line breaks.
const tricky = [
  '“',
  '”',
  '‘',
  '’',
  ' ',
  '  ',
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '---',
  '...',
  '"',
  "'",
  '\\',
  '\n',
  '\t',
  '\r\n',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '{',
  '[',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\ufeff',
  'é',
  '𝄞',
  'null',
  'true',
  '0x1F',
  '1e3',
  '~',
];
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...tricky)), { maxLength: 6 }).map((parts) => parts.join(''));
const nonEmptyText = text.filter((value) => value.length > 0);
const party = fc.constantFrom(...RESPONSIBLE_PARTIES);
const partyItem: fc.Arbitrary<PartyItem> = fc.record({ text, responsibleParty: party });
const ordinal = fc.oneof(fc.nat(40), fc.constantFrom('1', '01', '2a', 'II', 'A', 'a', '3.5', 'x y', '“7”'));
const extraKey = fc
  .oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('7', '__proto__', 'owner', '<<', 'a b', '-'))
  .filter((key) => !(KEY_TASK_KEYS as readonly string[]).includes(key));

const keyTaskBody = fc.record(
  {
    name: nonEmptyText,
    objective: text,
    responsibleParty: party,
    category: nonEmptyText,
    activities: fc.array(partyItem, { maxLength: 4 }),
    inputs: fc.array(text, { maxLength: 3 }),
    outputs: fc.array(text, { maxLength: 3 }),
    stakeholders: fc.array(partyItem, { maxLength: 3 }),
    bestPractice: fc.array(text, { maxLength: 3 }),
    lessonsLearned: fc.array(text, { maxLength: 3 }),
    layout: text,
    permalink: text,
    extra: fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  },
  {
    requiredKeys: [
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
      'extra',
    ],
  },
);

// Key tasks are unique by label and a phase is spelled one way in all its key tasks, as import requires.
const playbookArbitrary: fc.Arbitrary<Playbook> = fc
  .uniqueArray(fc.tuple(ordinal, ordinal, keyTaskBody), { minLength: 1, maxLength: 5, selector: ([p, k]) => `${String(p)}.${String(k)}` })
  .map((tasks) => {
    const spelling = new Map<string, number | string>();
    return assemblePlaybook(
      tasks.map(([phase, keyTask, body]): KeyTask => {
        const spelled = spelling.get(String(phase)) ?? phase;
        spelling.set(String(phase), spelled);
        return { ...body, phase: spelled, keyTask };
      }),
    );
  });

function reimport(files: { name: string; content: string }[]): Playbook {
  const result = importPlaybook(files);
  if (!result.ok) throw new Error(`${result.kind}: ${JSON.stringify(result.errors)}\n${files.map((f) => f.content).join('\n')}`);
  return result.playbook;
}

const sample: KeyTask = {
  layout: 'm3/keyTask',
  phase: 1,
  keyTask: 2,
  permalink: '/1.2/',
  name: 'Establish Initial Customer Program Management Office (PMO) Processes',
  objective: 'Establish a customer PMO structure',
  responsibleParty: 'customer',
  category: 'programManagement',
  activities: [{ text: 'Develop Program Charter', responsibleParty: 'customer' }],
  inputs: ['Vision'],
  outputs: ['Program Charter'],
  stakeholders: [{ text: 'PMO Lead', responsibleParty: 'customer' }],
  bestPractice: ['identify dependencies ', 'capture the “why” of the change'],
  lessonsLearned: [],
  extra: { owner: 'PMO Lead', '7': 'seven' },
};

describe('exportPlaybook', () => {
  // JavaScript lists integer-like keys first, so extra key "7" precedes "owner" whatever order it was read in.
  it('writes front matter with known keys in the playbook order, extra keys after, and quoted trailing spaces', () => {
    const [file] = exportPlaybook(assemblePlaybook([sample]));
    expect(file?.name).toBe('1.2-establish-initial-customer-program-management-office-pmo-processes.md');
    expect(file?.content).toBe(`---
layout: m3/keyTask
phase: 1
keyTask: 2
permalink: /1.2/
name: Establish Initial Customer Program Management Office (PMO) Processes

objective: Establish a customer PMO structure
responsibleParty: customer
category: programManagement

activities:
  - text: Develop Program Charter
    responsibleParty: customer

inputs:
  - Vision

outputs:
  - Program Charter

stakeholders:
  - text: PMO Lead
    responsibleParty: customer

bestPractice:
  - "identify dependencies "
  - capture the “why” of the change
"7": seven
owner: PMO Lead
---
`);
  });

  it.each([
    [{ phase: 1, keyTask: 2, name: 'Establish PMO (Processes)' }, '1.2-establish-pmo-processes.md'],
    [{ phase: '2a', keyTask: 10, name: 'Évaluer l’état “actuel”' }, '2a.10-evaluer-l-etat-actuel.md'],
    [{ phase: 'A/B', keyTask: 1, name: '“…”' }, 'a-b.1-key-task.md'],
  ])('names the file of %j as %s', (keyTask, name) => {
    expect(fileNameOf({ ...sample, ...keyTask })).toBe(name);
  });

  it('keeps file names apart when two labels share a slug', () => {
    const names = exportPlaybook(
      assemblePlaybook([
        { ...sample, phase: 'A' },
        { ...sample, phase: 'a' },
      ]),
    ).map((f) => f.name);
    expect(new Set(names).size).toBe(2);
  });

  it.each([
    ['a blank line', ' \n'],
    ['blanks and a tab', '  \t\n'],
    ['a blank line and an empty one', ' \n\n'],
    ['a trailing space', 'identify dependencies '],
    ['a document marker line', 'a\n---\nb'],
    ['curly quotes', '“why”'],
  ])('gives back a text with %s', (_case, text) => {
    const playbook = assemblePlaybook([{ ...sample, objective: text, inputs: [text], extra: { [text]: text } }]);
    expect(reimport(exportPlaybook(playbook))).toEqual(playbook);
  });

  it('gives back a key task written in the front-matter shape of the playbook itself', () => {
    const seedShape = [
      '---',
      'layout: m3/keyTask',
      'phase: 1',
      'keyTask: 2',
      'permalink: /1.2/',
      'name: Establish Initial Customer Program Management Office (PMO) Processes',
      '',
      'objective: Establish a customer PMO structure.',
      'responsibleParty: customer',
      'category: programManagement',
      '',
      'activities:',
      '  - text: Develop Program Charter',
      '    responsibleParty: customer',
      '',
      'bestPractice:',
      '  - Clearly articulate goals that capture the “why” of the change',
      '---',
      '',
    ].join('\n');
    const playbook = reimport([{ name: '1.2.md', content: seedShape }]);
    expect(reimport(exportPlaybook(playbook))).toEqual(playbook);
    expect(exportPlaybookStream(playbook)).toContain('  - Clearly articulate goals that capture the “why” of the change\n');
  });

  it('gives back the same playbook through files and through a stream, for any playbook', () => {
    fc.assert(
      fc.property(playbookArbitrary, (playbook) => {
        expect(reimport(exportPlaybook(playbook))).toEqual(playbook);
        expect(reimport([{ name: 'stream.yaml', content: exportPlaybookStream(playbook) }])).toEqual(playbook);
      }),
      { numRuns: 500 },
    );
  });
});
