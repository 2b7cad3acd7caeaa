import { summarize, type LatencySummary } from '../stats';
import type { HttpServices } from './services';

export interface HttpEndToEnd {
  events: number;
  /** created_at (the writing transaction) → sent_at (the relay's transaction that published it). */
  commitToPublishedMs: LatencySummary;
  /** created_at → strategic-pmo's inbox.handled_at: the relay, Kafka and the consumer up to the effect. */
  commitToAppliedMs: LatencySummary;
  /** Distinct traceparents among the events: one per request when each request is its own trace. */
  traces: number;
}

interface Written {
  event_id: string;
  created_ms: string;
  sent_ms: string;
  traceparent: string | null;
}

/** Joins program-pmo's outbox and strategic-pmo's inbox on the event id (one database server's clock). */
export async function httpEndToEndOf(services: HttpServices, programIds: readonly string[]): Promise<HttpEndToEnd> {
  const written = await services.query<Written>(
    'program',
    `SELECT event_id::text, extract(epoch FROM created_at) * 1000 AS created_ms, extract(epoch FROM sent_at) * 1000 AS sent_ms,
            headers->>'traceparent' AS traceparent
       FROM outbox WHERE message_key = ANY($1::text[])`,
    [programIds],
  );
  const handled = await services.query<{ event_id: string; handled_ms: string }>(
    'strategic',
    `SELECT event_id, extract(epoch FROM handled_at) * 1000 AS handled_ms FROM inbox WHERE event_id = ANY($1::text[])`,
    [written.map((w) => w.event_id)],
  );
  const handledAt = new Map(handled.map((h) => [h.event_id, Number(h.handled_ms)]));
  const toApplied: number[] = [];
  const toPublished: number[] = [];
  for (const w of written) {
    const end = handledAt.get(w.event_id);
    if (end === undefined) throw new Error(`event ${w.event_id} was written but never handled by strategic-pmo`);
    toApplied.push(end - Number(w.created_ms));
    toPublished.push(Number(w.sent_ms) - Number(w.created_ms));
  }
  return {
    events: written.length,
    commitToPublishedMs: summarize(toPublished),
    commitToAppliedMs: summarize(toApplied),
    traces: new Set(written.map((w) => w.traceparent?.split('-')[1])).size,
  };
}
