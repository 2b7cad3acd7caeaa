import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';

export interface Actor {
  subject: string;
  name: string;
}

export interface AuditEntryInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  requestId?: string;
}

/** Appends audit entries. */
export class AuditLog {
  /** Must be called with the manager of the transaction that makes the change, so both commit or neither does. */
  static async record(manager: EntityManager, entry: AuditEntryInput): Promise<void> {
    const span = trace.getActiveSpan()?.spanContext();
    const traceId = span && isSpanContextValid(span) ? span.traceId : null;
    await manager.query(
      `INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id, before, after, reason, request_id, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        entry.actor.subject,
        entry.actor.name,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.reason ?? null,
        entry.requestId ?? null,
        traceId,
      ],
    );
  }
}
