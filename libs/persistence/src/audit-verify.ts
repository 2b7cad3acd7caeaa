import { AuditChainCheck, type AuditChainReport, type AuditRowText } from './audit-chain';

/** Runs one SQL statement; a pg `Client`, a TypeORM `DataSource` or `EntityManager` fits (`(sql, params) => x.query(sql, params)`). */
export type AuditQuery = (sql: string, params: unknown[]) => Promise<unknown>;

// The hashed fields in the text forms the canonical function reads (see 1764000000110-ChainAuditLog). The
// order is by the bigint column, not by its text alias.
const SELECT_BATCH = `
  SELECT seq::text AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
         actor_subject, actor_name, action, entity_type, entity_id, before::text AS before, after::text AS after,
         reason, request_id, trace_id, prev_hash, hash
  FROM audit_log WHERE audit_log.seq > $1 ORDER BY audit_log.seq LIMIT $2`;

interface StoredRow {
  seq: string;
  at: string;
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
}

/**
 * Recomputes a service's audit chain in seq order, in batches, hashing in Node (not with the database's
 * function, so that a changed function or trigger does not hide a change) and names the first broken link.
 */
export async function verifyAuditChain(query: AuditQuery, batchSize = 2000): Promise<AuditChainReport> {
  const check = new AuditChainCheck();
  let after = '0';
  for (;;) {
    const rows = (await query(SELECT_BATCH, [after, batchSize])) as StoredRow[];
    for (const row of rows) {
      const broken = check.next({ ...textOf(row), hash: row.hash ?? '' });
      if (broken) return broken;
    }
    if (rows.length < batchSize) return check.finish();
    after = rows[rows.length - 1].seq;
  }
}

function textOf(row: StoredRow): AuditRowText {
  return {
    seq: row.seq,
    at: row.at,
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
    prevHash: row.prev_hash ?? '',
  };
}
