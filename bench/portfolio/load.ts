import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { loadavg } from 'node:os';
import { summarize } from '../backbone/stats';
import { cpuAccounting } from '../cpu';
import { openLoop } from '../open-loop';
import { BROWSER_ACCEPT_ENCODING } from './wire';

/** One load run on one endpoint: closed loop (as fast as the clients go) or paced (`rate` requests per second). */
export interface LoadRun {
  endpoint: string;
  connections: number;
  /** Offered rate when paced; null: each client sends its next request when the last one answers. */
  rate: number | null;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, and connection errors or timeouts: a run with either is not a valid figure. */
  non2xx: number;
  errors: number;
  loadAverage: { before: number; after: number };
  /** Closed-loop runs: CPU milliseconds per answered request, by group of processes (`cpuAccounting`). */
  cpuMsPerRequest?: Record<string, number>;
}

/**
 * Closed loop with autocannon: each client sends its next request when the last one answers. With `processes`
 * (group name → pid), the run also gives the CPU each group spent per answered request.
 */
export async function loadEndpoint(
  endpoint: string,
  url: string,
  token: string,
  connections: number,
  seconds: number,
  processes?: Record<string, number>,
): Promise<LoadRun> {
  const before = loadavg()[0];
  const cpu = processes && cpuAccounting(processes);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': BROWSER_ACCEPT_ENCODING },
    timeout: 30,
  });
  const used = cpu?.end();
  return {
    endpoint,
    connections,
    rate: null,
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    loadAverage: { before, after: loadavg()[0] },
    ...(used && result['2xx'] > 0
      ? { cpuMsPerRequest: Object.fromEntries(Object.entries(used.seconds).map(([group, s]) => [group, (1000 * s) / result['2xx']])) }
      : {}),
  };
}

/**
 * Paced (`openLoop`): `rate` requests a second, evenly spaced, over at most `connections` kept-alive connections (a
 * request due while all are busy waits for one, and that wait counts); percentiles of every answer's latency.
 */
export async function pacedLoad(endpoint: string, url: string, token: string, connections: number, seconds: number, rate: number): Promise<LoadRun> {
  const before = loadavg()[0];
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const headers = { authorization: `Bearer ${token}`, 'accept-encoding': BROWSER_ACCEPT_ENCODING };
  const started = performance.now();
  try {
    const { requests } = await openLoop(rate, rate * seconds, () => statusOf(url, agent, headers));
    const elapsedSeconds = (performance.now() - started) / 1000;
    const answered = requests.filter((r) => r.value >= 200 && r.value < 300);
    const latency = summarize(requests.map((r) => r.latencyMs));
    return {
      endpoint,
      connections,
      rate,
      requestsPerSecond: answered.length / elapsedSeconds,
      p50Ms: latency.p50,
      p99Ms: latency.p99,
      non2xx: requests.filter((r) => r.value > 0).length - answered.length,
      errors: requests.filter((r) => r.value === 0).length,
      loadAverage: { before, after: loadavg()[0] },
    };
  } finally {
    agent.destroy();
  }
}

/** The status of one GET read to its end; 0 when no answer came (connection error or 30 s without one). */
function statusOf(url: string, agent: Agent, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { agent, headers }, (response) => {
      response.on('error', () => resolve(0));
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.resume();
    });
    request.on('error', () => resolve(0));
    request.setTimeout(30_000, () => request.destroy(new Error('no answer in 30 s')));
  });
}

/** One CSV export read to its end by one client: rows (lines after the header) per second. */
export interface CsvRun {
  endpoint: string;
  rows: number;
  megabytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** The serving process's resident memory, sampled while the export ran. */
  peakRssMb: number;
  loadAverage: { before: number; after: number };
}

export async function exportCsv(endpoint: string, url: string, token: string, pid: number): Promise<CsvRun> {
  const before = loadavg()[0];
  let peakRssMb = rssMb(pid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(pid))), 100);
  const started = performance.now();
  let [bytes, lines] = [0, 0];
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200 || !response.body) throw new Error(`${endpoint} answered ${response.status}`);
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = lines - 1;
  return { endpoint, rows, megabytes: bytes / 1e6, seconds, rowsPerSecond: rows / seconds, peakRssMb, loadAverage: { before, after: loadavg()[0] } };
}

/** Resident memory of a process now (VmRSS), in MB; 0 when it is gone. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}
