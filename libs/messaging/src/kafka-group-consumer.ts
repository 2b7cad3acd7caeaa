import type { Admin, Consumer, ConsumerRunConfig, Kafka } from 'kafkajs';
import type { MessagingLogger } from './messaging-logger';

export interface KafkaGroupConsumerOptions {
  kafka: Kafka;
  /** A connected admin client of the same cluster. */
  admin: Admin;
  groupId: string;
  topics: readonly string[];
  fromBeginning: boolean;
  run: ConsumerRunConfig;
  logger: MessagingLogger;
  /** Makes sure the topics exist; run before the first member is created, and again until it succeeds. */
  prepare: () => Promise<void>;
}

/**
 * Backoff between re-creations of a crashed consumer: 0.5 s, 1 s, 2 s, then every 2 s. Short, so that a
 * member is back within about 2 s of the broker's return however long the outage was (with a backoff up to
 * 30 s, as before, the next attempt could come half a minute after the broker).
 */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 2_000;
/**
 * The group forgets a member that has not heartbeated for this long. After a broker restart the coordinator
 * still counts the member from before the outage (it could not leave) and holds the new one's join until that
 * session ends: kafkajs' default of 30 s was most of the time to resume. 6 s is the broker's smallest allowed
 * (group.min.session.timeout.ms); a member heartbeats every second and after every run (at most 100 events in
 * one transaction), so a live member is not dropped for being busy.
 */
const SESSION_TIMEOUT_MS = 6_000;
const HEARTBEAT_INTERVAL_MS = 1_000;
/** kafkajs' own retries inside one incarnation stay short; the re-creation above is the long-term retry. */
const CONSUMER_RETRY = { retries: 4, initialRetryTime: 200, maxRetryTime: 1_000 };
/** A new member may wait out a dead one's session and the rebalance before it joins. */
const JOIN_TIMEOUT_MS = 75_000;
/** A shutdown does not wait longer than this for the group to be left. */
const DISCONNECT_TIMEOUT_MS = 10_000;

/**
 * One consumer group member that survives broker outages. kafkajs restarts a crashed consumer in place,
 * but after a broker restart that restarted consumer can stay silent for good (the group coordinator moved
 * or was loading while it rejoined). So kafkajs' own restart is off and every crash re-creates the consumer
 * (a new connection pool and member) with backoff; it resumes from the group's committed offsets, and what
 * was handled but not yet committed comes again and is skipped by the inbox. A consumer that does not join
 * its group in time is re-created too.
 *
 * Without `fromBeginning`, Kafka starts a partition the group has no committed offset for at its end, so an
 * event written there while the member was away (a broker outage, a restart) would be skipped for good. So the
 * member notes the topics' ends when it subscribes, and on every join rewinds such partitions to them.
 */
export class KafkaGroupConsumer {
  private consumer?: Consumer;
  private closed = false;
  private prepared = false;
  private restarts = 0;
  private crashedAt?: number;
  private retryTimer?: NodeJS.Timeout;
  private joinTimer?: NodeJS.Timeout;
  /** A member of this consumer is in the group and has its partitions. */
  private joined = false;
  /** `topic/partition` → the partition's end when this member first subscribed (only without fromBeginning). */
  private startOffsets = new Map<string, string>();

  constructor(private readonly options: KafkaGroupConsumerOptions) {}

  /**
   * Starts joining the group in the background and returns at once: a service opens its HTTP port without
   * waiting for the broker. Until the member has joined (and while it is re-created after an outage),
   * `consuming` is false.
   */
  start(): void {
    this.scheduleIncarnation(0);
  }

