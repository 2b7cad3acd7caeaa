import type { BenchPlatform } from './platform';
import { summarize, type LatencySummary } from './stats';

export interface EndToEnd {
  events: number;
  /** N / (last inbox.handled_at − first outbox.created_at), both read from the one database server clock. */
  eventsPerSec: number;
  latencyMs: LatencySummary;
}

interface Written {
  event_id: string;
  created_ms: number;
}

interface Handled {
  event_id: string;
  handled_ms: number;
}

/**
 * Joins program-pmo's outbox and strategic-pmo's inbox on the event id. `created_at` is the writing
 * transaction's start (now()), `handled_at` the consuming transaction's start: the span covers the write,
 * the relay, Kafka and the consumer up to the effect's transaction.
 */
export async function endToEndOf(platform: BenchPlatform, programIds: readonly string[]): Promise<EndToEnd> {
  const written = (await platform.programDb.query(
    `SELECT event_id::text, extract(epoch FROM created_at) * 1000 AS created_ms FROM outbox WHERE message_key = ANY($1::text[])`,
    [programIds],
  )) as Written[];
  const handled = (await platform.strategicDb.query(
    `SELECT event_id, extract(epoch FROM handled_at) * 1000 AS handled_ms FROM inbox WHERE event_id = ANY($1::text[])`,
    [written.map((w) => w.event_id)],
  )) as Handled[];
  const handledAt = new Map(handled.map((h) => [h.event_id, Number(h.handled_ms)]));
  const latencies: number[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const w of written) {
    const end = handledAt.get(w.event_id);
    if (end === undefined) throw new Error(`event ${w.event_id} was written but never handled by strategic-pmo`);
    const start = Number(w.created_ms);
    latencies.push(end - start);
    first = Math.min(first, start);
    last = Math.max(last, end);
  }
  return { events: written.length, eventsPerSec: (written.length * 1000) / (last - first), latencyMs: summarize(latencies) };
}
