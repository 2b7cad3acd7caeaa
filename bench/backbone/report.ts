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
  settings: { events: number; concurrency: number; poolSize: number; pacedRate: number; pacedEvents: number };
  floor: { kafka: KafkaFloor; pg: PgFloor };
  platform: { throughput: EndToEnd & { writesPerSec: number }; ratioToKafkaFloor: number; ratioToPgFloor: number };
  paced: EndToEnd & { offeredPerSec: number; startedPerSec: number };
  targets: { throughputAtLeastThirdOfFloor: boolean; pacedP99Under250Ms: boolean };
}

/** Kafka's version is the one deploy/local installs; the broker API does not report it. */
function kafkaVersion(root: string): string {
  return /KAFKA_VERSION=(\S+)/.exec(readFileSync(join(root, 'deploy/local/common.sh'), 'utf8'))?.[1] ?? 'unknown';
}

export function machineFacts(root: string, postgres: string): Machine {
  return { nproc: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, kafka: kafkaVersion(root), postgres };
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number) => `${(value * 100).toFixed(0)} %`;

/** The summary as markdown: the same table goes to the terminal and to backbone-latest.md. */
export function markdownOf(r: BenchResults): string {
  const { kafka, pg } = r.floor;
  return [
    `# Backbone bench, ${r.date}`,
    '',
    `${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, Kafka ${r.machine.kafka}, ${r.machine.postgres.split(',')[0]}.`,
    `${n(r.settings.events)} events, ${r.settings.concurrency} registerProgram calls in flight, pool ${r.settings.poolSize} connections per service and for the pg floor.`,
    '',
    '| measure | figure |',
    '| --- | --- |',
    `| floor: raw kafkajs produce → consume, 6 partitions, ${kafka.messageBytes} B messages, batches of ${kafka.batchSize} | ${n(kafka.endToEndMsgsPerSec)} msgs/s (produce alone ${n(kafka.produceMsgsPerSec)}) |`,
    `| floor: raw pg single-row INSERT, ${pg.connections} connections | ${n(pg.rowsPerSec)} rows/s |`,
    `| platform: registerProgram → strategic-pmo read model | ${n(r.platform.throughput.eventsPerSec)} events/s (program-pmo commits alone ${n(r.platform.throughput.writesPerSec)}/s) |`,
    `| platform / kafka floor | ${ratio(r.platform.ratioToKafkaFloor)} |`,
    `| platform / pg floor | ${ratio(r.platform.ratioToPgFloor)} |`,
    `| latency under full load p50 / p99 / max | ${ms(r.platform.throughput.latencyMs.p50)} / ${ms(r.platform.throughput.latencyMs.p99)} / ${ms(r.platform.throughput.latencyMs.max)} |`,
    `| paced ${n(r.settings.pacedRate)}/s × ${n(r.settings.pacedEvents)} (offered ${n(r.paced.startedPerSec)}/s, delivered ${n(r.paced.eventsPerSec)}/s) p50 / p99 / max | ${ms(r.paced.latencyMs.p50)} / ${ms(r.paced.latencyMs.p99)} / ${ms(r.paced.latencyMs.max)} |`,
    '',
    `Targets: throughput ≥ 1/3 of the lower floor: ${r.targets.throughputAtLeastThirdOfFloor ? 'met' : 'missed'}; paced p99 < 250 ms: ${r.targets.pacedP99Under250Ms ? 'met' : 'missed'}.`,
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
