import { zipSync } from 'fflate';
import { gzipSync } from 'node:zlib';
import { importPlaybook } from './playbook-import';
import { readTar } from './tar-reader';

interface TarEntry {
  name: string;
  content?: string;
  type?: '0' | '5' | 'L';
  prefix?: string;
}

// A minimal ustar writer: enough to give the reader the headers real tar tools write.
function tarOf(entries: TarEntry[]): Uint8Array {
  const blocks = entries.flatMap(({ name, content = '', type = '0', prefix = '' }) => {
    const body = Buffer.from(content);
    const header = Buffer.alloc(512);
    header.write(name, 0, 100);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write(type, 156);
    header.write('ustar\x0000', 257);
    header.write(prefix, 345, 155);
    header.fill(' ', 148, 156);
    const sum = header.reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    const padded = Buffer.alloc(Math.ceil(body.length / 512) * 512);
    body.copy(padded);
    return [header, padded];
  });
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

function keyTaskYaml(phase: number, keyTask: number): string {
  return `---
phase: ${phase}
keyTask: ${keyTask}
name: Task “${phase}.${keyTask}”
objective: Integrate PMO structures
responsibleParty: shared
category: programManagement
activities:
  - text: Onboard provider PMO
    responsibleParty: provider
---
`;
}

const longName = `${'phase-3/'.repeat(15)}3.1.md`;

describe('readTar', () => {
  it('lists regular files with ustar prefixes and GNU long names, skipping directories', () => {
    const tar = tarOf([
      { name: 'phase-1/', type: '5' },
      { name: '1.2.md', prefix: 'playbook/phase-1', content: 'a' },
      { name: '././@LongLink', type: 'L', content: longName },
      { name: longName.slice(0, 100), content: 'b'.repeat(700) },
      { name: 'empty.yaml' },
    ]);
    const entries = readTar(tar).map(({ name, content }) => [name, content.length]);
    expect(entries).toEqual([
      ['playbook/phase-1/1.2.md', 1],
      [longName, 700],
      ['empty.yaml', 0],
    ]);
  });

  it.each([
    ['a header with a wrong checksum', Buffer.from(tarOf([{ name: 'a.md', content: 'a' }]).fill(0x41, 0, 1)), /checksum/],
    ['an entry cut short', Buffer.from(tarOf([{ name: 'a.md', content: 'x'.repeat(600) }]).subarray(0, 1024)), /cut short/],
  ])('throws on %s', (_case, tar, message) => {
    expect(() => readTar(tar)).toThrow(message);
  });
});

describe('importPlaybook with archives', () => {
  const files = {
    'playbook/phase-3/3.1.md': keyTaskYaml(3, 1),
    'playbook/phase-1/1.10.yml': keyTaskYaml(1, 10),
    'playbook/phase-1/1.2.yaml': keyTaskYaml(1, 2),
    'playbook/README.txt': 'not a key task: [',
    '__MACOSX/playbook/._1.2.yaml': '\u0000\u0005binary',
  };
  const labelsOf = (result: ReturnType<typeof importPlaybook>): string[] =>
    result.ok ? result.playbook.phases.flatMap((phase) => phase.keyTasks.map((t) => `${t.phase}.${t.keyTask}`)) : [];
  const zip = Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, Buffer.from(c)]))));
  const tgz = gzipSync(tarOf(Object.entries(files).map(([name, content]) => ({ name, content }))));

  it.each([
    ['playbook.zip', zip],
    ['playbook.tar.gz', tgz],
    ['playbook.tgz', tgz],
    ['upload-without-extension', zip],
    ['another-upload', tgz],
  ])('builds one playbook from %s, reading only its YAML and Markdown entries', (name, content) => {
    expect(labelsOf(importPlaybook([{ name, content }]))).toEqual(['1.2', '1.10', '3.1']);
  });

  it('merges archives with loose files and names archive entries in errors', () => {
    const bad = Buffer.from(zipSync({ 'x/2.1.yaml': Buffer.from('phase: [\n') }));
    const result = importPlaybook([
      { name: 'bundle.zip', content: bad },
      { name: '1.1.md', content: keyTaskYaml(1, 1) },
    ]);
    expect(result).toMatchObject({ ok: false, kind: 'syntax', errors: [{ file: 'bundle.zip:x/2.1.yaml', line: 2 }] });
  });

  it.each([
    ['a zip that is not one', 'broken.zip', Buffer.from('PK\u0003\u0004 truncated')],
    ['a gzip that is not one', 'broken.tgz', Buffer.from('not gzip at all')],
    ['a gzip of something not a tar', 'broken.tar.gz', gzipSync(Buffer.alloc(600, 0x41))],
    ['a gzip that unpacks past the size bound', 'bomb.tgz', gzipSync(Buffer.alloc(33 * 1024 * 1024))],
  ])('reports %s as a syntax error of the archive', (_case, name, content) => {
    const result = importPlaybook([{ name, content }]);
    expect(result).toMatchObject({ ok: false, kind: 'syntax', errors: [{ file: name, line: 1, column: 1 }] });
  });
});
