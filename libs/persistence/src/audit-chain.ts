import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Key of the advisory lock held by whoever extends one database's chain (since 1764000000120, the sealer). */
export const AUDIT_CHAIN_LOCK = 7_270_100;

/**
 * One audit row with every hashed field in its text form, as PostgreSQL renders it: `seq` in decimal,
 * `at` and `domainAt` in UTC with microseconds (`2026-11-24T09:00:00.123456Z`), `before`/`after` as the
 * text of the stored jsonb, null where the column is NULL.
 */
export interface AuditRowText {
  seq: string;
  at: string;
  /** The domain clock's time (migration 1764000001100); absent or null for entries written before it. */
  domainAt?: string | null;
  actorSubject: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  requestId: string | null;
  traceId: string | null;
  prevHash: string;
}

/**
 * The canonical text of an entry: a version tag, then each field as `~` (NULL) or `<UTF-8 octets>:<text>`,
 * joined by `|`. The length prefix makes the form unambiguous whatever the fields contain. An entry without
 * a domain time has the `pmo-audit-v1` text of migration 1764000000110-ChainAuditLog (`audit_log_canonical`),
 * so the entries hashed before domain time existed still verify; one with a domain time has the
 * `pmo-audit-v2` text (`audit_log_canonical_v2` of 1764000001100-AuditDomainTime), the domain time after
 * `at`. Setting or clearing a domain time changes the text either way.
 */
export function auditCanonicalText(row: AuditRowText): string {
  const domainAt = row.domainAt ?? null;
  const fields = [
    row.seq,
    row.at,
    ...(domainAt === null ? [] : [domainAt]),
    row.actorSubject,
    row.actorName,
    row.action,
    row.entityType,
    row.entityId,
    row.before,
    row.after,
    row.reason,
    row.requestId,
    row.traceId,
    row.prevHash,
  ];
  return [
    domainAt === null ? 'pmo-audit-v1' : 'pmo-audit-v2',
    ...fields.map((value) => (value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`)),
  ].join('|');
}

/** sha256 of the canonical text, in hex: what the database stores in `hash`. */
export function auditEntryHash(row: AuditRowText): string {
  return createHash('sha256').update(auditCanonicalText(row), 'utf8').digest('hex');
}

/** The result of recomputing a chain. */
export interface AuditChainReport {
  ok: boolean;
  /** Entries checked (up to and including the first broken one). */
  checked: number;
  /** The first entry whose link or hash does not hold. */
  firstBrokenSeq?: number;
  reason?: string;
  /** The last entry when the chain holds: anchor `headHash` outside the database to detect a rewritten chain. */
  headSeq?: number;
  headHash?: string;
  /** Entries committed but not sealed into the chain yet (not checked). */
  pending?: number;
}

/** Checks entries in chain order, carrying what the next batch needs; `null` while the chain holds. */
export class AuditChainCheck {
  private checked = 0;
  private previous: { seq: string; hash: string } | undefined;

  /** Checks the next entry (its stored `hash` beside its text form); returns the break, if it is one. */
  next(row: AuditRowText & { hash: string }): AuditChainReport | null {
    this.checked += 1;
    const expectedPrev = this.previous?.hash ?? GENESIS_HASH;
    if (row.prevHash !== expectedPrev) {
      const link = this.previous ? `the hash of seq ${this.previous.seq}, the entry before it` : 'the genesis hash (it is the first entry)';
      return this.broken(row.seq, `prev_hash does not match ${link}: an entry before it was removed, inserted or rewritten`);
    }
    if (auditEntryHash(row) !== row.hash) return this.broken(row.seq, 'hash does not match the entry: its content was changed after it was written');
    this.previous = { seq: row.seq, hash: row.hash };
    return null;
  }

  /** The report when every entry held. */
  finish(): AuditChainReport {
    return this.previous ? { ok: true, checked: this.checked, headSeq: Number(this.previous.seq), headHash: this.previous.hash } : { ok: true, checked: 0 };
  }

  private broken(seq: string, reason: string): AuditChainReport {
    return { ok: false, checked: this.checked, firstBrokenSeq: Number(seq), reason };
  }
}
