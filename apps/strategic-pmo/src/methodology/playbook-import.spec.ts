import { importPlaybook, type ImportResult } from './playbook-import';
import type { KeyTask } from './playbook';

// A short excerpt in the shape of the playbook's own key task files (front matter of a Jekyll page).
const seedExcerpt = `---
layout: m3/keyTask
phase: 1
keyTask: 2
permalink: /1.2/
name: Establish Initial Customer Program Management Office (PMO) Processes

objective: Establish a customer PMO structure as well as supporting PMO processes to manage and oversee program activities.
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
  - Align program resources and identify dependencies${' '}
  - Clearly articulate goals that capture the “why” of the change
  - "Keep the quoted trailing space "
---
`;

function keyTaskYaml(phase: number | string, keyTask: number | string, more = ''): string {
  return [
    `phase: ${JSON.stringify(phase)}`,
    `keyTask: ${JSON.stringify(keyTask)}`,
    `name: Task ${phase}.${keyTask}`,
    'objective: Keep the program on track',
    'responsibleParty: shared',
    'category: programManagement',
    'activities:',
    '  - text: Agree on PMO roles',
    '    responsibleParty: shared',
    more,
  ].join('\n');
}

function playbookOf(result: ImportResult): KeyTask[][] {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.playbook.phases.map((phase) => phase.keyTasks);
}

