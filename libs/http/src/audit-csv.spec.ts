import type { AuditEntry } from '@pmo/persistence';
import { auditCsv } from './audit-csv';

const entry: AuditEntry = {
  seq: 7,
  at: '2026-11-24T09:00:00.000001Z',
  domainAt: '2027-02-01T09:00:00.000000Z',
  actor: { subject: 's-1', name: 'Sam Strategic' },
  action: 'standard.created',
  entityType: 'standard',
  entityId: 'e-1',
  before: null,
  after: { title: 'Status, weekly', tags: ['a'] },
  reason: null,
  requestId: 'r-1',
  traceId: null,
  chainPos: 6,
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('auditCsv', () => {
  it('writes a header and one line per entry, JSON quoted, NULL empty', () => {
    expect(auditCsv([entry])).toBe(
      'seq,at,domain_at,actor_subject,actor_name,action,entity_type,entity_id,reason,request_id,trace_id,before,after,chain_pos,prev_hash,hash\r\n' +
        `7,2026-11-24T09:00:00.000001Z,2027-02-01T09:00:00.000000Z,s-1,Sam Strategic,standard.created,standard,e-1,,r-1,,,"{""title"":""Status, weekly"",""tags"":[""a""]}",6,${'a'.repeat(64)},${'b'.repeat(64)}\r\n`,
    );
  });

  it('leaves the domain time empty for an entry written before it was kept', () => {
    expect(auditCsv([{ ...entry, domainAt: null }]).split('\r\n')[1]).toMatch(/^7,2026-11-24T09:00:00.000001Z,,s-1,/);
  });

  it('leaves the chain columns empty for an entry not sealed yet', () => {
    expect(auditCsv([{ ...entry, chainPos: null, prevHash: null, hash: null }]).split('\r\n')[1]).toMatch(/,,,$/);
  });

  it.each([
    ['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a leading minus', '-1+2', `'-1+2`],
    ['a leading at sign', '@SUM(A1)', `'@SUM(A1)`],
    ['a line break', 'two\nlines', '"two\nlines"'],
    ['plain text', 'as published', 'as published'],
  ])('writes %s in a reason safely', (_case, reason, expected) => {
    const line = auditCsv([{ ...entry, reason, after: null }]).split('\r\n')[1];
    expect(line).toBe(
      `7,2026-11-24T09:00:00.000001Z,2027-02-01T09:00:00.000000Z,s-1,Sam Strategic,standard.created,standard,e-1,${expected},r-1,,,,6,${'a'.repeat(64)},${'b'.repeat(64)}`,
    );
  });
});
