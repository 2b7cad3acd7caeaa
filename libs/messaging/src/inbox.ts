import type { EntityManager } from 'typeorm';

/**
 * Records that a consumer group handled these events, in one statement; returns the ids that were new
 * (the others were handled before and their effects must be skipped). Must run in the transaction that
 * applies the effects, so both commit together.
 */
export async function recordAllInInbox(
  manager: EntityManager,
  consumerGroup: string,
  events: readonly { id: string; type: string; traceId: string | null }[],
): Promise<Set<string>> {
  // One round trip instead of one per event: the consumer batches a partition's run of messages.
  const inserted = (await manager.query(
    `INSERT INTO inbox (consumer_group, event_id, event_type, trace_id)
     SELECT $1, e.id, e.type, e.trace_id FROM unnest($2::text[], $3::text[], $4::text[]) AS e(id, type, trace_id)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumerGroup, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.traceId)],
  )) as { event_id: string }[];
  return new Set(inserted.map((row) => row.event_id));
}
