import { csvCell } from '@pmo/contracts';
import type { AuditEntry } from '@pmo/persistence';

const HEADER = [
  'seq',
  'at',
  'domain_at',
  'actor_subject',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'reason',
  'request_id',
  'trace_id',
  'before',
  'after',
  'chain_pos',
  'prev_hash',
  'hash',
];

/**
 * Audit entries as RFC 4180 CSV with a header row; before/after as JSON text. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP's advice
 * for CSV injection): actor names and reasons come from users.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = entries.map((e) =>
    [
      String(e.seq),
      e.at,
      e.domainAt,
      e.actor.subject,
      e.actor.name,
      e.action,
      e.entityType,
      e.entityId,
      e.reason,
      e.requestId,
      e.traceId,
      e.before === null ? null : JSON.stringify(e.before),
      e.after === null ? null : JSON.stringify(e.after),
      e.chainPos === null ? null : String(e.chainPos),
      e.prevHash,
      e.hash,
    ].map(csvCell),
  );
  return [HEADER, ...lines].map((line) => `${line.join(',')}\r\n`).join('');
}
