import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runLogged, type RunningProcess } from './service-processes';

const ROOT = resolve(__dirname, '../../..');
const run = promisify(execFile);

export type ServiceApp = 'strategic-pmo' | 'program-pmo' | 'project-pmo';

/**
 * The services' production build (`nx build`), made when missing or older than the sources: Nx answers from its
 * cache when nothing changed (a few seconds), and each app's build is a whole tree, so a restored one is complete.
 */
export async function buildServices(apps: readonly ServiceApp[]): Promise<void> {
  try {
    await run(join(ROOT, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '-p', ...apps, '--outputStyle=static'], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 900_000,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`nx build of ${apps.join(', ')} failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')}`);
  }
}

/** Runs a service from its production build as its image does (`node …/main.js`, NODE_ENV=production), logging to a file. */
export function runProductionBuild(app: ServiceApp, env: NodeJS.ProcessEnv, logName: string, args: readonly string[] = []): RunningProcess {
  return runLogged([join(ROOT, 'dist', 'apps', app, 'apps', app, 'src', 'main.js'), ...args], { NODE_ENV: 'production', ...env }, logName);
}
