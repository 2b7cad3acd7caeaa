import { buildEvent, type PmoEvent, type PmoEventMap, type PmoEventType } from '@pmo/contracts';
import type { EntityManager } from 'typeorm';
import { toBinaryMessage } from './binary-mode';
import { outboxCommits } from './outbox-wake';

/**
 * Stores an event in the outbox. Must be called with the manager of the transaction that makes the
 * state change, so the change and its event commit together or not at all.
 */
export async function addToOutbox<T extends PmoEventType>(
  manager: EntityManager,
  source: string,
  type: T,
  data: PmoEventMap[T],
): Promise<PmoEvent<T>> {
  const event = buildEvent({ type, source, data });
  const message = toBinaryMessage(event);
  await manager.query(
    `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, value) VALUES ($1, $2, $3, $4, $5, $6)`,
    [event.id, event.type, message.topic, message.key, JSON.stringify(message.headers), message.value],
  );
  outboxCommits.mark(manager);
  return event;
}
