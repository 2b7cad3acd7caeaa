import { sleep } from './backbone/stats';

/** One request of an open-loop run: what `send` gave, and its latency from the instant it was due. */
interface Paced<T> {
  value: T;
  latencyMs: number;
}

export interface OpenLoopRun<T> {
  requests: Paced<T>[];
  /** The rate really offered: below the one asked only when this process could not keep up. */
  startedPerSec: number;
}

/**
 * Open loop: request i is due at i / rate seconds from the start and is started then whether or not earlier ones
 * have answered. Its latency counts from the instant it was due, not from when it was started, so a client late
 * to start it (its own event loop busy) adds to the figure instead of hiding the wait (coordinated omission).
 * autocannon's `overallRate` is not this: each connection sends its quota for the second back to back at the start
 * of the second, and its percentiles then add a synthetic sample for every millisecond of each answer's latency.
 */
export async function openLoop<T>(rate: number, count: number, send: (index: number) => Promise<T>): Promise<OpenLoopRun<T>> {
  const requests: Promise<Paced<T>>[] = [];
  const started = performance.now();
  const dueAt = (index: number) => started + (index * 1000) / rate;
  const timed = async (index: number): Promise<Paced<T>> => {
    const value = await send(index);
    return { value, latencyMs: performance.now() - dueAt(index) };
  };
  for (let index = 0; index < count;) {
    for (; index < count && dueAt(index) <= performance.now(); index++) requests.push(timed(index));
    if (index < count) await sleep(Math.max(0, Math.min(2, dueAt(index) - performance.now())));
  }
  const startedPerSec = count > 1 ? ((count - 1) * 1000) / (performance.now() - started) : 0;
  return { requests: await Promise.all(requests), startedPerSec };
}
