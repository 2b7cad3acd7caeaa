import { SpanKind, SpanStatusCode, context, trace, type Link } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { deadLetterTopicOf } from '@pmo/contracts';
import { Kafka, logLevel, type Admin, type IHeaders, type KafkaMessage, type LogEntry, type Producer } from 'kafkajs';
import { canHandleRuns, MAX_RUN } from './event-consumer';
import { KafkaGroupConsumer } from './kafka-group-consumer';
import type { MessagingLogger } from './messaging-logger';
import type { KafkaCredentials } from './messaging-settings';
import { traceContextOf } from './trace-context';
import type { EventTransport, ReceivedMessage, Subscription, SubscriptionHandle, TransportMessage } from './transport';

const tracer = trace.getTracer('@pmo/messaging');
/** How often a member heartbeats while its handler works on a run. */
const HEARTBEAT_WHILE_HANDLING_MS = 1_000;
/** Longest a health check waits for the broker before it says "degraded". */
const HEALTH_TIMEOUT_MS = 1_500;

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  /** SASL user the client authenticates as; absent for a broker without authentication. */
  credentials?: KafkaCredentials;
  /** TLS to the brokers. */
  ssl?: boolean;
  /** Partitions of topics this transport creates. */
  partitions: number;
  logger: MessagingLogger;
}

/**
 * Kafka through kafkajs. The producer is idempotent with acks from all in-sync replicas; consumers
 * resolve an offset only after its message is handled, so a committed offset never hides unhandled work.
 * kafkajs sits behind EventTransport only: a maintained client with the same API can replace it here.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly consumers = new Set<KafkaGroupConsumer>();
  private connected?: Promise<void>;

  constructor(private readonly options: KafkaTransportOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ...(options.credentials ? { sasl: { ...options.credentials } } : {}),
      ssl: options.ssl ?? false,
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => options.logger.warn({ kafka: entry.log, namespace: entry.namespace }, entry.log.message),
      // Waits between retries stay under 2 s (kafkajs' default grows to 30 s), so that the producer and admin
      // reach a broker that is back within about 2 s; the relay retries a failed batch every second anyway.
      retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    await this.connect();
    const wanted = topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]);
    const existing = new Set(await this.admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // Several services may create the same topics at once; "already exists" is success.
      await this.admin
        .createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions, replicationFactor: -1 })) })
        .catch((error: { type?: string; errors?: { type?: string }[] }) => {
          const onlyExisting = error.type === 'TOPIC_ALREADY_EXISTS' || (error.errors ?? []).every((e) => e.type === 'TOPIC_ALREADY_EXISTS');
          if (!onlyExisting) throw error;
        });
    }
    await this.waitForLeaders(wanted);
  }

  // A topic just created by another process may not have partition leaders yet; subscribing before
  // they exist fails with "This server does not host this topic-partition".
  private async waitForLeaders(topics: string[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics });
        if (metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0))) return;
      } catch (error) {
        if (attempt >= 100) throw error;
      }
      if (attempt >= 100) throw new Error(`Kafka topics ${topics.join(', ')} have no leaders after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  /**
   * One `sendBatch` for all the messages, whatever trace each belongs to: each keeps the `traceparent` it was
   * staged with (its creation context), so its consumer continues the request that caused it. The send
   * itself is one producer span linked to those contexts (the OpenTelemetry messaging conventions for a
   * batch); the kafkajs instrumentation is kept out of it, as it would write its own span's context over
   * every message's traceparent.
   */
  async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const topicMessages = groupByTopic(messages);
    const span = tracer.startSpan(`send ${topicMessages.map((t) => t.topic).join(' ')}`, {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.batch.message_count': messages.length },
      links: creationLinksOf(messages),
    });
    try {
      await context.with(suppressTracing(trace.setSpan(context.active(), span)), () => this.producer.sendBatch({ acks: -1, topicMessages }));
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  }

  /** Returns at once: the member creates the topics if needed and joins its group in the background. */
  async subscribe(subscription: Subscription): Promise<SubscriptionHandle> {
    const consumer = new KafkaGroupConsumer({
      kafka: this.kafka,
      admin: this.admin,
      groupId: subscription.groupId,
      topics: subscription.topics,
      fromBeginning: subscription.fromBeginning,
      logger: this.options.logger,
      prepare: () => this.ensureTopics(subscription.topics),
      run: {
        autoCommit: true,
        autoCommitInterval: 200,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitions,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
          for (const run of runsOf(batch.messages, canHandleRuns(subscription.handle) ? MAX_RUN : 1)) {
            if (!isRunning() || isStale()) break;
            const received = run.map((message) => toReceived(batch.topic, batch.partition, message));
            // kafkajs heartbeats only between fetches and when told to: a run waiting on a busy database longer
            // than the session (6 s, kafka-group-consumer.ts) would cost the member its place and start a rebalance.
            const keepAlive = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_WHILE_HANDLING_MS);
            try {
              // A handler that takes runs applies a run of this partition in one transaction (one commit per run,
              // not per message); a run is handled in order and resolved as a whole, so offsets never pass unhandled work.
              if (canHandleRuns(subscription.handle)) await subscription.handle.handleRun(received);
              else await subscription.handle(received[0]);
            } finally {
              clearInterval(keepAlive);
            }
            resolveOffset(run[run.length - 1].offset);
            await heartbeat();
          }
          await commitOffsetsIfNecessary();
        },
      },
    });
    this.consumers.add(consumer);
    consumer.start();
    return {
      close: async () => {
        await consumer.close();
        this.consumers.delete(consumer);
      },
    };
  }

  /**
   * The broker answers within the probe's time and every consumer has joined its group. kafkajs retries a
   * broker that is down for seconds; a readiness probe must not wait that long to hear "degraded".
   */
  async isHealthy(): Promise<boolean> {
    if (![...this.consumers].every((consumer) => consumer.consuming)) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)));
    const answer = this.connect()
      .then(() => this.admin.describeCluster())
      .then(
        () => true,
        () => false,
      );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.close()));
    this.consumers.clear();
    if (this.connected) await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
    this.connected = undefined;
  }

  private connect(): Promise<void> {
    this.connected ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(() => undefined);
    this.connected.catch(() => (this.connected = undefined));
    return this.connected;
  }
}

function runsOf<T>(messages: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < messages.length; i += size) runs.push(messages.slice(i, i + size));
  return runs;
}

/** One link per distinct trace the messages were created in. */
function creationLinksOf(messages: readonly TransportMessage[]): Link[] {
  const links = new Map<string, Link>();
  for (const message of messages) {
    const traceparent = message.headers.traceparent;
    if (!traceparent || links.has(traceparent)) continue;
    const spanContext = trace.getSpanContext(traceContextOf(message.headers));
    if (spanContext) links.set(traceparent, { context: spanContext });
  }
  return [...links.values()];
}

function groupByTopic(messages: readonly TransportMessage[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const message of messages) {
    const list = byTopic.get(message.topic) ?? [];
    // A copy of the headers: kafkajs and its instrumentation may write into the object they are given.
    list.push({ key: message.key, value: message.value, headers: { ...message.headers } });
    byTopic.set(message.topic, list);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}

function toReceived(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers: headersToStrings(message.headers),
  };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = (Array.isArray(value) ? value[value.length - 1] : value).toString();
  }
  return result;
}
