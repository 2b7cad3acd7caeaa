import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';

/**
 * Records that a consumer group handled an event. Returns false when it already had: the caller must
 * then skip the effect. Must run in the transaction that applies the effect, so both commit together.
 */
export async function recordInInbox(manager: EntityManager, consumerGroup: string, eventId: string, eventType: string): Promise<boolean> {
  const span = trace.getActiveSpan()?.spanContext();
  const traceId = span && isSpanContextValid(span) ? span.traceId : null;
  const inserted = (await manager.query(
    `INSERT INTO inbox (consumer_group, event_id, event_type, trace_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumerGroup, eventId, eventType, traceId],
  )) as unknown[];
  return inserted.length === 1;
}
