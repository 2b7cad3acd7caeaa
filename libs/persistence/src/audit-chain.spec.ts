import { AuditChainCheck, auditCanonicalText, auditEntryHash, GENESIS_HASH, type AuditRowText } from './audit-chain';

const entry: AuditRowText = {
  seq: '1',
  at: '2026-11-24T09:00:00.000000Z',
  actorSubject: 's-1',
  actorName: 'Sam',
  action: 'standard.created',
  entityType: 'standard',
  entityId: 'x',
  before: null,
  after: '{"a": 1}',
  reason: null,
  requestId: 'r-1',
  traceId: null,
  prevHash: GENESIS_HASH,
};

describe('auditCanonicalText', () => {
  it('prefixes each field with its UTF-8 length and writes NULL as ~', () => {
    expect(auditCanonicalText(entry)).toBe(
      `pmo-audit-v1|1:1|27:2026-11-24T09:00:00.000000Z|3:s-1|3:Sam|16:standard.created|8:standard|1:x|~|8:{"a": 1}|~|3:r-1|~|64:${GENESIS_HASH}`,
    );
  });

  it.each([
    // Without the length prefix, a bar moved from one field into the next would give the same text.
    ['a bar moved between fields', { actorSubject: 's-1|3:Sam', actorName: '' }],
    ['NULL and the empty string', { reason: '' }],
    ['NULL and the text "~"', { reason: '~' }],
  ])('tells apart %s', (_case, change) => {
    expect(auditCanonicalText({ ...entry, ...change })).not.toBe(auditCanonicalText(entry));
  });

  it('adds the domain time after the database time, under a v2 tag, when the entry has one', () => {
    expect(auditCanonicalText({ ...entry, domainAt: '2027-02-01T09:00:00.000000Z' })).toBe(
      `pmo-audit-v2|1:1|27:2026-11-24T09:00:00.000000Z|27:2027-02-01T09:00:00.000000Z|3:s-1|3:Sam|16:standard.created|8:standard|1:x|~|8:{"a": 1}|~|3:r-1|~|64:${GENESIS_HASH}`,
    );
  });

  it('keeps the v1 text, and so the hash, of an entry without a domain time', () => {
    expect(auditEntryHash({ ...entry, domainAt: null })).toBe(auditEntryHash(entry));
  });

  it('counts octets, not characters', () => {
    expect(auditCanonicalText({ ...entry, actorName: 'Zoë😀' })).toContain('|8:Zoë😀|');
  });
});

describe('AuditChainCheck', () => {
  // Entries 1 and 2 from before domain time was kept, the next ones with it.
  function chain(length: number): (AuditRowText & { hash: string })[] {
    const rows: (AuditRowText & { hash: string })[] = [];
    for (let i = 1; i <= length; i += 1) {
      const domainAt = i > 2 ? '2027-02-01T09:00:00.000000Z' : null;
      const row = { ...entry, seq: String(i), domainAt, entityId: `e-${i}`, prevHash: rows[i - 2]?.hash ?? GENESIS_HASH };
      rows.push({ ...row, hash: auditEntryHash(row) });
    }
    return rows;
  }

  function check(rows: (AuditRowText & { hash: string })[]) {
    const checker = new AuditChainCheck();
    for (const row of rows) {
      const broken = checker.next(row);
      if (broken) return broken;
    }
    return checker.finish();
  }

  it('accepts an intact chain and reports its head', () => {
    const rows = chain(4);
    expect(check(rows)).toEqual({ ok: true, checked: 4, headSeq: 4, headHash: rows[3].hash });
  });

  it('accepts an empty log', () => {
    expect(check([])).toEqual({ ok: true, checked: 0 });
  });

  it.each([
    ['a changed field', (rows: ReturnType<typeof chain>) => rows.map((r, i) => (i === 1 ? { ...r, reason: 'added later' } : r)), 2, 'content was changed'],
    ['a removed entry', (rows: ReturnType<typeof chain>) => rows.filter((_, i) => i !== 1), 3, 'seq 1'],
    ['a removed first entry', (rows: ReturnType<typeof chain>) => rows.slice(1), 2, 'genesis'],
    ['swapped entries', (rows: ReturnType<typeof chain>) => [rows[0], rows[2], rows[1], rows[3]], 3, 'seq 1'],
    [
      'a moved domain time',
      (rows: ReturnType<typeof chain>) => rows.map((r, i) => (i === 2 ? { ...r, domainAt: '2027-02-01T09:00:00.000001Z' } : r)),
      3,
      'content was changed',
    ],
    ['a cleared domain time', (rows: ReturnType<typeof chain>) => rows.map((r, i) => (i === 3 ? { ...r, domainAt: null } : r)), 4, 'content was changed'],
    [
      'a domain time added later',
      (rows: ReturnType<typeof chain>) => rows.map((r, i) => (i === 0 ? { ...r, domainAt: '2027-02-01T09:00:00.000000Z' } : r)),
      1,
      'content was changed',
    ],
  ])('names the first broken link after %s', (_case, tamper, seq, reason) => {
    expect(check(tamper(chain(4)))).toMatchObject({ ok: false, firstBrokenSeq: seq, reason: expect.stringContaining(reason) });
  });
});
