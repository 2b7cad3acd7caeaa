import { BaseRpcContext, EventPattern, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { eventDefinitionOf, type PmoEvent, type PmoEventType, type PmoService } from '@pmo/contracts';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { EventConsumer, type EventHandler } from './event-consumer';
import type { MessagingLogger } from './messaging-logger';
import type { EventTransport, SubscriptionHandle } from './transport';

/** What an `@EventPattern` handler receives besides the payload: the envelopes and the inbox transaction. */
export class PmoEventContext extends BaseRpcContext<[readonly PmoEvent[], EntityManager]> {
  /** The envelope of the event, or of each event of an `@EventBatchPattern` call, in order. */
  get events(): readonly PmoEvent[] {
    return this.args[0];
  }

  /** Write the effect with this manager: it is the transaction that also records the event in the inbox. */
  get manager(): EntityManager {
    return this.args[1];
  }
}

/**
 * Like `@EventPattern`, but the handler receives an array: the payloads of consecutive events of the type
 * that arrived together, in order, so that a projection can write them in one statement. Under load one
 * call takes many events; an event alone (or retried alone) comes as an array of one.
 */
export const EventBatchPattern = (type: PmoEventType): MethodDecorator => EventPattern(type, { batch: true });

export interface EventServerOptions {
  /** Must be among the consumers the contract of each handled type lists. */
  serviceName: PmoService;
  transport: EventTransport;
  dataSource: DataSource;
  consumerGroup: string;
  fromBeginning: boolean;
  logger: MessagingLogger;
  /** See EventConsumerOptions.isTransient. */
  isTransient?: (error: unknown) => boolean;
}

/**
 * A NestJS transport strategy over either EventTransport: `@EventPattern('pmo.program.registered.v1')`
 * handlers in a service receive the events of that type, exactly once, inside the inbox transaction.
 */
export class PmoEventServer extends Server implements CustomTransportStrategy {
  private subscription?: SubscriptionHandle;
  private consumer?: EventConsumer;

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
        // The contract's consumers decide what the service may read on the broker: a handler it does not list would starve.
        if (!definition.consumers.includes(this.options.serviceName)) {
          throw new Error(
            `${this.options.serviceName} handles ${type}, but its contract in @pmo/contracts does not list ${this.options.serviceName} among its consumers`,
          );
        }
        topics.add(definition.topic);
        const call = async (payload: unknown, events: readonly PmoEvent[], manager: EntityManager) => {
          const result: unknown = await handler(payload, new PmoEventContext([events, manager]));
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        };
        const takesBatches = (handler.extras as { batch?: boolean } | undefined)?.batch === true;
        handlers.set(
          type,
          takesBatches
            ? Object.assign((event: PmoEvent, manager: EntityManager) => call([event.data], [event], manager), {
                applyAll: (events: readonly PmoEvent[], manager: EntityManager) =>
                  call(
                    events.map((event) => event.data),
                    events,
                    manager,
                  ),
              })
            : (event: PmoEvent, manager: EntityManager) => call(event.data, [event], manager),
        );
      }
      if (topics.size > 0) {
        const consumer = (this.consumer = new EventConsumer({ ...this.options, handlers }));
        // On Kafka this returns before the group is joined: the service serves HTTP meanwhile.
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
    this.consumer?.stop();
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
