import type { AuditRowText } from './audit-chain';

/** Runs one SQL statement; a pg `Client`, a TypeORM `DataSource` or `EntityManager` fits (`(sql, params) => x.query(sql, params)`). */
export type AuditQuery = (sql: string, params: unknown[]) => Promise<unknown>;

// The hashed fields in the text forms the canonical functions read (see 1764000000110-ChainAuditLog and 1764000001100-AuditDomainTime).
export const AUDIT_ROW_TEXT_COLUMNS = `
  audit_log.seq::text AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  to_char(domain_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS domain_at,
  actor_subject, actor_name, action, entity_type, entity_id, before::text AS before, after::text AS after,
  reason, request_id, trace_id, prev_hash, hash, chain_pos::text AS chain_pos`;

/** A row selected with `AUDIT_ROW_TEXT_COLUMNS`. */
export interface StoredAuditRow {
  seq: string;
  at: string;
  domain_at: string | null;
  actor_subject: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  request_id: string | null;
  trace_id: string | null;
  prev_hash: string | null;
  hash: string | null;
  chain_pos: string | null;
}

/** The hashed fields of a stored row, with the `prev_hash` it has or is about to get. */
export function auditRowText(row: StoredAuditRow, prevHash: string): AuditRowText {
  return {
    seq: row.seq,
    at: row.at,
    domainAt: row.domain_at,
    actorSubject: row.actor_subject,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    reason: row.reason,
    requestId: row.request_id,
    traceId: row.trace_id,
    prevHash,
  };
}
