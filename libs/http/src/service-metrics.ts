import { topicAccessOf, type PmoService } from '@pmo/contracts';
import type { DataSource } from 'typeorm';
import { ConsumerLagReader } from './consumer-lag';
import { auditUnsealed, brokerUp, consumerLag, outboxOldestAge, outboxUnpublished } from './metrics-registry';
import type { ServiceRuntime } from './service-runtime';

/** The slice of a pino logger the sampler uses. */
interface SamplerLogger {
  warn(fields: object, message: string): void;
}

/** A reading that fails or takes longer than this leaves its gauges as they were: a scrape never hangs. */
const SAMPLE_TIMEOUT_MS = 3_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Takes one service's gauges when `/metrics` is scraped: the outbox backlog and the unsealed audit entries
 * (two indexed counts on its database), the broker's state (the check `/health/ready` reports) and, on
 * Kafka, its consumer group's lag.
 */
export class ServiceMetricsSampler {
  private readonly service: PmoService;
  private readonly group: string;
  private readonly lag?: ConsumerLagReader;
  private lagSeries = new Set<string>();
  /** The broker check in flight: scrapes while it hangs (the broker down) share it instead of piling up. */
  private brokerCheck?: Promise<boolean>;

  constructor(
    runtime: ServiceRuntime,
    private readonly dataSource: DataSource,
    private readonly brokerAnswers: () => Promise<boolean>,
    private readonly logger: SamplerLogger,
  ) {
    this.service = runtime.serviceName;
    this.group = `${runtime.serviceName}${runtime.messaging.consumerGroupSuffix}`;
    if (runtime.transport.kind === 'kafka') {
      this.lag = new ConsumerLagReader({
        brokers: runtime.messaging.kafkaBrokers,
        credentials: runtime.messaging.kafkaCredentials,
        ssl: runtime.messaging.kafkaSsl,
        groupId: this.group,
        topics: topicAccessOf(runtime.serviceName).reads,
      });
    }
  }

  async sample(): Promise<void> {
    const service = this.service;
    const broker = this.sampleBroker();
    await Promise.all([
      this.guarded('outbox', async () => {
        const [row] = (await this.dataSource.query(
          `SELECT count(*)::int AS unpublished, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest FROM outbox WHERE sent_at IS NULL`,
        )) as { unpublished: number; oldest: number }[];
        outboxUnpublished.set({ service }, row.unpublished);
        outboxOldestAge.set({ service }, Math.max(0, row.oldest));
      }),
      this.guarded('audit', async () => {
        const [row] = (await this.dataSource.query(`SELECT count(*)::int AS unsealed FROM audit_log WHERE chain_pos IS NULL`)) as { unsealed: number }[];
        auditUnsealed.set({ service }, row.unsealed);
      }),
      broker,
      this.guarded('consumer lag', async () => this.sampleLag(await broker)),
    ]);
  }

  /** Sets pmo_broker_up and says whether the broker answered in time. */
  private async sampleBroker(): Promise<boolean> {
    let up = false;
    await this.guarded('broker', async () => {
      this.brokerCheck ??= this.brokerAnswers().finally(() => (this.brokerCheck = undefined));
      up = await this.brokerCheck;
    });
    // No answer in time is no answer: degraded, as readiness would report once its check gives up.
    brokerUp.set({ service: this.service }, up ? 1 : 0);
    return up;
  }

  /** Drops the service's series (a service closed in a process that goes on, as in tests). */
  async close(): Promise<void> {
    for (const gauge of [outboxUnpublished, outboxOldestAge, auditUnsealed, brokerUp]) gauge.remove({ service: this.service });
    this.replaceLag([]);
    await this.lag?.close();
  }

  private async sampleLag(brokerAnswered: boolean): Promise<void> {
    if (!this.lag) return;
    // Unknown (the broker did not answer): no lag series rather than stale ones; pmo_broker_up says why.
    // A reading kept from before the broker went down is stale too.
    if (!brokerAnswered) this.lag.forget();
    this.replaceLag((brokerAnswered ? await this.lag.read() : null) ?? []);
  }

  private replaceLag(lags: readonly { topic: string; partition: number; lag: number }[]): void {
    const group = this.group;
    const fresh = new Set<string>();
    for (const { topic, partition, lag } of lags) {
      const labels = { service: this.service, group, topic, partition: String(partition) };
      consumerLag.set(labels, lag);
      fresh.add(JSON.stringify(labels));
    }
    for (const stale of this.lagSeries) if (!fresh.has(stale)) consumerLag.remove(JSON.parse(stale) as Record<string, string>);
    this.lagSeries = fresh;
  }

  private async guarded(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await within(work(), SAMPLE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ err: error, service: this.service, metric: what }, 'metrics sample failed');
    }
  }
}
