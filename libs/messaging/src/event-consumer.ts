import { SpanKind, SpanStatusCode, context, isSpanContextValid, trace, type Span } from '@opentelemetry/api';
import { checkEventSource, validateEventData, type PmoEvent } from '@pmo/contracts';
import { GroupCommit } from '@pmo/worker';
import type { DataSource, EntityManager } from 'typeorm';
import { fromBinaryMessage, toDeadLetter, UndecodableMessageError } from './binary-mode';
import { recordAllInInbox } from './inbox';
import type { MessagingLogger } from './messaging-logger';
import { traceContextOf } from './trace-context';
import type { EventTransport, ReceivedMessage } from './transport';

/** Applies one event's effect inside the transaction that also records it in the inbox. */
export interface EventHandler {
  (event: PmoEvent, manager: EntityManager): Promise<void>;
  /** Applies the effects of consecutive events of its type at once, in order (one statement for all, say). */
  applyAll?(events: readonly PmoEvent[], manager: EntityManager): Promise<void>;
}

export interface EventConsumerOptions {
  dataSource: DataSource;
  transport: EventTransport;
  consumerGroup: string;
  handlers: ReadonlyMap<string, EventHandler>;
  logger: MessagingLogger;
  /** A handler that keeps failing is retried this many times before its event is dead-lettered. */
  maxAttempts?: number;
  /**
   * Whether a failure says the database is busy or briefly unreachable (an exhausted pool, a serialization
   * failure): such an event is retried until it applies, without counting towards `maxAttempts`, because it is a
   * good event and dead-lettering it would lose its effect. None is transient when absent.
   */
  isTransient?: (error: unknown) => boolean;
}

/** The longest wait between two tries of an event the database could not take yet. */
const MAX_TRANSIENT_WAIT_MS = 5_000;

/**
 * A `Subscription.handle` that can also take a run of one partition's messages, in partition order:
 * it resolves once every message of the run is handled or dead-lettered, like `handle` for each in turn.
 * EventConsumer's `handle` has it; a transport that sees it may hand over runs instead of single messages.
 */
export interface RunHandler {
  (message: ReceivedMessage): Promise<void>;
  handleRun(messages: readonly ReceivedMessage[]): Promise<void>;
}

/**
 * The most messages of one partition a transport hands over as one run: large enough to amortise the
 * commit, small enough that a run that has to be replayed one by one (a failing handler) stays short.
 */
export const MAX_RUN = 100;

export function canHandleRuns(handle: (message: ReceivedMessage) => Promise<void>): handle is RunHandler {
  return typeof (handle as Partial<RunHandler>).handleRun === 'function';
}

interface Applicable {
  kind: 'apply';
  message: ReceivedMessage;
  event: PmoEvent;
  handler: EventHandler;
}

/** An event to apply with the consumer span it is applied under. */
interface Traced {
  applicable: Applicable;
  span: Span;
}

type Verdict = Applicable | { kind: 'dead'; code: string; reason: string } | { kind: 'skip' };

const tracer = trace.getTracer('@pmo/messaging');

function traceIdOf(span: Span): string | null {
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext) ? spanContext.traceId : null;
}

/**
 * The consuming half of the backbone, the same on every transport: decode, validate against the
 * contract, dead-letter what is unusable, and apply the rest exactly once (inbox + effect in one transaction).
 */
export class EventConsumer {
  private readonly maxAttempts: number;
  private stopping = false;
  // At most 10 runs (1,000 events) per transaction, so catching up on a backlog keeps transactions short.
  private readonly runs = new GroupCommit<readonly Traced[], void>((runs) => this.applyTogether(runs), 10);

