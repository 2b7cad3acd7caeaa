import type { AuditQuery } from './audit-rows';

/** One audit entry as read back. */
export interface AuditEntry {
  seq: number;
  /** ISO 8601 in UTC with microseconds, as hashed. */
  at: string;
  /** The service's domain clock at that moment (moved in tests and demos); null for entries written before it was kept. */
  domainAt: string | null;
  actor: { subject: string; name: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  traceId: string | null;
  /** Null until the sealer has chained the entry (a moment after its commit), as are `prevHash` and `hash`. */
  chainPos: number | null;
  prevHash: string | null;
  hash: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** The actor's subject or name, exactly. */
  actor?: string;
  action?: string;
  /** Inclusive bound on `at`. */
  from?: Date;
  /** Exclusive bound on `at`. */
  to?: Date;
  /** Keyset cursor: entries after this seq. */
  afterSeq?: number;
  limit: number;
}

interface Row {
  seq: string;
  at: string;
  domain_at: string | null;
  actor_subject: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  trace_id: string | null;
  chain_pos: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** Audit entries matching the filter, in seq order (not the chain's order: see chainPos), one page (keyset on seq). */
export async function findAuditEntries(query: AuditQuery, filter: AuditFilter): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.entityType !== undefined) where.push(`entity_type = ${bind(filter.entityType)}`);
  if (filter.entityId !== undefined) where.push(`entity_id = ${bind(filter.entityId)}`);
  if (filter.actor !== undefined) {
    const actor = bind(filter.actor);
    where.push(`(actor_subject = ${actor} OR actor_name = ${actor})`);
  }
  if (filter.action !== undefined) where.push(`action = ${bind(filter.action)}`);
  if (filter.from !== undefined) where.push(`at >= ${bind(filter.from)}`);
  if (filter.to !== undefined) where.push(`at < ${bind(filter.to)}`);
  if (filter.afterSeq !== undefined) where.push(`audit_log.seq > ${bind(filter.afterSeq)}`);
  const rows = (await query(
    `SELECT seq::text AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
            to_char(domain_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS domain_at, actor_subject, actor_name, action,
            entity_type, entity_id, before, after, reason, request_id, trace_id, chain_pos::text AS chain_pos, prev_hash, hash
     FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.seq LIMIT ${bind(filter.limit)}`,
    params,
  )) as Row[];
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    domainAt: row.domain_at,
    actor: { subject: row.actor_subject, name: row.actor_name },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    reason: row.reason,
    requestId: row.request_id,
    traceId: row.trace_id,
    chainPos: row.chain_pos === null ? null : Number(row.chain_pos),
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}
