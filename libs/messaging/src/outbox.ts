import { buildEvent, type PmoEvent, type PmoEventMap, type PmoEventType } from '@pmo/contracts';
import type { EntityManager } from 'typeorm';
import { toBinaryMessage } from './binary-mode';
import { outboxCommits } from './outbox-wake';
import type { TransportMessage } from './transport';

/** An event built and encoded, ready for the outbox: it carries the trace that was active when it was staged. */
export interface StagedEvent<T extends PmoEventType = PmoEventType> {
  event: PmoEvent<T>;
  message: TransportMessage;
}

/** Builds and encodes an event now, in the caller's context (its trace), to be stored later with `addStagedToOutbox`. */
export function stageEvent<T extends PmoEventType>(source: string, type: T, data: PmoEventMap[T]): StagedEvent<T> {
  const event = buildEvent({ type, source, data });
  return { event, message: toBinaryMessage(event) };
}

/**
 * Stores staged events in the outbox, in one statement, in the given order. Must be called with the manager
 * of the transaction that makes the state change, so the change and its events commit together or not at all.
 */
export async function addStagedToOutbox(manager: EntityManager, staged: readonly StagedEvent[]): Promise<void> {
  if (staged.length === 0) return;
  await manager.query(
    `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, value)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
    [
      staged.map((s) => s.event.id),
      staged.map((s) => s.event.type),
      staged.map((s) => s.message.topic),
      staged.map((s) => s.message.key),
      staged.map((s) => JSON.stringify(s.message.headers)),
      staged.map((s) => s.message.value),
    ],
  );
  outboxCommits.mark(manager);
}

/** Stores one event in the outbox; same transaction rule as `addStagedToOutbox`. */
export async function addToOutbox<T extends PmoEventType>(manager: EntityManager, source: string, type: T, data: PmoEventMap[T]): Promise<PmoEvent<T>> {
  const staged = stageEvent(source, type, data);
  await addStagedToOutbox(manager, [staged]);
  return staged.event;
}