  constructor(private readonly options: EventConsumerOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /**
   * No more waiting on a database that is not there: an event still failing for a transient reason is left
   * unhandled (its offset uncommitted, so it comes again after the restart) instead of holding the shutdown.
   */
  stop(): void {
    this.stopping = true;
  }

  /**
   * Resolves when the message is handled or dead-lettered; rejects if even the dead letter fails, or if the
   * consumer stops while the database is still unavailable.
   */
  readonly handle: RunHandler = Object.assign((message: ReceivedMessage) => this.handleOne(message), {
    handleRun: (messages: readonly ReceivedMessage[]) => this.handleRun(messages),
  });

  private async handleOne(message: ReceivedMessage): Promise<void> {
    const verdict = this.classify(message);
    if (verdict.kind === 'dead') return this.deadLetter(message, verdict.code, verdict.reason);
    if (verdict.kind === 'apply') await this.applyWithRetries(verdict);
  }

  /**
   * Applies a run of one partition's messages in order: the usable ones together (see applyRun), the
   * unusable ones dead-lettered in their place.
   */
  private async handleRun(messages: readonly ReceivedMessage[]): Promise<void> {
    let pending: Applicable[] = [];
    for (const message of messages) {
      const verdict = this.classify(message);
      if (verdict.kind === 'apply') pending.push(verdict);
      else if (verdict.kind === 'dead') {
        // What came before the unusable message is applied first, so effects and dead letters keep partition order.
        await this.applyRun(pending);
        pending = [];
        await this.deadLetter(message, verdict.code, verdict.reason);
      }
    }
    await this.applyRun(pending);
  }

  /**
   * Decodes and validates: apply it, dead-letter it, or skip it (a type this service does not follow).
   * An event not sent by the owner of its type is dead-lettered before its data is even looked at.
   */
  private classify(message: ReceivedMessage): Verdict {
    let event: PmoEvent;
    try {
      event = fromBinaryMessage(message);
    } catch (error) {
      return { kind: 'dead', code: error instanceof UndecodableMessageError ? error.code : 'PARSE', reason: (error as Error).message };
    }
    const source = checkEventSource(event.type, event.source);
    if (!source.accepted) return { kind: 'dead', code: source.code, reason: source.reason };
    const check = validateEventData(event.type, event.data);
    if (!check.valid) return { kind: 'dead', code: check.code, reason: check.reason };
    const handler = this.options.handlers.get(event.type);
    return handler ? { kind: 'apply', message, event, handler } : { kind: 'skip' };
  }

  /**
   * Applies a run with the runs other partitions hand over meanwhile, in one transaction with one inbox
   * insert (GroupCommit): one commit for all of them instead of one per run. If that fails, nothing of it
   * stays and the run is applied again one event at a time, so a failing handler is retried and
   * dead-lettered alone.
   */
  private async applyRun(run: readonly Applicable[]): Promise<void> {
    if (run.length === 0) return;
    // Each event gets its consumer span first, so the inbox can record the trace that applies it.
    const spans = run.map((applicable) => this.startSpan(applicable));
    try {
      await this.runs.submit(run.map((applicable, i) => ({ applicable, span: spans[i] })));
    } catch (error) {
      this.options.logger.warn({ err: error, events: run.length }, 'event run failed, applying its events one by one');
      for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message }).end();
      for (const applicable of run) await this.applyWithRetries(applicable);
      return;
    }
    for (const span of spans) span.end();
  }

  /** Applies runs of different partitions, each in its order, in one transaction. */
  private async applyTogether(runs: readonly (readonly Traced[])[]): Promise<void[]> {
    const events = runs.flat();
    await this.options.dataSource.transaction(async (manager) => {
      const fresh = await recordAllInInbox(
        manager,
        this.options.consumerGroup,
        events.map(({ applicable, span }) => ({ id: applicable.event.id, type: applicable.event.type, traceId: traceIdOf(span) })),
      );
      // delete: an event delivered twice within the group still takes effect once.
      const toApply = events.filter(({ applicable }) => fresh.delete(applicable.event.id));
      for (let start = 0; start < toApply.length;) {
        const { applicable, span } = toApply[start];
        const { handler } = applicable;
        let end = start + 1;
        if (handler.applyAll) while (end < toApply.length && toApply[end].applicable.handler === handler) end++;
        const slice = toApply.slice(start, end).map((traced) => traced.applicable.event);
        // A handler's statements belong to the span of the first event they apply.
        await context.with(trace.setSpan(context.active(), span), () =>
          handler.applyAll && slice.length > 1 ? handler.applyAll(slice, manager) : handler(applicable.event, manager),
        );
        start = end;
      }
    });
    return runs.map(() => undefined);
  }

  private startSpan({ event, message }: Applicable): Span {
    return tracer.startSpan(
      `${event.type} process`,
      { kind: SpanKind.CONSUMER, attributes: { 'messaging.message.id': event.id, 'messaging.destination.name': message.topic } },
      traceContextOf(message.headers),
    );
  }

  private async applyWithRetries(applicable: Applicable): Promise<void> {
    const { message, event } = applicable;
    const span = this.startSpan(applicable);
    try {
      for (let attempt = 1, waits = 1; ; waits++) {
        try {
          await this.applyTogether([[{ applicable, span }]]);
          return;
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          if (this.options.isTransient?.(error)) {
            if (this.stopping) throw error;
            this.options.logger.warn({ err: error, eventId: event.id, type: event.type }, 'database unavailable, event retried without counting');
          } else {
            if (attempt >= this.maxAttempts) return await this.deadLetter(message, 'HANDLER_FAILED', (error as Error).message);
            this.options.logger.warn({ err: error, eventId: event.id, type: event.type, attempt }, 'event handler failed, retrying');
            attempt++;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** waits, MAX_TRANSIENT_WAIT_MS)));
        }
      }
    } finally {
      span.end();
    }
  }

  private async deadLetter(message: ReceivedMessage, code: string, reason: string): Promise<void> {
    this.options.logger.warn({ topic: message.topic, partition: message.partition, offset: message.offset, code, reason }, 'message dead-lettered');
    await this.options.transport.publish([toDeadLetter(message, code, reason)]);
  }
}
