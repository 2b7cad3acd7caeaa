import { programInput } from '../sample-event';
import { sleep, summarize, type LatencySummary } from '../stats';

export interface HttpLoad {
  /** Ids of the programs registered (201). */
  ids: string[];
  /** The rate really offered: below the one asked only if this process could not keep up. */
  startedPerSec: number;
  /** Answers other than 201, by status, and requests that got none, by error code. */
  failures: Record<string, number>;
  httpMs: LatencySummary;
}

/**
 * Open loop: request i starts at i / rate seconds whether or not earlier ones have answered, each
 * `POST /programs` its own HTTP request and so its own trace (the service's HTTP instrumentation starts it).
 */
export async function registerOverHttp(programUrl: string, token: string, prefix: string, count: number, rate: number): Promise<HttpLoad> {
  const ids: string[] = [];
  const failures: Record<string, number> = {};
  const latencies: number[] = [];
  const requests: Promise<void>[] = [];
  const register = async (index: number) => {
    const started = performance.now();
    const response = await fetch(`${programUrl}/programs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(programInput(prefix, index)),
    }).catch((error: { cause?: { code?: string } }) => error.cause?.code ?? 'no answer');
    latencies.push(performance.now() - started);
    if (typeof response === 'string') {
      failures[response] = (failures[response] ?? 0) + 1;
      return;
    }
    const body = (await response.json()) as { id?: string };
    if (response.status === 201 && body.id) ids.push(body.id);
    else failures[String(response.status)] = (failures[String(response.status)] ?? 0) + 1;
  };
  const started = performance.now();
  for (let index = 0; index < count;) {
    const due = Math.min(count, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    for (; index < due; index++) requests.push(register(index));
    if (index < count) await sleep(2);
  }
  const startedPerSec = ((count - 1) * 1000) / (performance.now() - started);
  await Promise.all(requests);
  return { ids, startedPerSec, failures, httpMs: summarize(latencies) };
}
