import { BaseRpcContext, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { eventDefinitionOf, type PmoEvent } from '@pmo/contracts';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { EventConsumer, type EventHandler } from './event-consumer';
import type { MessagingLogger } from './messaging-logger';
import type { EventTransport, SubscriptionHandle } from './transport';

/** What an `@EventPattern` handler receives besides the payload: the envelope and the inbox transaction. */
export class PmoEventContext extends BaseRpcContext<[PmoEvent, EntityManager]> {
  get event(): PmoEvent {
    return this.args[0];
  }

  /** Write the effect with this manager: it is the transaction that also records the event in the inbox. */
  get manager(): EntityManager {
    return this.args[1];
  }
}

export interface EventServerOptions {
  transport: EventTransport;
  dataSource: DataSource;
  consumerGroup: string;
  fromBeginning: boolean;
  logger: MessagingLogger;
}

/**
 * A NestJS transport strategy over either EventTransport: `@EventPattern('pmo.program.registered.v1')`
 * handlers in a service receive the events of that type, exactly once, inside the inbox transaction.
 */
export class PmoEventServer extends Server implements CustomTransportStrategy {
  private subscription?: SubscriptionHandle;

  constructor(private readonly options: EventServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers = new Map<string, EventHandler>();
      const topics = new Set<string>();
      for (const [type, handler] of this.getHandlers()) {
        const definition = eventDefinitionOf(type);
        if (!definition) throw new Error(`@EventPattern('${type}') names no event of the catalog in @pmo/contracts`);
        topics.add(definition.topic);
        handlers.set(type, async (event, manager) => {
          const result: unknown = await handler(event.data, new PmoEventContext([event, manager]));
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        });
      }
      if (topics.size > 0) {
        const consumer = new EventConsumer({ ...this.options, handlers });
        // The event server may start before the relay has created the topics; subscribing needs them.
        await this.options.transport.ensureTopics([...topics]);
        this.subscription = await this.options.transport.subscribe({
          groupId: this.options.consumerGroup,
          topics: [...topics],
          fromBeginning: this.options.fromBeginning,
          handle: consumer.handle,
        });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }

  on(): never {
    throw new Error('PmoEventServer has no server events');
  }

  unwrap<T>(): T {
    return this.options.transport as T;
  }
}
