import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CpuUse } from '../../cpu';
import type { Machine } from '../report';
import type { LatencySummary } from '../stats';
import type { HttpEndToEnd } from './end-to-end';
import type { LatencyFloor } from './latency-floor';
import type { HttpLoad } from './load';

export interface HttpRateRun {
  rate: number;
  floor: LatencyFloor;
  load: Omit<HttpLoad, 'ids'>;
  platform: HttpEndToEnd;
  /** Platform p99 commit → applied over the floor's p99. */
  p99RatioToFloor: number;
  /** The machine's 1-minute load average before and after the platform's run: other work on a shared machine shows here. */
  loadAverage: { before: number; after: number };
  /** CPU used by each process from the first request until strategic-pmo had applied every event. */
  cpu: CpuUse;
}

export interface HttpBenchResults {
  date: string;
  suffix: string;
  machine: Machine;
  settings: { seconds: number; poolSize: number; relayBatchSize: number; relayLingerMs: number };
  runs: HttpRateRun[];
  /** Aim: p99 commit → applied under 250 ms at 500 registrations per second. */
  aimP99Under250MsAt500: boolean | 'not run';
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const triple = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)}`;

export function httpMarkdownOf(r: HttpBenchResults): string {
  return [
    `# Backbone bench over HTTP, ${r.date}`,
    '',
    `${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, Kafka ${r.machine.kafka}, ${r.machine.postgres.split(',')[0]}.`,
    `program-pmo and strategic-pmo as separate processes on Kafka, telemetry on; ${r.settings.seconds} s per rate; relay batch ${r.settings.relayBatchSize}, linger ${r.settings.relayLingerMs} ms; pool ${r.settings.poolSize}.`,
    '',
    '| rate | measure | p50 / p99 / max |',
    '| --- | --- | --- |',
    ...r.runs.flatMap((run) => [
      `| ${run.rate}/s | floor: raw pg INSERT → kafkajs sendBatch → consume → pg INSERT, ${n(run.floor.messages)} events | ${triple(run.floor.latencyMs)} |`,
      `| ${run.rate}/s | POST /programs (offered ${n(run.load.startedPerSec)}/s, ${n(run.platform.events)} registered in ${n(run.platform.traces)} traces${failuresOf(run.load.failures)}) | ${triple(run.load.httpMs)} |`,
      `| ${run.rate}/s | commit → published (relay) | ${triple(run.platform.commitToPublishedMs)} |`,
      `| ${run.rate}/s | commit → applied in strategic-pmo | ${triple(run.platform.commitToAppliedMs)} |`,
      `| ${run.rate}/s | p99 commit → applied / floor p99 (load average ${run.loadAverage.before.toFixed(1)} → ${run.loadAverage.after.toFixed(1)}) | ${run.p99RatioToFloor.toFixed(1)}× |`,
      `| ${run.rate}/s | CPU over ${run.cpu.wallSeconds.toFixed(1)} s: ${cpuOf(run.cpu)} | ${(100 * run.cpu.busy).toFixed(0)} % of ${run.cpu.cores} cores |`,
    ]),
    '',
    `Aim: p99 commit → applied < 250 ms at 500/s: ${r.aimP99Under250MsAt500 === 'not run' ? 'not run' : r.aimP99Under250MsAt500 ? 'met' : 'missed'}.`,
    '',
  ].join('\n');
}

function cpuOf(cpu: CpuUse): string {
  return Object.entries(cpu.seconds)
    .sort(([, a], [, b]) => b - a)
    .map(([group, seconds]) => `${group} ${seconds.toFixed(1)} s`)
    .join(', ');
}

function failuresOf(failures: Record<string, number>): string {
  const entries = Object.entries(failures);
  return entries.length === 0 ? '' : `; failed: ${entries.map(([status, count]) => `${count} × ${status}`).join(', ')}`;
}

/** Writes `backbone-http-<date>.json` and `backbone-http-latest.md` under bench/results; returns the JSON path. */
export function writeHttpResults(root: string, results: HttpBenchResults): string {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, `backbone-http-${results.date}.json`);
  writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(dir, 'backbone-http-latest.md'), httpMarkdownOf(results));
  return jsonPath;
}
