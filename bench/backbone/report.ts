import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { EndToEnd } from './end-to-end';
import type { KafkaFloor } from './kafka-floor';
import type { PgFloor } from './pg-floor';

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGb: number;
  node: string;
  kafka: string;
  postgres: string;
}

export interface BenchResults {
  date: string;
  suffix: string;
  machine: Machine;
  settings: { events: number; concurrency: number[]; poolSize: number; pacedRate: number; pacedEvents: number };
  floor: { kafka: KafkaFloor; pg: PgFloor };
  /** One throughput run per level of calls in flight. */
  platform: (ThroughputRun & { ratioToKafkaFloor: number; ratioToPgFloor: number })[];
  paced: EndToEnd & { offeredPerSec: number; startedPerSec: number };
  /** The levels of calls in flight at which the platform reached a third of the lower floor (none: missed). */
  targets: { throughputThirdOfFloorAt: number[]; pacedP99Under250Ms: boolean };
}

export interface ThroughputRun extends EndToEnd {
  /** registerProgram calls in flight. */
  concurrency: number;
  /** How fast program-pmo alone committed the calls. */
  writesPerSec: number;
}

/** Kafka's version is the one deploy/local installs; the broker API does not report it. */
function kafkaVersion(root: string): string {
  return /KAFKA_VERSION=(\S+)/.exec(readFileSync(join(root, 'deploy/local/common.sh'), 'utf8'))?.[1] ?? 'unknown';
}

export function machineFacts(root: string, postgres: string): Machine {
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kafka: kafkaVersion(root),
    postgres,
  };
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number) => `${(value * 100).toFixed(0)} %`;

function thirdOfFloor(r: BenchResults): string {
  const met = r.targets.throughputThirdOfFloorAt;
  const missed = r.settings.concurrency.filter((level) => !met.includes(level));
  if (met.length === 0) return 'missed';
  return `met with ${met.join(', ')} calls in flight` + (missed.length > 0 ? `, missed with ${missed.join(', ')}` : '');
}

/** The summary as markdown: the same table goes to the terminal and to backbone-latest.md. */
export function markdownOf(r: BenchResults): string {
  const { kafka, pg } = r.floor;
  return [
    `# Backbone bench, ${r.date}`,
    '',
    `${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, Kafka ${r.machine.kafka}, ${r.machine.postgres.split(',')[0]}.`,
    `${n(r.settings.events)} events per throughput run, registerProgram calls in flight: ${r.settings.concurrency.join(', ')}; pool ${r.settings.poolSize} connections per service and for the pg floor.`,
    '',
    '| measure | figure |',
    '| --- | --- |',
    `| floor: raw kafkajs produce → consume, 6 partitions, ${kafka.messageBytes} B messages, batches of ${kafka.batchSize} | ${n(kafka.endToEndMsgsPerSec)} msgs/s (produce alone ${n(kafka.produceMsgsPerSec)}) |`,
    `| floor: raw pg single-row INSERT, ${pg.connections} connections | ${n(pg.rowsPerSec)} rows/s |`,
    ...r.platform.flatMap((run) => [
      `| platform, ${run.concurrency} calls in flight: registerProgram → strategic-pmo read model | ${n(run.eventsPerSec)} events/s (program-pmo commits alone ${n(run.writesPerSec)}/s) |`,
      `| platform, ${run.concurrency} in flight / kafka floor, / pg floor | ${ratio(run.ratioToKafkaFloor)}, ${ratio(run.ratioToPgFloor)} |`,
      `| platform, ${run.concurrency} in flight: latency p50 / p99 / max | ${ms(run.latencyMs.p50)} / ${ms(run.latencyMs.p99)} / ${ms(run.latencyMs.max)} |`,
    ]),
    `| paced ${n(r.settings.pacedRate)}/s × ${n(r.settings.pacedEvents)} (offered ${n(r.paced.startedPerSec)}/s, delivered ${n(r.paced.eventsPerSec)}/s) p50 / p99 / max | ${ms(r.paced.latencyMs.p50)} / ${ms(r.paced.latencyMs.p99)} / ${ms(r.paced.latencyMs.max)} |`,
    '',
    `Targets: throughput ≥ 1/3 of the lower floor: ${thirdOfFloor(r)}; paced p99 < 250 ms: ${r.targets.pacedP99Under250Ms ? 'met' : 'missed'}.`,
    '',
  ].join('\n');
}

/** Writes `backbone-<date>.json` and `backbone-latest.md` under bench/results; returns the JSON path. */
export function writeResults(root: string, results: BenchResults): string {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, `backbone-${results.date}.json`);
  writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(dir, 'backbone-latest.md'), markdownOf(results));
  return jsonPath;
}
