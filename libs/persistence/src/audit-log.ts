import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import { currentAuditContext } from './audit-context';
import { auditCommits } from './audit-sealer';

export interface Actor {
  subject: string;
  name: string;
}

/** The actor of changes a service makes on its own (schedulers on the clock): `system:<job>`. */
export function systemActor(job: string): Actor {
  return { subject: `system:${job}`, name: job };
}

export interface AuditEntryInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  /** Defaults to the id of the HTTP request being served (X-Request-Id). */
  requestId?: string;
}

/**
 * Appends audit entries. The database sets seq and time on insert and refuses DELETE, TRUNCATE and any
 * UPDATE but sealing; the `AuditSealer` chains committed entries (prev_hash, hash, chain_pos: see migration
 * 1764000000120-SealAuditLogAfterCommit).
 */
export class AuditLog {
  /**
   * Must be called with the manager of the transaction that makes the change, so both commit or neither does.
   * One INSERT, no lock: audited transactions commit concurrently. Their commit wakes the service's sealer.
   */
  static async record(manager: EntityManager, entry: AuditEntryInput): Promise<void> {
    const span = trace.getActiveSpan()?.spanContext();
    const traceId = span && isSpanContextValid(span) ? span.traceId : null;
    auditCommits.mark(manager);
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
        entry.requestId ?? currentAuditContext()?.requestId ?? null,
        traceId,
      ],
    );
  }
}
