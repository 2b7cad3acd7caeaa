import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { DataSource, EntityManager } from 'typeorm';
import { currentAuditContext } from './audit-context';
import type { AuditRowText } from './audit-chain';
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
 * An entry ready to append, its request and trace read when it was made: the fields of a stored row but
 * those the database (seq, at) and the sealer (prev_hash) set.
 */
export type PendingAuditEntry = Omit<AuditRowText, 'seq' | 'at' | 'domainAt' | 'prevHash'>;

// The domain clock of each service's data source (several services share a process in the embedded mode).
const domainClocks = new WeakMap<DataSource, () => Date>();

/**
 * Appends audit entries. The database sets seq and time on insert and refuses DELETE, TRUNCATE and any
 * UPDATE but sealing; the `AuditSealer` chains committed entries (prev_hash, hash, chain_pos: see migration
 * 1764000000120-SealAuditLogAfterCommit).
 */
export class AuditLog {
  /**
   * The service's domain clock, read for `domain_at` whenever entries are appended through `dataSource`
   * (without one, `domain_at` stays NULL).
   */
  static useDomainClock(dataSource: DataSource, now: () => Date): void {
    domainClocks.set(dataSource, now);
  }

  /**
   * Must be called with the manager of the transaction that makes the change, so both commit or neither does.
   * One INSERT, no lock: audited transactions commit concurrently. Their commit wakes the service's sealer.
   */
  static record(manager: EntityManager, input: AuditEntryInput): Promise<void> {
    return AuditLog.recordAll(manager, [AuditLog.entry(input)]);
  }

  /**
   * Makes an entry now, in the caller's context (its request id and trace), to be appended later with
   * `recordAll`: for writes grouped into one transaction (GroupCommit) each entry keeps its own request.
   */
  static entry(input: AuditEntryInput): PendingAuditEntry {
    const span = trace.getActiveSpan()?.spanContext();
    return {
      actorSubject: input.actor.subject,
      actorName: input.actor.name,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      reason: input.reason ?? null,
      requestId: input.requestId ?? currentAuditContext()?.requestId ?? null,
      traceId: span && isSpanContextValid(span) ? span.traceId : null,
    };
  }

  /** Appends entries in one statement, in the given order; same transaction rule as `record`. */
  static async recordAll(manager: EntityManager, entries: readonly PendingAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    auditCommits.mark(manager);
    const column = <K extends keyof PendingAuditEntry>(key: K) => entries.map((entry) => entry[key]);
    const now = domainClocks.get(manager.connection);
    // Without a domain clock the column is not named, so the statement also fits a log from before 1764000001100.
    const [domainColumn, domainValue] = now ? [', domain_at', ', $11::timestamptz'] : ['', ''];
    await manager.query(
      `INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id, before, after, reason, request_id, trace_id${domainColumn})
       SELECT *${domainValue} FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8::text[], $9::text[], $10::text[])`,
      [
        column('actorSubject'),
        column('actorName'),
        column('action'),
        column('entityType'),
        column('entityId'),
        column('before'),
        column('after'),
        column('reason'),
        column('requestId'),
        column('traceId'),
        ...(now ? [now()] : []),
      ],
    );
  }
}
