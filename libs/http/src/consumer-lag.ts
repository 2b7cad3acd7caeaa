import type { KafkaCredentials } from '@pmo/messaging';
import { Kafka, logLevel, type Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

export interface ConsumerLagOptions {
  brokers: string[];
  credentials?: KafkaCredentials;
  ssl: boolean;
  groupId: string;
  topics: readonly string[];
  /** A reading older than this is taken again at the next scrape. */
  cacheMs?: number;
  /** A reading that takes longer is given up (the broker is down or slow): the scrape never waits longer. */
  timeoutMs?: number;
}

/**
 * Reads a consumer group's lag with a Kafka admin client of its own (not the transport's, so that a scrape
 * never queues behind or disturbs the relay and the consumer): the partitions' high watermarks minus the
 * group's committed offsets. Cached, one reading at a time, given up after a timeout: a scrape while Kafka
 * is down answers within it, without lag.
 */
export class ConsumerLagReader {
  private readonly kafka: Kafka;
  private admin?: Admin;
  private last?: { at: number; lags: PartitionLag[] | null };
  private reading?: Promise<PartitionLag[] | null>;

  constructor(private readonly options: ConsumerLagOptions) {
    this.kafka = new Kafka({
      clientId: `${options.groupId}-metrics`,
      brokers: options.brokers,
      ...(options.credentials ? { sasl: { ...options.credentials } } : {}),
      ssl: options.ssl,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      requestTimeout: 2_000,
      // A couple of quick retries: right after connecting kafkajs may not know the group's coordinator yet.
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
    });
  }

  /** The lag of each partition the group has committed on; null when the broker did not answer in time. */
  async read(): Promise<PartitionLag[] | null> {
    const cacheMs = this.options.cacheMs ?? 5_000;
    if (this.last && Date.now() - this.last.at < cacheMs) return this.last.lags;
    this.reading ??= this.readWithTimeout().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** Drops the kept reading: the next read asks the broker. */
  forget(): void {
    this.last = undefined;
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async readWithTimeout(): Promise<PartitionLag[] | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.options.timeoutMs ?? 3_000)));
    const lags = await Promise.race([this.readOffsets().catch(() => null), timeout]).finally(() => clearTimeout(timer));
    // A failed or abandoned reading drops the connection: the next one starts afresh.
    if (lags === null) await this.close();
    this.last = { at: Date.now(), lags };
    return lags;
  }

  private async readOffsets(): Promise<PartitionLag[]> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    const admin = this.admin;
    // One request after the other: concurrent first requests of a fresh admin race its metadata refresh.
    const committed = await admin.fetchOffsets({ groupId: this.options.groupId, topics: [...this.options.topics] });
    const ends: { topic: string; partitions: { partition: number; high: string }[] }[] = [];
    for (const topic of this.options.topics) ends.push({ topic, partitions: await admin.fetchTopicOffsets(topic) });
    const highWatermarks = new Map(ends.flatMap(({ topic, partitions }) => partitions.map((p) => [`${topic}/${p.partition}`, BigInt(p.high)] as const)));
    const lags: PartitionLag[] = [];
    for (const { topic, partitions } of committed) {
      for (const { partition, offset } of partitions) {
        const high = highWatermarks.get(`${topic}/${partition}`);
        // -1: the group has not committed there (a new group starts at the end, see KafkaGroupConsumer).
        if (high === undefined || offset === '-1') continue;
        const lag = high - BigInt(offset);
        lags.push({ topic, partition, lag: Number(lag > 0n ? lag : 0n) });
      }
    }
    return lags;
  }
}
