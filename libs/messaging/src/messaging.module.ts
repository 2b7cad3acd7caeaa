import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { eventSourceOf, topicAccessOf, type PmoEvent, type PmoEventMap, type PmoEventType, type PmoService } from '@pmo/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { MessagingLogger } from './messaging-logger';
import { addStagedToOutbox, addToOutbox, stageEvent, type StagedEvent } from './outbox';
import { OutboxRelay } from './outbox-relay';
import type { RelaySettings } from './relay-settings';
import type { EventTransport } from './transport';

export interface MessagingModuleOptions {
  /** The service's name; events carry it as their CloudEvents `source`. */
  serviceName: PmoService;
  transport: EventTransport;
  logger: MessagingLogger;
  /** The relay's batch size and linger (absent: `OutboxRelay`'s defaults). */
  relay?: RelaySettings;
}

export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
const TOPICS_FIRST_RETRY_MS = 500;
const TOPICS_MAX_RETRY_MS = 2_000;
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Adds a service's events to its outbox. */
@Injectable()
export class EventOutbox {
  private readonly source: string;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions) {
    this.source = eventSourceOf(options.serviceName);
  }

  /** Call inside the transaction that makes the state change: both commit together or neither does. */
  add<T extends PmoEventType>(manager: EntityManager, type: T, data: PmoEventMap[T]): Promise<PmoEvent<T>> {
    return addToOutbox(manager, this.source, type, data);
  }

  /**
   * Builds and encodes an event now, to be added later with `addStaged`: for writes grouped into one
   * transaction (GroupCommit), each event still carries the trace of the call that caused it.
   */
  stage<T extends PmoEventType>(type: T, data: PmoEventMap[T]): StagedEvent<T> {
    return stageEvent(this.source, type, data);
  }

  /** Adds staged events in one statement; same transaction rule as `add`. */
  addStaged(manager: EntityManager, staged: readonly StagedEvent[]): Promise<void> {
    return addStagedToOutbox(manager, staged);
  }
}

/**
 * Creates the topics of the service's events and runs the outbox relay while the service runs. On Kafka
 * neither holds up the start: a service whose broker is down (or slow) still opens its port and takes
 * writes into its outbox, and the relay starts once the topics are there.
 */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay?: OutboxRelay;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.transport.kind === 'in-process') {
      const relay = this.createRelay();
      await relay.replaySent();
      await relay.start();
      this.relay = relay;
      return;
    }
    this.startWhenTopicsExist(TOPICS_FIRST_RETRY_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.relay?.stop();
  }

  private startWhenTopicsExist(nextDelayMs: number): void {
    // Only the topics it writes: on a broker with ACLs a service may not even see the others.
    this.options.transport.ensureTopics(topicAccessOf(this.options.serviceName).writes).then(
      async () => {
        if (this.stopped) return;
        const relay = this.createRelay();
        await relay.start();
        this.relay = relay;
      },
      (error: unknown) => {
        if (this.stopped) return;
        this.options.logger.warn({ err: error, retryInMs: nextDelayMs }, 'could not create the event topics, retrying');
        this.retryTimer = setTimeout(() => this.startWhenTopicsExist(Math.min(TOPICS_MAX_RETRY_MS, nextDelayMs * 2)), nextDelayMs);
      },
    );
  }

  private createRelay(): OutboxRelay {
    return new OutboxRelay({ ...this.options.relay, dataSource: this.dataSource, transport: this.options.transport, logger: this.options.logger });
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, { provide: EVENT_TRANSPORT, useValue: options.transport }, EventOutbox, RelayLifecycle],
      exports: [EVENT_TRANSPORT, EventOutbox],
    };
  }
}
