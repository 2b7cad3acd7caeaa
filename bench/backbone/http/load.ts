import { programInput } from '../sample-event';
import { openLoop } from '../../open-loop';
import { summarize, type LatencySummary } from '../stats';

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
 * Open loop (`openLoop`): request i starts at i / rate seconds whether or not earlier ones have answered, each
 * `POST /programs` its own HTTP request and so its own trace (the service's HTTP instrumentation starts it).
 */
export async function registerOverHttp(programUrl: string, token: string, prefix: string, count: number, rate: number): Promise<HttpLoad> {
  const ids: string[] = [];
  const failures: Record<string, number> = {};
  const register = async (index: number) => {
    const response = await fetch(`${programUrl}/programs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(programInput(prefix, index)),
    }).catch((error: { cause?: { code?: string } }) => error.cause?.code ?? 'no answer');
    if (typeof response === 'string') {
      failures[response] = (failures[response] ?? 0) + 1;
      return;
    }
    const body = (await response.json()) as { id?: string };
    if (response.status === 201 && body.id) ids.push(body.id);
    else failures[String(response.status)] = (failures[String(response.status)] ?? 0) + 1;
  };
  const { requests, startedPerSec } = await openLoop(rate, count, register);
  return { ids, startedPerSec, failures, httpMs: summarize(requests.map((r) => r.latencyMs)) };
}
