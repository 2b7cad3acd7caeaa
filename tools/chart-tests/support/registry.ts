import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** An OCI registry in one process (`crane registry serve`) on a loopback port, its blobs under dir. */
export interface LocalRegistry {
  host: string;
  stop(): Promise<void>;
}

export async function startRegistry(crane: string, dir: string): Promise<LocalRegistry> {
  const port = await freePort();
  mkdirSync(join(dir, 'blobs'), { recursive: true });
  const child: ChildProcess = spawn(crane, ['registry', 'serve', '--address', `127.0.0.1:${port}`, '--disk', join(dir, 'blobs')], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    const up = await fetch(`http://${host}/v2/`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
