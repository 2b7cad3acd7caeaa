import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually } from './eventually';

const ROOT = resolve(__dirname, '../../..');

export interface RunningProcess {
  child: ChildProcess;
  /** Resolves with the exit code when the process ends by itself or is stopped. */
  exited: Promise<number | null>;
  /** Sends SIGTERM (or SIGKILL: a crash, no shutdown hook runs) and resolves with the exit code. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

/** Runs a TypeScript entry point of the repository as its own process (SWC compiles on load), logging to a file. */
export function runTypeScript(entry: string, env: NodeJS.ProcessEnv, logName: string, args: readonly string[] = []): RunningProcess {
  return runLogged(['-r', '@swc-node/register', join(ROOT, entry), ...args], env, logName);
}

/** Runs `node <args>` from the repository's root with the given environment on top of this one's, its output in .pmo/logs/tests/<logName>.log. */
export function runLogged(args: readonly string[], env: NodeJS.ProcessEnv, logName: string): RunningProcess {
  const logDir = join(ROOT, '.pmo', 'logs', 'tests');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${logName}.log`));
  const child = spawn(process.execPath, [...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      log.end();
      return code;
    },
  };
}

/**
 * Waits until `<url>/health/ready` answers 200 with the broker up: a service opens its port before its
 * consumers have joined their groups, and a test's events must not come before they have.
 */
export async function waitUntilReady(url: string, timeoutMs = 90_000): Promise<void> {
  await eventually(
    async () => {
      const response = await fetch(`${url}/health/ready`);
      if (response.status !== 200) throw new Error(`${url} not ready: ${response.status}`);
      const { details } = (await response.json()) as { details?: { broker?: { status?: string } } };
      if (details?.broker?.status !== 'up') throw new Error(`${url} ready, its broker or consumers not yet: ${JSON.stringify(details?.broker)}`);
    },
    timeoutMs,
    250,
  );
}

/** A TCP port free on 127.0.0.1 right now, for a server a test starts. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
