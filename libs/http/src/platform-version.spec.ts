import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformVersion } from './platform-version';

describe('platformVersion', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'pmo-version-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the nearest package.json above the folder, as /app/package.json in an image', () => {
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'pmo-governance', version: '2.3.4' }));
    mkdirSync(join(root, 'libs', 'http', 'src'), { recursive: true });
    expect(platformVersion(join(root, 'libs', 'http', 'src'))).toBe('2.3.4');
  });

  it('refuses a package.json without a version rather than reading one further up', () => {
    writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '1.0.0' }));
    mkdirSync(join(root, 'inner'));
    writeFileSync(join(root, 'inner', 'package.json'), JSON.stringify({ name: 'no-version' }));
    expect(() => platformVersion(join(root, 'inner'))).toThrow(`${join(root, 'inner', 'package.json')} has no version`);
  });
});
