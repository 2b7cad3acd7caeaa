import type { EntityManager } from 'typeorm';

/**
 * Records that a consumer group handled an event. Returns false when it already had: the caller must
 * then skip the effect. Must run in the transaction that applies the effect, so both commit together.
 */
export async function recordInInbox(manager: EntityManager, consumerGroup: string, eventId: string, eventType: string, traceId: string | null): Promise<boolean> {
  const inserted = (await manager.query(
    `INSERT INTO inbox (consumer_group, event_id, event_type, trace_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumerGroup, eventId, eventType, traceId],
  )) as unknown[];
  return inserted.length === 1;
}

/**
 * Records several events in one statement; returns the ids that were new (the others were handled
 * before and their effects must be skipped). Same transaction rule as `recordInInbox`.
 */
export async function recordAllInInbox(manager: EntityManager, consumerGroup: string, events: readonly { id: string; type: string; traceId: string | null }[]): Promise<Set<string>> {
  // One round trip instead of one per event: the consumer batches a partition's run of messages.
  const inserted = (await manager.query(
    `INSERT INTO inbox (consumer_group, event_id, event_type, trace_id)
     SELECT $1, e.id, e.type, e.trace_id FROM unnest($2::text[], $3::text[], $4::text[]) AS e(id, type, trace_id)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumerGroup, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.traceId)],
  )) as { event_id: string }[];
  return new Set(inserted.map((row) => row.event_id));
}