  /** Whether a member of this consumer has joined its group and consumes. */
  get consuming(): boolean {
    return this.joined && !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.joined = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.joinTimer);
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await this.disconnect(consumer);
  }

  private async incarnate(): Promise<void> {
    const { kafka, groupId, topics, fromBeginning, run } = this.options;
    if (!this.prepared) {
      await this.options.prepare();
      if (!fromBeginning) this.startOffsets = await this.topicEnds();
      this.prepared = true;
    }
    if (this.closed) return;
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      retry: { ...CONSUMER_RETRY, restartOnFailure: async () => false },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.onJoin(consumer, payload.memberAssignment));
    consumer.on(consumer.events.CRASH, ({ payload }) => this.onCrash(consumer, payload.error));
    // Armed before run: the first join happens inside it.
    this.joinTimer = setTimeout(() => {
      if (this.consumer !== consumer || this.closed) return;
      this.options.logger.warn({ groupId, timeoutMs: JOIN_TIMEOUT_MS }, 'kafka consumer did not join its group, re-creating it');
      this.replace(consumer);
    }, JOIN_TIMEOUT_MS);
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning });
      await consumer.run(run);
    } catch (error) {
      clearTimeout(this.joinTimer);
      if (this.consumer === consumer) this.consumer = undefined;
      await this.disconnect(consumer);
      throw error;
    }
    // Closed while this member was starting: close() disconnected it before run reconnected it.
    if (this.closed) await this.disconnect(consumer);
  }

  private onJoin(consumer: Consumer, assignment: Record<string, number[]>): void {
    if (this.consumer !== consumer) return;
    clearTimeout(this.joinTimer);
    if (this.startOffsets.size > 0) {
      this.rewindUncommitted(consumer, assignment).catch((error: unknown) =>
        this.options.logger.warn({ groupId: this.options.groupId, err: error }, 'kafka consumer could not check its uncommitted partitions'),
      );
    }
    if (this.crashedAt !== undefined) {
      this.options.logger.info(
        { groupId: this.options.groupId, restarts: this.restarts, downMs: Date.now() - this.crashedAt },
        'kafka consumer rejoined its group, consuming again',
      );
    }
    this.restarts = 0;
    this.crashedAt = undefined;
    this.joined = true;
  }

  private onCrash(consumer: Consumer, error: Error): void {
    if (this.consumer !== consumer || this.closed) return;
    this.options.logger.warn({ groupId: this.options.groupId, err: error }, 'kafka consumer crashed, re-creating it');
    this.replace(consumer);
  }

  /** Drops a consumer (kafkajs has already stopped a crashed one) and schedules its successor. */
  private replace(consumer: Consumer): void {
    clearTimeout(this.joinTimer);
    this.consumer = undefined;
    this.joined = false;
    this.crashedAt ??= Date.now();
    void this.disconnect(consumer);
    this.scheduleIncarnation();
  }

  private scheduleIncarnation(delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.restarts++)): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      if (this.closed) return;
      this.incarnate().catch((error: unknown) => {
        this.options.logger.warn({ groupId: this.options.groupId, err: error }, 'kafka consumer could not start, retrying');
        this.scheduleIncarnation();
      });
    }, delay);
  }

  private async topicEnds(): Promise<Map<string, string>> {
    const ends = new Map<string, string>();
    for (const topic of this.options.topics) {
      for (const { partition, high } of await this.offsetsOf(topic)) ends.set(`${topic}/${partition}`, high);
    }
    return ends;
  }

  // A topic just created (by this or another service) may have no elected leader for a moment:
  // "not the leader for that topic-partition" then means "ask again", not "fail the start".
  private async offsetsOf(topic: string, attempt = 0): ReturnType<Admin['fetchTopicOffsets']> {
    try {
      return await this.options.admin.fetchTopicOffsets(topic);
    } catch (error) {
      if (attempt >= 50 || (error as { retriable?: boolean }).retriable === false) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return this.offsetsOf(topic, attempt + 1);
    }
  }

  /** Seeks the assigned partitions the group has not committed yet back to where this member began. */
  private async rewindUncommitted(consumer: Consumer, assignment: Record<string, number[]>): Promise<void> {
    const topics = Object.keys(assignment);
    if (topics.length === 0) return;
    const committed = await this.options.admin.fetchOffsets({ groupId: this.options.groupId, topics });
    for (const { topic, partitions } of committed) {
      for (const { partition, offset } of partitions) {
        const start = this.startOffsets.get(`${topic}/${partition}`);
        if (offset !== '-1' || start === undefined || !assignment[topic]?.includes(partition) || this.consumer !== consumer) continue;
        consumer.seek({ topic, partition, offset: start });
      }
    }
  }

  private async disconnect(consumer: Consumer): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), DISCONNECT_TIMEOUT_MS)));
    const outcome = await Promise.race([consumer.disconnect().catch(() => 'failed' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.options.logger.warn({ groupId: this.options.groupId }, 'kafka consumer did not leave its group in time');
  }
}
