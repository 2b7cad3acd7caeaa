import { AuditChainCheck, type AuditChainReport } from './audit-chain';
import { AUDIT_ROW_TEXT_COLUMNS, auditRowText, type AuditQuery, type StoredAuditRow } from './audit-rows';

export type { AuditQuery } from './audit-rows';

// The chain's order is chain_pos (the order of sealing); unsealed entries are not in it yet. Ordered by
// the bigint column, not by its text alias.
const SELECT_BATCH = `SELECT ${AUDIT_ROW_TEXT_COLUMNS} FROM audit_log WHERE audit_log.chain_pos > $1 ORDER BY audit_log.chain_pos LIMIT $2`;

/**
 * Recomputes a service's audit chain in chain order, in batches, hashing in Node (not with the database's
 * function, so that a changed function or trigger does not hide a change) and names the first broken link.
 * `pending` counts the entries not sealed yet (normal for a moment after a commit; seal first to cover them).
 */
export async function verifyAuditChain(query: AuditQuery, batchSize = 2000): Promise<AuditChainReport> {
  const check = new AuditChainCheck();
  let after = '0';
  let report: AuditChainReport | undefined;
  while (!report) {
    const rows = (await query(SELECT_BATCH, [after, batchSize])) as StoredAuditRow[];
    for (const row of rows) {
      const broken = check.next({ ...auditRowText(row, row.prev_hash ?? ''), hash: row.hash ?? '' });
      if (broken) {
        report = broken;
        break;
      }
    }
    if (!report && rows.length < batchSize) report = check.finish();
    else if (!report) after = rows[rows.length - 1].chain_pos ?? after;
  }
  const [{ pending }] = (await query(`SELECT count(*)::int AS pending FROM audit_log WHERE chain_pos IS NULL`, [])) as [{ pending: number }];
  return { ...report, pending };
}