describe('importPlaybook', () => {
  it('reads a key task from front matter with its lists, parties and layout', () => {
    const [[keyTask]] = playbookOf(importPlaybook([{ name: '1.2.md', content: seedExcerpt }]));
    expect(keyTask).toMatchObject({
      layout: 'm3/keyTask',
      phase: 1,
      keyTask: 2,
      permalink: '/1.2/',
      responsibleParty: 'customer',
      activities: [{ text: 'Develop Program Charter', responsibleParty: 'customer' }],
      inputs: ['Vision'],
      stakeholders: [{ text: 'PMO Lead', responsibleParty: 'customer' }],
      lessonsLearned: [],
      extra: {},
    });
  });

  it('keeps curly quotes and quoted trailing spaces, and drops the trailing space of a plain scalar', () => {
    const [[keyTask]] = playbookOf(importPlaybook([{ name: '1.2.md', content: Buffer.from(seedExcerpt) }]));
    // YAML 1.2 excludes trailing white space from plain scalars; only quoting makes it content.
    expect(keyTask?.bestPractice).toEqual([
      'Align program resources and identify dependencies',
      'Clearly articulate goals that capture the “why” of the change',
      'Keep the quoted trailing space ',
    ]);
  });

  it('reads a file with CRLF line ends like one with LF', () => {
    const crlf = importPlaybook([{ name: '1.2.md', content: seedExcerpt.replace(/\n/g, '\r\n') }]);
    expect(crlf).toEqual(importPlaybook([{ name: '1.2.md', content: seedExcerpt }]));
  });

  it('reads a Markdown file up to the end of its front matter, ignoring the page body', () => {
    const page = `${seedExcerpt}\n# Key task 1.2\n\nSee: [the charter](charter.md): not YAML.\n`;
    expect(importPlaybook([{ name: '1.2.md', content: page }])).toEqual(importPlaybook([{ name: '1.2.md', content: seedExcerpt }]));
  });

  it('keeps unknown keys in extra, in document order', () => {
    const content = keyTaskYaml(1, 1, 'owner: PMO Lead\nreviewedAt: 2025-01-31\ntags: [a, b]\n');
    const [[keyTask]] = playbookOf(importPlaybook([{ name: 'a.yaml', content }]));
    expect(Object.entries(keyTask?.extra ?? {})).toEqual([
      ['owner', 'PMO Lead'],
      ['reviewedAt', '2025-01-31'],
      ['tags', ['a', 'b']],
    ]);
  });

  it('groups key tasks from a stream and several files into phases, sorted numerically', () => {
    const stream = ['', keyTaskYaml(10, 2), keyTaskYaml(1, 10), '', keyTaskYaml(1, 2)].join('\n---\n');
    const result = importPlaybook([
      { name: 'stream.yaml', content: stream },
      { name: 'three.yml', content: keyTaskYaml('3', '1a') },
    ]);
    const labels = playbookOf(result).map((phase) => phase.map((task) => `${task.phase}.${task.keyTask}`));
    expect(labels).toEqual([['1.2', '1.10'], ['3.1a'], ['10.2']]);
  });

  it.each([
    ['an unclosed flow sequence', 3, 1, 'name: a\nlist: [1, 2\n'],
    ['a nested compact mapping', 2, 4, 'name: a\nc: d: e\n'],
    ['a duplicate key', 2, 1, 'name: a\nname: b\n'],
    ['a tab-indented key', 3, 1, 'name: a\nlist:\n\t- b\n'],
  ])('reports %s as a syntax error at line %d, column %d', (_case, line, column, content) => {
    const result = importPlaybook([{ name: 'bad.yaml', content }]);
    expect(result).toMatchObject({ ok: false, kind: 'syntax', errors: [{ file: 'bad.yaml', line, column }] });
  });

  it('reports the syntax errors of every file, and no structure errors beside them', () => {
    const result = importPlaybook([
      { name: 'a.yaml', content: 'a: [\n' },
      { name: 'ok.yaml', content: 'not: a key task\n' },
      { name: 'b.md', content: '---\nb: {\n---\nbody text: that is: not yaml\n' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok || result.kind !== 'syntax') throw new Error('expected syntax errors');
    expect([...new Set(result.errors.map((error) => error.file))]).toEqual(['a.yaml', 'b.md']);
  });

  it.each([
    ['a missing name', '/name', keyTaskYaml(1, 1).replace(/^name:.*$/m, ''), 'is required'],
    ['an empty name', '/name', keyTaskYaml(1, 1).replace(/^name:.*$/m, 'name: ""'), 'must NOT have fewer than 1 characters'],
    [
      'a party outside the three',
      '/activities/0/responsibleParty',
      keyTaskYaml(1, 1).replace('    responsibleParty: shared', '    responsibleParty: vendor'),
      'must be one of: customer, provider, shared',
    ],
    ['an activity without text', '/activities/0/text', keyTaskYaml(1, 1).replace('  - text: Agree on PMO roles\n    r', '  - r'), 'is required'],
    ['inputs as a string', '/inputs', keyTaskYaml(1, 1, 'inputs: Vision'), 'must be array'],
    ['a null output', '/outputs/0', keyTaskYaml(1, 1, 'outputs:\n  -'), 'must be string'],
    ['a phase given as a list', '/phase', keyTaskYaml(1, 1).replace('phase: 1', 'phase: [1]'), 'must be number,string'],
    ['a document that is a list', '', '- phase: 1\n', 'must be object'],
  ])('reports %s at path "%s"', (_case, path, content, message) => {
    const result = importPlaybook([{ name: 'task.yaml', content }]);
    expect(result).toEqual({ ok: false, kind: 'structure', errors: [{ file: 'task.yaml', path, message }] });
  });

  it('reports all structure errors across files and numbers the documents of a stream', () => {
    const wrong = keyTaskYaml(1, 1).replace('responsibleParty: shared\n', 'responsibleParty: both\n');
    const result = importPlaybook([
      { name: 'stream.yaml', content: `${keyTaskYaml(1, 2)}\n---\n${wrong.replace(/^name:.*$/m, '')}` },
      { name: 'other.yaml', content: keyTaskYaml(2, 1, 'inputs: [1]') },
    ]);
    expect(result).toEqual({
      ok: false,
      kind: 'structure',
      errors: [
        { file: 'stream.yaml#2', path: '/name', message: 'is required' },
        { file: 'stream.yaml#2', path: '/responsibleParty', message: 'must be one of: customer, provider, shared' },
        { file: 'other.yaml', path: '/inputs/0', message: 'must be string' },
      ],
    });
  });

  it.each([
    ['the same numbers', 1, 2],
    ['a number and its string', '1', '2'],
  ])('rejects a key task defined twice with %s', (_case, phase, keyTask) => {
    const result = importPlaybook([
      { name: 'a.yaml', content: keyTaskYaml(1, 2) },
      { name: 'b.yaml', content: keyTaskYaml(phase, keyTask) },
    ]);
    const message = 'key task 1.2 is already defined in a.yaml';
    expect(result).toEqual({ ok: false, kind: 'structure', errors: [{ file: 'b.yaml', path: '/keyTask', message }] });
  });

  it.each([
    ['no files', []],
    ['only empty documents', [{ name: 'empty.yaml', content: '---\n# nothing yet\n---\n' }]],
  ])('rejects %s as holding no key task', (_case, files) => {
    expect(importPlaybook(files)).toMatchObject({ ok: false, kind: 'structure', errors: [{ message: 'no key task found' }] });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const result = importPlaybook([{ name: 'bomb.yaml', content: bomb }]);
    expect(result).toMatchObject({ ok: false, kind: 'syntax', errors: [{ file: 'bomb.yaml', line: 1, column: 1 }] });
  });
});
