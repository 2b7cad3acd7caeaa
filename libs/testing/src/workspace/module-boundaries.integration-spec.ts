import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// The workspace's lint configuration must refuse imports across the boundaries of ARCHITECTURE section 7.
// Each case lints a line of code as if it were written in a real file of the named project.
const ROOT = resolve(__dirname, '../../../..');

const FORBIDDEN: [string, string, string][] = [
  ['an app importing another app', 'apps/program-pmo/src/main.ts', "import { startStrategicPmo } from '../../strategic-pmo/src/bootstrap';"],
  ['a lib importing an app', 'libs/messaging/src/outbox.ts', "import { ProgramsService } from '../../../apps/program-pmo/src/programs/programs.service';"],
  ['contracts importing another lib', 'libs/contracts/src/catalog.ts', "import { KafkaTransport } from '@pmo/messaging';"],
  ['an infrastructure lib importing another', 'libs/messaging/src/outbox.ts', "import { AuditLog } from '@pmo/persistence';"],
  ['production code importing @pmo/testing', 'apps/program-pmo/src/programs/programs.service.ts', "import { eventually } from '@pmo/testing';"],
];

interface LintMessage {
  ruleId: string | null;
  severity: number;
}

// ESLint runs as the CLI does (its flat config is an ES module, which jest's module system cannot load).
function lintAs(filePath: string, code: string): LintMessage[] {
  const run = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', resolve(ROOT, filePath), '--format', 'json'],
    { cwd: ROOT, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return result.messages;
}

describe('module boundaries', () => {
  beforeAll(() => {
    // The boundary rule reads Nx's project graph; compute it as `nx lint` would.
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'ignore',
    });
  });

  it.each(FORBIDDEN)('fails lint for %s', (_case, filePath, line) => {
    const ruleIds = lintAs(filePath, `${line}\nexport const used = [${line.match(/import \{ (\w+) \}/)?.[1]}];\n`).map((m) => m.ruleId);
    expect(ruleIds.some((id) => id === '@nx/enforce-module-boundaries' || id === 'no-restricted-imports')).toBe(true);
  });

  it('passes lint for an app importing a lib through its public alias', () => {
    const messages = lintAs(
      'apps/program-pmo/src/programs/programs.errors.ts',
      "import { DomainError } from '@pmo/http';\nexport class ExampleError extends DomainError {\n  readonly code = 'EXAMPLE';\n  readonly kind = 'conflict';\n}\n",
    );
    expect(messages.filter((m) => m.severity === 2)).toEqual([]);
  });
});
