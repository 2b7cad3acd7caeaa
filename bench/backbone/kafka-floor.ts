import { Kafka, logLevel, type Consumer, type KafkaConfig, type Message, type Producer } from 'kafkajs';
import type { BenchOptions } from './options';
import { messageBytes, sampleProgramMessage } from './sample-event';
import { perSecond } from './stats';

export interface KafkaFloor {
  topic: string;
  messages: number;
  messageBytes: number;
  /** Messages per send: the relay's default batch. */
  batchSize: number;
  produceMsgsPerSec: number;
  endToEndMsgsPerSec: number;
}

const PARTITIONS = 6;
const BATCH_SIZE = 500;

/** The broker's ceiling for this message shape: raw kafkajs, same producer guarantees as the platform, no database. */
export async function measureKafkaFloor(options: BenchOptions, kafka: Kafka): Promise<KafkaFloor> {
  const topic = benchTopicOf(options);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: -1 }] });
  await admin.disconnect();

  // Built before the clock starts: the floor is the client and broker, not CloudEvents encoding.
  const samples = Array.from({ length: options.events }, (_, i) => sampleProgramMessage(`floor-${options.suffix}`, i));
  const messages: Message[] = samples.map((m) => ({ key: m.key, value: m.value, headers: m.headers }));

  const consumer = kafka.consumer({ groupId: `bench-floor-${options.suffix}`, maxWaitTimeInMs: 250 });
  const { consumed } = await startCounting(consumer, topic, options.events);
  // Same settings as KafkaTransport's producer, so the floor keeps the platform's delivery guarantees.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();

  const started = performance.now();
  await produceInBatches(producer, topic, messages);
  const produced = performance.now();
  await consumed;
  const finished = performance.now();

  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return {
    topic,
    messages: options.events,
    messageBytes: messageBytes(samples[0]),
    batchSize: BATCH_SIZE,
    produceMsgsPerSec: perSecond(options.events, produced - started),
    endToEndMsgsPerSec: perSecond(options.events, finished - started),
  };
}

function benchTopicOf(options: BenchOptions): string {
  return `bench.${options.suffix}.floor`;
}

/** Joins, then hands back a promise of `expected` messages consumed (wrapped: an async function would flatten it). */
async function startCounting(consumer: Consumer, topic: string, expected: number): Promise<{ consumed: Promise<void> }> {
  await consumer.connect();
  // The topic is fresh, so reading from the beginning cannot pick up anything but this run's messages.
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let count = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const joined = new Promise<void>((resolve) => {
    const stop = consumer.on(consumer.events.GROUP_JOIN, () => {
      stop();
      resolve();
    });
  });
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      count += batch.messages.length;
      if (count >= expected) done();
    },
  });
  await joined;
  return { consumed: finished };
}

async function produceInBatches(producer: Producer, topic: string, messages: Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += BATCH_SIZE) {
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + BATCH_SIZE) }] });
  }
}

export function benchKafka(options: BenchOptions): Kafka {
  // As the broker's admin when it requires SASL (.pmo/env): the bench's own topics are in no service's ACLs.
  const { PMO_KAFKA_SASL_MECHANISM: mechanism, PMO_KAFKA_ADMIN_USERNAME: username = 'admin', PMO_KAFKA_ADMIN_PASSWORD: password = '' } = process.env;
  const sasl: Pick<KafkaConfig, 'sasl'> =
    mechanism === 'scram-sha-512'
      ? { sasl: { mechanism, username, password } }
      : mechanism === 'scram-sha-256'
        ? { sasl: { mechanism, username, password } }
        : {};
  return new Kafka({ clientId: `bench-backbone-${options.suffix}`, brokers: options.kafkaBrokers, logLevel: logLevel.ERROR, ...sasl });
}
