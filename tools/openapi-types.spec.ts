import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// The generator runs as a process of its own (openapi-typescript loads ESM-only packages, which Node 20
// requires but jest's module loader does not).
describe('the generated types of the typed clients', () => {
  it('are what openapi-typescript gives for the committed OpenAPI documents (npm run openapi:types)', () => {
    const root = resolve(__dirname, '..');
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/openapi-types.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
