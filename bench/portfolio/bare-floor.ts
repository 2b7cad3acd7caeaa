import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../backbone/http/services';
import { sleep } from '../backbone/stats';
import { loadEndpoint, type LoadRun } from './load';
import { MEMORY_PROBE, memoryOf, type MemorySplit } from './memory';

/** The bare NestJS process (`bare-nest.ts`) under the same clients as the services: its memory is the floor. */
export async function bareNestMemory(
  root: string,
  memoryDir: string,
  connections: readonly number[],
  seconds: number,
): Promise<{ runs: LoadRun[]; memory: MemorySplit | undefined }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', MEMORY_PROBE, join(__dirname, 'bare-nest.cjs'), String(port)], {
    cwd: root,
    env: { ...process.env, PMO_BENCH_MEMORY_DIR: memoryDir },
    stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${port}/live`;
    const deadline = performance.now() + 60_000;
    while (
      (await fetch(url).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (child.exitCode !== null || performance.now() > deadline) throw new Error('the bare NestJS process did not start');
      await sleep(200);
    }
    const runs: LoadRun[] = [];
    for (const clients of connections) runs.push(await loadEndpoint('bare NestJS GET /live', url, '', clients, seconds));
    // The probe writes every 200 ms: one more sample after the load.
    await sleep(500);
    return { runs, memory: child.pid ? memoryOf(memoryDir, child.pid) : undefined };
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
