import type { Kafka, Message } from 'kafkajs';
import { Pool } from 'pg';
import { withAdminClient } from '../databases';
import { sampleProgramMessage } from '../sample-event';
import { openLoop } from '../../open-loop';
import { summarize, type LatencySummary } from '../stats';
import type { HttpBenchOptions } from './options';

export interface LatencyFloor {
  rate: number;
  messages: number;
  /** Raw pg INSERT committed → raw kafkajs sendBatch (acks=all) → raw consumer → raw pg INSERT committed. */
  latencyMs: LatencySummary;
}

const PARTITIONS = 6;

export function latencyFloorDatabase(options: HttpBenchOptions): string {
  return `bench_http_floor_${options.suffix}`;
}

export function latencyFloorTopic(options: HttpBenchOptions, rate: number): string {
  return `bench.${options.suffix}.latency-floor-${rate}`;
}

/**
 * The least the same hop can take at the same rate, without HTTP or framework: each event committed alone
 * (raw pg), then sent with whatever else is waiting in one `sendBatch` as soon as the previous send is
 * acknowledged (same producer guarantees as the platform; one send at a time, as kafkajs' idempotent
 * producer allows per broker), consumed and committed alone (raw pg).
 */
export async function measureLatencyFloor(options: HttpBenchOptions, kafka: Kafka, rate: number, count: number): Promise<LatencyFloor> {
  const database = latencyFloorDatabase(options);
  await withAdminClient(options, async (client) => {
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  });
  const pool = new Pool({ ...options.db, database, max: options.poolSize * 2 });
  const topic = latencyFloorTopic(options, rate);
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 250 });
  try {
    await pool.query(`CREATE TABLE IF NOT EXISTS sent (id text PRIMARY KEY, value text NOT NULL)`);
    await pool.query(`CREATE TABLE IF NOT EXISTS applied (id text PRIMARY KEY, value text NOT NULL)`);
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: -1 }] });
    await admin.disconnect();
    await producer.connect();
    const startedAt = new Map<string, number>();
    const latencies: number[] = [];
    let done: () => void = () => undefined;
    const allApplied = new Promise<void>((resolve) => (done = resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      partitionsConsumedConcurrently: PARTITIONS,
      eachMessage: async ({ message }) => {
        const id = message.key?.toString() ?? '';
        await pool.query(`INSERT INTO applied (id, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, message.value?.toString() ?? '']);
        const start = startedAt.get(id);
        if (start !== undefined) latencies.push(performance.now() - start);
        if (latencies.length >= count) done();
      },
    });
    await joined;
    const samples = Array.from({ length: count }, (_, i) => sampleProgramMessage(`latency-floor-${options.suffix}`, i));
    const waiting: Message[] = [];
    let sending: Promise<void> | undefined;
    // One send at a time, carrying everything committed meanwhile.
    const sendWaiting = (): Promise<void> =>
      (sending ??= (async () => {
        while (waiting.length > 0) {
          const messages = waiting.splice(0, waiting.length);
          await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
        }
        sending = undefined;
      })());
    await openLoop(rate, count, async (index) => {
      const sample = samples[index];
      const id = `${rate}-${index}`;
      startedAt.set(id, performance.now());
      await pool.query(`INSERT INTO sent (id, value) VALUES ($1, $2)`, [id, sample.value]);
      waiting.push({ key: id, value: sample.value, headers: sample.headers });
      void sendWaiting();
    });
    await sending;
    await allApplied;
    return { rate, messages: count, latencyMs: summarize(latencies) };
  } finally {
    await Promise.all([producer.disconnect(), consumer.disconnect()]).catch(() => undefined);
    await pool.end();
  }
}
