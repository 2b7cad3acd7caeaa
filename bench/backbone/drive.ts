import type { BenchPlatform } from './platform';
import { BENCH_PRINCIPAL } from './platform';
import { openLoop } from '../open-loop';
import { programInput } from './sample-event';
import { sleep } from './stats';

/** Registers `count` programs with at most `concurrency` in flight; returns their ids (= event keys). */
export async function registerWithConcurrency(platform: BenchPlatform, prefix: string, count: number, concurrency: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      ids.push((await platform.programs.registerProgram(programInput(prefix, index), BENCH_PRINCIPAL)).id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}

/** Open loop (`openLoop`): a slow platform shows up as latency instead of silently lowering the rate. */
export async function registerAtRate(platform: BenchPlatform, prefix: string, count: number, rate: number): Promise<{ ids: string[]; startedPerSec: number }> {
  const ids: string[] = [];
  const { startedPerSec } = await openLoop(rate, count, (index) =>
    platform.programs.registerProgram(programInput(prefix, index), BENCH_PRINCIPAL).then((program) => void ids.push(program.id)),
  );
  return { ids, startedPerSec };
}

/** Waits until strategic-pmo's read model holds every program of the prefix; resolves with the wall-clock time. */
export async function waitUntilApplied(platform: BenchPlatform, prefix: string, count: number, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const [{ applied }] = (await platform.strategicDb.query(`SELECT count(*)::int AS applied FROM portfolio_programs WHERE name LIKE $1`, [`${prefix}-%`])) as [
      { applied: number },
    ];
    if (applied >= count) return performance.now();
    if (performance.now() > deadline) throw new Error(`only ${applied} of ${count} ${prefix} events reached strategic-pmo within ${timeoutMs} ms`);
    await sleep(50);
  }
}
