import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
}

export async function loadEndpoint(endpoint: string, url: string, token: string, connections: number, seconds: number, rate: number | null): Promise<LoadRun> {
  const before = loadavg()[0];
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': BROWSER_ACCEPT_ENCODING },
    ...(rate === null ? {} : { overallRate: rate }),
    timeout: 30,
  });
  return {
    endpoint,
    connections,
    rate,
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    loadAverage: { before, after: loadavg()[0] },
  };
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
