import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { validateEventData, type PmoEvent } from '@pmo/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { fromBinaryMessage, toDeadLetter, UndecodableMessageError } from './binary-mode';
import { recordInInbox } from './inbox';
import type { MessagingLogger } from './messaging-logger';
import { traceContextOf } from './trace-context';
import type { EventTransport, ReceivedMessage } from './transport';

/** Applies one event's effect inside the transaction that also records it in the inbox. */
export type EventHandler = (event: PmoEvent, manager: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  dataSource: DataSource;
  transport: EventTransport;
  consumerGroup: string;
  handlers: ReadonlyMap<string, EventHandler>;
  logger: MessagingLogger;
  /** A handler that keeps failing is retried this many times before its event is dead-lettered. */
  maxAttempts?: number;
}

const tracer = trace.getTracer('@pmo/messaging');

/**
 * The consuming half of the backbone, the same on every transport: decode, validate against the
 * contract, dead-letter what is unusable, and apply the rest exactly once (inbox + effect in one transaction).
 */
export class EventConsumer {
  private readonly maxAttempts: number;

  constructor(private readonly options: EventConsumerOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /** Resolves when the message is handled or dead-lettered; rejects only if even the dead letter fails. */
  readonly handle = async (message: ReceivedMessage): Promise<void> => {
    let event: PmoEvent;
    try {
      event = fromBinaryMessage(message);
    } catch (error) {
      const code = error instanceof UndecodableMessageError ? error.code : 'PARSE';
      return this.deadLetter(message, code, (error as Error).message);
    }
    const check = validateEventData(event.type, event.data);
    if (!check.valid) return this.deadLetter(message, check.code, check.reason);
    const handler = this.options.handlers.get(event.type);
    if (!handler) return; // a type this service does not follow, on a topic it reads

    const span = tracer.startSpan(`${event.type} process`, { kind: SpanKind.CONSUMER, attributes: { 'messaging.message.id': event.id, 'messaging.destination.name': message.topic } }, traceContextOf(message.headers));
    try {
      await context.with(trace.setSpan(context.active(), span), () => this.applyWithRetries(message, event, handler));
    } finally {
      span.end();
    }
  };

  private async applyWithRetries(message: ReceivedMessage, event: PmoEvent, handler: EventHandler): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.dataSource.transaction(async (manager) => {
          if (await recordInInbox(manager, this.options.consumerGroup, event.id, event.type)) await handler(event, manager);
        });
        return;
      } catch (error) {
        trace.getActiveSpan()?.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        if (attempt >= this.maxAttempts) return this.deadLetter(message, 'HANDLER_FAILED', (error as Error).message);
        this.options.logger.warn({ err: error, eventId: event.id, type: event.type, attempt }, 'event handler failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  private async deadLetter(message: ReceivedMessage, code: string, reason: string): Promise<void> {
    this.options.logger.warn({ topic: message.topic, partition: message.partition, offset: message.offset, code, reason }, 'message dead-lettered');
    await this.options.transport.publish([toDeadLetter(message, code, reason)]);
  }
}
