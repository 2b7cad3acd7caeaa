import { BatchLoop } from '@pmo/worker';
import type { DataSource } from 'typeorm';
import { outboxCommits } from './outbox-wake';
import type { EventTransport, TransportMessage } from './transport';
import type { MessagingLogger } from './messaging-logger';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  transport: EventTransport;
  logger: MessagingLogger;
  /** Rows published per transaction. */
  batchSize?: number;
  /** Safety net: rows written by another process (a second replica) are found by this poll. */
  pollIntervalMs?: number;
  /** Pause before the next batch while rows keep coming, so they leave in fewer, larger batches. */
  lingerMs?: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  value: string;
}

// Any constant works: it only has to be the same for every relay on one database.
const RELAY_LOCK = 7_270_001;

/**
 * Publishes outbox rows in commit order and marks them sent. It wakes when a transaction of this process
 * that wrote outbox rows commits, so an event leaves within milliseconds without polling on a sleep.
 * One relay per database publishes at a time (advisory lock), which keeps each key's events in order.
 */
export class OutboxRelay {
  private unsubscribe?: () => void;
  private readonly batchSize: number;
  private readonly loop: BatchLoop;
  /** Failed batches in a row and when the first failed, so the relay can say when it delivers again. */
  private failures = 0;
  private failingSince?: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.loop = new BatchLoop({
      work: () => this.relayWatchingFailures(),
      batchSize: this.batchSize,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      lingerMs: options.lingerMs ?? 5,
      logger: options.logger,
      failureMessage: 'outbox relay failed, retrying',
    });
  }

  async start(): Promise<void> {
    this.unsubscribe = outboxCommits.on(this.options.dataSource, () => this.loop.notify());
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.unsubscribe?.();
  }

  /**
   * Publishes again every event already sent, in order. For the in-process transport only, whose log
   * dies with the process: consumers skip what their inbox has, and get what was still in flight.
   */
  async replaySent(): Promise<number> {
    let replayed = 0;
    for (let after = '0'; ;) {
      const rows = (await this.options.dataSource.query(
        `SELECT seq, topic, message_key, headers, value FROM outbox WHERE sent_at IS NOT NULL AND seq > $1 ORDER BY seq LIMIT $2`,
        [after, this.batchSize],
      )) as OutboxRow[];
      if (rows.length === 0) return replayed;
      await this.options.transport.publish(rows.map((row) => ({ topic: row.topic, key: row.message_key, headers: row.headers, value: row.value })));
      replayed += rows.length;
      after = rows[rows.length - 1].seq;
    }
  }

  private async relayWatchingFailures(): Promise<number> {
    try {
      const sent = await this.relayBatch();
      if (this.failingSince !== undefined) {
        this.options.logger.info({ failures: this.failures, downMs: Date.now() - this.failingSince, sent }, 'outbox relay delivering again');
        this.failures = 0;
        this.failingSince = undefined;
      }
      return sent;
    } catch (error) {
      this.failures++;
      this.failingSince ??= Date.now();
      throw error;
    }
  }

  /** Publishes one batch; returns how many rows it sent. */
  async relayBatch(): Promise<number> {
    return this.options.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RELAY_LOCK])) as [{ locked: boolean }];
      if (!locked) return 0;
      const rows = (await manager.query(`SELECT seq, topic, message_key, headers, value FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1`, [
        this.batchSize,
      ])) as OutboxRow[];
      if (rows.length === 0) return 0;
      const messages: TransportMessage[] = rows.map((row) => ({ topic: row.topic, key: row.message_key, headers: row.headers, value: row.value }));
      await this.options.transport.publish(messages);
      await manager.query(`UPDATE outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((row) => row.seq)]);
      return rows.length;
    });
  }
}
