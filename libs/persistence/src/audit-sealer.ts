import { BatchLoop, CommitWake, type BatchLoopLogger } from '@pmo/worker';
import type { DataSource } from 'typeorm';
import { AUDIT_CHAIN_LOCK, auditEntryHash, GENESIS_HASH } from './audit-chain';
import { AUDIT_ROW_TEXT_COLUMNS, auditRowText, type AuditQuery, type StoredAuditRow } from './audit-rows';

/** Runs `work` in one transaction, giving it the transaction's query function. */
export type AuditTransaction = <T>(work: (query: AuditQuery) => Promise<T>) => Promise<T>;

/** Marks transactions that appended audit entries (AuditLog.record), so their commit wakes the sealer. */
export const auditCommits = new CommitWake();

export interface AuditSealerOptions {
  dataSource: DataSource;
  logger: BatchLoopLogger;
  /** Entries sealed per transaction. */
  batchSize?: number;
  /** Safety net: entries written by another process (a second replica, a script) are found by this poll. */
  pollIntervalMs?: number;
  /**
   * Pause after a batch while entries keep coming, so they are sealed in fewer, larger batches. Nothing
   * waits for a seal (verify seals first), so this can be long; each batch costs the writers a connection.
   */
  lingerMs?: number;
}

const DEFAULT_BATCH = 1000;

/** `AuditTransaction` over a TypeORM data source. */
export function dataSourceTransaction(dataSource: DataSource): AuditTransaction {
  return (work) => dataSource.transaction((manager) => work((sql, params) => manager.query(sql, params)));
}

/**
 * Seals one batch of committed, unsealed entries, in seq order, onto the head of the chain: each gets
 * `chain_pos` = head + 1, `prev_hash` = the head's hash and its own hash, in one UPDATE. Holds the chain's
 * advisory lock for its transaction, so one sealer per database extends the chain; with `wait` false it
 * returns 0 at once when another sealer holds it. Returns how many entries it sealed.
 */
function sealAuditBatch(transaction: AuditTransaction, options: { batchSize?: number; wait: boolean }): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  return transaction(async (query) => {
    if (options.wait) await query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
    else {
      const [{ locked }] = (await query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [AUDIT_CHAIN_LOCK])) as [{ locked: boolean }];
      if (!locked) return 0;
    }
    // Read committed: each statement sees only committed entries; a lower seq still open is sealed later.
    const rows = (await query(`SELECT ${AUDIT_ROW_TEXT_COLUMNS} FROM audit_log WHERE chain_pos IS NULL ORDER BY audit_log.seq LIMIT $1`, [
      batchSize,
    ])) as StoredAuditRow[];
    if (rows.length === 0) return 0;
    const [head] = (await query(`SELECT chain_pos::text AS pos, hash FROM audit_log WHERE chain_pos IS NOT NULL ORDER BY chain_pos DESC LIMIT 1`, [])) as {
      pos: string;
      hash: string;
    }[];
    let pos = BigInt(head?.pos ?? '0');
    let previous = head?.hash ?? GENESIS_HASH;
    const seal = { seq: [] as string[], pos: [] as string[], prev: [] as string[], hash: [] as string[] };
    for (const row of rows) {
      pos += 1n;
      const hash = auditEntryHash(auditRowText(row, previous));
      seal.seq.push(row.seq);
      seal.pos.push(pos.toString());
      seal.prev.push(previous);
      seal.hash.push(hash);
      previous = hash;
    }
    // A CTE, so that a TypeORM manager and a pg client both return the count as a row.
    const [{ count }] = (await query(
      `WITH sealed AS (
         UPDATE audit_log SET chain_pos = s.pos, prev_hash = s.prev, hash = s.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(seq, pos, prev, hash)
         WHERE audit_log.seq = s.seq AND audit_log.chain_pos IS NULL RETURNING 1)
       SELECT count(*)::int AS count FROM sealed`,
      [seal.seq, seal.pos, seal.prev, seal.hash],
    )) as [{ count: number }];
    // Under the lock nobody else seals, so a short count means the table changed under us: roll back.
    if (count !== rows.length) throw new Error(`audit seal wrote ${count} of ${rows.length} entries`);
    return rows.length;
  });
}

/** Seals every entry committed so far, waiting for a sealer that is running; returns how many it sealed. */
export async function sealAuditLog(transaction: AuditTransaction, batchSize = DEFAULT_BATCH): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await sealAuditBatch(transaction, { batchSize, wait: true });
    sealed += count;
    if (count < batchSize) return sealed;
  }
}

/**
 * Keeps a service's audit chain sealed while the service runs. It wakes when a transaction of this process
 * that appended audit entries commits, lingers a few ms so entries gather, and polls as a safety net.
 */
export class AuditSealer {
  private unsubscribe?: () => void;
  private readonly loop: BatchLoop;

  constructor(private readonly options: AuditSealerOptions) {
    const transaction = dataSourceTransaction(options.dataSource);
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.loop = new BatchLoop({
      work: () => sealAuditBatch(transaction, { batchSize, wait: false }),
      batchSize,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      lingerMs: options.lingerMs ?? 100,
      logger: options.logger,
      failureMessage: 'audit sealer failed, retrying',
    });
  }

  start(): void {
    this.unsubscribe = auditCommits.on(this.options.dataSource, () => this.loop.notify());
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.unsubscribe?.();
  }
}
