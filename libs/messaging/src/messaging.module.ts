import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { eventSourceOf, topicAccessOf, type PmoEvent, type PmoEventMap, type PmoEventType, type PmoService } from '@pmo/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { MessagingLogger } from './messaging-logger';
import { addStagedToOutbox, addToOutbox, stageEvent, type StagedEvent } from './outbox';
import { OutboxRelay } from './outbox-relay';
import type { EventTransport } from './transport';

export interface MessagingModuleOptions {
  /** The service's name; events carry it as their CloudEvents `source`. */
  serviceName: PmoService;
  transport: EventTransport;
  logger: MessagingLogger;
}

export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
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

/** Creates the topics of the service's events at start and runs the outbox relay while the service runs. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Only the topics it writes: on a broker with ACLs a service may not even see the others.
    await this.options.transport.ensureTopics(topicAccessOf(this.options.serviceName).writes);
    this.relay = new OutboxRelay({ dataSource: this.dataSource, transport: this.options.transport, logger: this.options.logger });
    if (this.options.transport.kind === 'in-process') await this.relay.replaySent();
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
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
