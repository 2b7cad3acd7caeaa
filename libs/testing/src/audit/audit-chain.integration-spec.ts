import {
  AuditDomainTime1764000001100,
  AuditLog,
  auditCanonicalText,
  AuditSealer,
  ChainAuditLog1764000000110,
  CreateAuditLog1764000000100,
  dataSourceTransaction,
  openServiceDataSource,
  runWithAuditContext,
  sealAuditLog,
  SealAuditLogAfterCommit1764000000120,
  verifyAuditChain,
  type AuditRowText,
} from '@pmo/persistence';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { uniqueSuffix } from '../fresh-ids';
import { LOCAL_INFRASTRUCTURE, localDatabase } from '../infrastructure';

// The audit hash chain (sealed after commit) and the append-only trigger on a real PostgreSQL: the
// database the services use, connecting the way they do.

const database = `audit_chain_${uniqueSuffix()}`;
let dataSource: DataSource;

const actor = { subject: 'u-1', name: 'Sam Strategic' };
const MIGRATIONS = [CreateAuditLog1764000000100, ChainAuditLog1764000000110, SealAuditLogAfterCommit1764000000120, AuditDomainTime1764000001100];
const verify = () => verifyAuditChain((sql, params) => dataSource.query(sql, params), 50);
const seal = () => sealAuditLog(dataSourceTransaction(dataSource), 40);

function superuser<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return superuserOn(database, work);
}

async function append(count: number, label: string): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await dataSource.transaction((manager) =>
      AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: `${label}-${i}`, before: { n: i }, after: { n: i + 1 } }),
    );
  }
}

beforeAll(async () => {
  // Each chain migration runs over a log that already has entries, as it does on an existing deployment:
  // two entries before any chain, one chained by the insert trigger of 1764000000110, then the sealer's.
  const before = await openServiceDataSource(localDatabase(database), [], [CreateAuditLog1764000000100]);
  await before.query(
    `INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id, after) VALUES ('u-0', 'Old', 'probe.created', 'probe', 'old-1', '{"b": 1, "a": [1.50, "x"]}')`,
  );
  await before.query(
    `INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id, reason) VALUES ('u-0', 'Old', 'probe.created', 'probe', 'old-2', 'before the chain')`,
  );
  await before.destroy();
  const chainedOnInsert = await openServiceDataSource(localDatabase(database), [], [CreateAuditLog1764000000100, ChainAuditLog1764000000110]);
  await chainedOnInsert.query(
    `INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id) VALUES ('u-0', 'Old', 'probe.created', 'probe', 'old-3')`,
  );
  await chainedOnInsert.destroy();
  dataSource = await openServiceDataSource(localDatabase(database), [], MIGRATIONS);
});

afterAll(async () => {
  await dataSource.destroy();
  await superuserOn('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});

describe('the audit hash chain', () => {
  it('keeps the entries chained before the sealer existed, in seq order', async () => {
    const rows = (await dataSource.query(`SELECT seq::int AS seq, chain_pos::int AS pos, prev_hash, hash FROM audit_log ORDER BY seq`)) as {
      seq: number;
      pos: number;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows.map((r) => [r.seq, r.pos])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    expect(rows[2].prev_hash).toBe(rows[1].hash);
    expect(await verify()).toEqual({ ok: true, checked: 3, headSeq: 3, headHash: rows[2].hash, pending: 0 });
  });

  it('computes in TypeScript the same canonical text as the database, for awkward values', async () => {
    const probe: AuditRowText = {
      seq: '42',
      at: '2026-11-24T09:00:00.000001Z',
      actorSubject: 'sub|with|bars',
      actorName: 'Zoë “quoted” \\ name\nline',
      action: '~',
      entityType: '3:abc',
      entityId: 'ü€😀',
      before: '{"a": [1.50, "x"], "b": null}',
      after: null,
      reason: '',
      requestId: null,
      traceId: 'f'.repeat(32),
      prevHash: 'a'.repeat(64),
    };
    const [{ text }] = (await dataSource.query(
      `SELECT audit_log_canonical($1::bigint, $2::timestamptz, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13) AS text`,
      [
        probe.seq,
        probe.at,
        probe.actorSubject,
        probe.actorName,
        probe.action,
        probe.entityType,
        probe.entityId,
        probe.before,
        probe.after,
        probe.reason,
        probe.requestId,
        probe.traceId,
        probe.prevHash,
      ],
    )) as [{ text: string }];
    expect(text).toBe(auditCanonicalText(probe));
  });

  it('computes in TypeScript the same v2 canonical text as the database for an entry with a domain time', async () => {
    const probe: AuditRowText = {
      seq: '43',
      at: '2026-11-24T09:00:00.000001Z',
      domainAt: '2027-02-01T09:00:00.123000Z',
      actorSubject: 'sub|with|bars',
      actorName: 'Zoë',
      action: 'security.refused',
      entityType: 'variance',
      entityId: 'ü€😀',
      before: null,
      after: '{"rule": "scope"}',
      reason: '',
      requestId: 'r-1',
      traceId: null,
      prevHash: 'a'.repeat(64),
    };
    const [{ text }] = (await dataSource.query(
      `SELECT audit_log_canonical_v2($1::bigint, $2::timestamptz, $3::timestamptz, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $13, $14) AS text`,
      [
        probe.seq,
        probe.at,
        probe.domainAt,
        probe.actorSubject,
        probe.actorName,
        probe.action,
        probe.entityType,
        probe.entityId,
        probe.before,
        probe.after,
        probe.reason,
        probe.requestId,
        probe.traceId,
        probe.prevHash,
      ],
    )) as [{ text: string }];
    expect(text).toBe(auditCanonicalText(probe));
    expect(text.startsWith('pmo-audit-v2|')).toBe(true);
  });

  it('keeps the domain clock’s time beside the database’s, hashed, after entries written without it', async () => {
    // A second data source over the same database, as a service's is: its domain clock is a year ahead.
    const service = await openServiceDataSource(localDatabase(database), [], MIGRATIONS);
    const yearAhead = new Date(Date.now() + 365 * 86_400_000);
    AuditLog.useDomainClock(service, () => yearAhead);
    try {
      await service.transaction((manager) => AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: 'domain-timed' }));
    } finally {
      await service.destroy();
    }
    const [row] = (await dataSource.query(
      `SELECT domain_at, at, (SELECT count(*)::int FROM audit_log WHERE domain_at IS NULL) AS without FROM audit_log WHERE entity_id = 'domain-timed'`,
    )) as [{ domain_at: Date; at: Date; without: number }];
    expect(row.domain_at.toISOString()).toBe(yearAhead.toISOString());
    expect(row.domain_at.getTime() - row.at.getTime()).toBeGreaterThan(300 * 86_400_000);
    expect(row.without).toBe(3);
    // The entries of this data source, which has no domain clock, keep NULL and the v1 text.
    await append(1, 'no-domain-clock');
    const [plain] = (await dataSource.query(`SELECT domain_at FROM audit_log WHERE entity_id = 'no-domain-clock-0'`)) as [{ domain_at: Date | null }];
    expect(plain.domain_at).toBeNull();
    expect(await seal()).toBe(2);
    expect(await verify()).toMatchObject({ ok: true, checked: 5, pending: 0 });
  });

  it('verifies after many appends, sequential and concurrent, once sealed', async () => {
    await append(120, 'sequential');
    // Ten writers at once, each in its own transactions; the sealer (here: one call) chains what committed.
    await Promise.all(Array.from({ length: 10 }, (_, writer) => append(15, `writer${writer}`)));
    // A rolled-back transaction leaves no entry, but its seq is used up: seq has gaps, the chain has none.
    await expect(
      dataSource.transaction(async (manager) => {
        await AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: 'rolled-back' });
        throw new Error('the change fails after its audit entry');
      }),
    ).rejects.toThrow('the change fails');
    await append(1, 'after-rollback');
    // The 3 entries from before the chain and the 2 of the domain time case are sealed already.
    const sealedBefore = 3 + 2;
    const count = sealedBefore + 120 + 150 + 1;
    expect(await verify()).toMatchObject({ ok: true, checked: sealedBefore, pending: count - sealedBefore });
    expect(await seal()).toBe(count - sealedBefore);
    const [{ rows, maxSeq, maxPos }] = (await dataSource.query(
      `SELECT count(*)::int AS rows, max(seq)::int AS "maxSeq", max(chain_pos)::int AS "maxPos" FROM audit_log`,
    )) as [Record<string, number>];
    expect({ rows, maxSeq, maxPos }).toEqual({ rows: count, maxSeq: count + 1, maxPos: count });
    expect(await verify()).toMatchObject({ ok: true, checked: count, headSeq: count + 1, pending: 0 });
  });

  it('lets concurrent audited transactions append without waiting for each other', async () => {
    // Both hold their entry (and a row of their own) open; with the chain built on insert the second waited
    // for the first's commit, here lock_timeout would end it if it waited on any lock.
    const first = dataSource.createQueryRunner();
    const second = dataSource.createQueryRunner();
    try {
      for (const [runner, id] of [
        [first, 'open-1'],
        [second, 'open-2'],
      ] as const) {
        await runner.startTransaction();
        await runner.query(`SET LOCAL lock_timeout = '2s'`);
        await AuditLog.record(runner.manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: id });
      }
      await first.commitTransaction();
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    await seal();
    expect(await verify()).toMatchObject({ ok: true, pending: 0 });
  });

  it('seals entries committed out of seq order, in the order they are sealed', async () => {
    const early = dataSource.createQueryRunner();
    try {
      await early.startTransaction();
      await AuditLog.record(early.manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: 'written-first' });
      await append(1, 'committed-first');
      // The open entry is not visible to the sealer: only the later seq is sealed now.
      expect(await seal()).toBe(1);
      await early.commitTransaction();
    } finally {
      await early.release();
    }
    expect(await seal()).toBe(1);
    const [writtenFirst, committedFirst] = (await dataSource.query(
      `SELECT seq::int AS seq, chain_pos::int AS pos FROM audit_log WHERE entity_id IN ('written-first', 'committed-first-0') ORDER BY entity_id DESC`,
    )) as { seq: number; pos: number }[];
    expect(writtenFirst.seq).toBeLessThan(committedFirst.seq);
    expect(writtenFirst.pos).toBe(committedFirst.pos + 1);
    expect(await verify()).toMatchObject({ ok: true, headSeq: writtenFirst.seq, pending: 0 });
  });

  it('is sealed by the running sealer after the commit, without being asked', async () => {
    const sealer = new AuditSealer({
      dataSource,
      logger: {
        warn: (fields) => {
          throw new Error(`sealer warned: ${JSON.stringify(fields)}`);
        },
      },
    });
    sealer.start();
    try {
      await append(5, 'background');
      // Woken by the commits; no timing assert, only that it gets there.
      while ((await verify()).pending !== 0) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await sealer.stop();
    }
    expect(await verify()).toMatchObject({ ok: true, pending: 0 });
  });

  it('records the request id of the context and the values as given', async () => {
    await runWithAuditContext({ requestId: 'req-audit-1' }, () =>
      dataSource.transaction((manager) =>
        AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: 'with-request', before: { z: 1, a: 'é' }, reason: 'why' }),
      ),
    );
    const [row] = (await dataSource.query(
      `SELECT actor_subject, actor_name, request_id, reason, before, after FROM audit_log WHERE entity_id = 'with-request'`,
    )) as Record<string, unknown>[];
    expect(row).toEqual({ actor_subject: 'u-1', actor_name: 'Sam Strategic', request_id: 'req-audit-1', reason: 'why', before: { z: 1, a: 'é' }, after: null });
  });

  it.each([
    ['DELETE', `DELETE FROM audit_log WHERE seq = 3`],
    ['UPDATE', `UPDATE audit_log SET reason = 'rewritten' WHERE seq = 3`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ])('refuses %s through the application’s connection', async (operation, sql) => {
    await expect(dataSource.query(sql)).rejects.toMatchObject({
      message: `audit_log is append-only: ${operation} is not allowed`,
      driverError: { code: '42501' },
    });
    expect((await verify()).ok).toBe(true);
  });

  describe('on an entry not sealed yet', () => {
    let seq: string;
    beforeAll(async () => {
      await append(1, 'unsealed');
      [{ seq }] = (await dataSource.query(`SELECT seq::text AS seq FROM audit_log WHERE entity_id = 'unsealed-0'`)) as [{ seq: string }];
    });
    afterAll(() => seal());

    it.each([
      ['a changed field', `UPDATE audit_log SET reason = 'rewritten' WHERE seq = $1`],
      ['a seal that also changes a field', `UPDATE audit_log SET chain_pos = 1000000, prev_hash = 'p', hash = 'h', actor_name = 'Someone Else' WHERE seq = $1`],
      ['a seal that also moves the time', `UPDATE audit_log SET chain_pos = 1000000, prev_hash = 'p', hash = 'h', at = at - interval '1 day' WHERE seq = $1`],
      ['half a seal', `UPDATE audit_log SET hash = 'h' WHERE seq = $1`],
    ])('refuses %s', async (_case, sql) => {
      await expect(dataSource.query(sql, [seq])).rejects.toMatchObject({
        message: 'audit_log is append-only: UPDATE is not allowed',
        driverError: { code: '42501' },
      });
    });
  });

  it('refuses to seal an entry again', async () => {
    await expect(dataSource.query(`UPDATE audit_log SET chain_pos = chain_pos, prev_hash = prev_hash, hash = 'rehashed' WHERE seq = 3`)).rejects.toMatchObject({
      message: 'audit_log is append-only: UPDATE is not allowed',
    });
  });

  it('ignores the seq, time, place and hashes an insert supplies: the trigger and the sealer set them', async () => {
    await dataSource.query(
      `INSERT INTO audit_log (seq, at, actor_subject, actor_name, action, entity_type, entity_id, prev_hash, hash, chain_pos) VALUES (1, '2000-01-01', 'u', 'U', 'a', 'probe', 'forged', 'x', 'y', 1)`,
    );
    const [row] = (await dataSource.query(
      `SELECT seq::int AS seq, at > now() - interval '1 minute' AS recent, prev_hash, hash, chain_pos FROM audit_log WHERE entity_id = 'forged'`,
    )) as [Record<string, unknown>];
    expect(row).toMatchObject({ recent: true, prev_hash: null, hash: null, chain_pos: null });
    expect(row.seq).toBeGreaterThan(1);
    await seal();
    expect(await verify()).toMatchObject({ ok: true, pending: 0 });
  });

  describe('after a superuser bypasses the trigger', () => {
    // Each case works on a copy of the log in a transaction that is rolled back, so the cases stay independent.
    async function tamperedReport(tamper: string, bypass: 'replica' | 'disable-trigger' = 'replica'): Promise<Awaited<ReturnType<typeof verifyAuditChain>>> {
      return superuser(async (client) => {
        await client.query('BEGIN');
        try {
          if (bypass === 'replica') await client.query(`SET LOCAL session_replication_role = replica`);
          else await client.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`);
          await client.query(tamper);
          if (bypass === 'replica') await client.query(`SET LOCAL session_replication_role = origin`);
          else await client.query(`ALTER TABLE audit_log ENABLE TRIGGER USER`);
          return await verifyAuditChain((sql, params) => client.query(sql, params).then((r) => r.rows), 50);
        } finally {
          await client.query('ROLLBACK');
        }
      });
    }

    it('names the row whose content was changed', async () => {
      expect(await tamperedReport(`UPDATE audit_log SET after = '{"n": 999}' WHERE seq = 77`, 'disable-trigger')).toEqual({
        ok: false,
        checked: 77,
        firstBrokenSeq: 77,
        reason: expect.stringContaining('content was changed'),
        pending: 0,
      });
    });

    it('names the row after one whose seal was removed to hide it from the chain', async () => {
      expect(await tamperedReport(`UPDATE audit_log SET chain_pos = NULL, prev_hash = NULL, hash = NULL WHERE seq = 50`)).toMatchObject({
        ok: false,
        firstBrokenSeq: 51,
        reason: expect.stringContaining('seq 49'),
        pending: 1,
      });
    });

    it('names the row after two whose places in the chain were swapped', async () => {
      expect(
        await tamperedReport(
          `UPDATE audit_log SET chain_pos = CASE seq WHEN 60 THEN -61 ELSE -60 END WHERE seq IN (60, 61); UPDATE audit_log SET chain_pos = -chain_pos WHERE seq IN (60, 61)`,
        ),
      ).toMatchObject({ ok: false, firstBrokenSeq: 61, reason: expect.stringContaining('seq 59') });
    });

    it('names the row whose time was moved by a microsecond', async () => {
      expect(await tamperedReport(`UPDATE audit_log SET at = at + interval '1 microsecond' WHERE seq = 5`)).toMatchObject({ ok: false, firstBrokenSeq: 5 });
    });

    it.each([
      ['moved', `UPDATE audit_log SET domain_at = domain_at - interval '1 day' WHERE entity_id = 'domain-timed'`, 'domain-timed'],
      ['cleared', `UPDATE audit_log SET domain_at = NULL WHERE entity_id = 'domain-timed'`, 'domain-timed'],
      ['given to an entry written without one', `UPDATE audit_log SET domain_at = at WHERE entity_id = 'no-domain-clock-0'`, 'no-domain-clock-0'],
    ])('names the row whose domain time was %s', async (_case, tamper, entityId) => {
      const [{ seq }] = (await dataSource.query(`SELECT seq::int AS seq FROM audit_log WHERE entity_id = $1`, [entityId])) as [{ seq: number }];
      expect(await tamperedReport(tamper)).toMatchObject({ ok: false, firstBrokenSeq: seq, reason: expect.stringContaining('content was changed') });
    });

    it('names the row after one that was changed and rehashed', async () => {
      const report = await tamperedReport(
        `UPDATE audit_log SET actor_name = 'Someone Else', hash = encode(sha256(convert_to(audit_log_canonical(seq, at, actor_subject, 'Someone Else', action, entity_type, entity_id, before, after, reason, request_id, trace_id, prev_hash), 'UTF8')), 'hex') WHERE seq = 30`,
      );
      expect(report).toMatchObject({ ok: false, firstBrokenSeq: 31, reason: expect.stringContaining('seq 30') });
    });

    it('names the row after a deleted one', async () => {
      expect(await tamperedReport(`DELETE FROM audit_log WHERE seq = 100`)).toMatchObject({
        ok: false,
        firstBrokenSeq: 101,
        reason: expect.stringContaining('seq 99'),
      });
    });

    it('names the first row when the start of the log was deleted', async () => {
      expect(await tamperedReport(`DELETE FROM audit_log WHERE seq <= 2`)).toMatchObject({
        ok: false,
        firstBrokenSeq: 3,
        reason: expect.stringContaining('genesis'),
      });
    });
  });
});

describe('the chain migrations', () => {
  it('go down keeping the entries (domain time only while no entry hashes one), chaining them on insert again, and up again sealing them', async () => {
    const name = `audit_migration_${uniqueSuffix()}`;
    const db = await openServiceDataSource(localDatabase(name), [], MIGRATIONS);
    try {
      for (const id of ['a', 'b', 'c'])
        await db.transaction((manager) => AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: id }));
      await sealAuditLog(dataSourceTransaction(db));
      // Down to 120: no entry has a domain time yet, so its column goes.
      await db.undoLastMigration({ transaction: 'each' });
      await db.undoLastMigration({ transaction: 'each' });
      // Down to 110: chained in seq order by the insert trigger again.
      await db.query(`INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id) VALUES ('u', 'U', 'probe.changed', 'probe', 'd')`);
      const chained = (await db.query(`SELECT seq::int AS seq, hash IS NOT NULL AS hashed FROM audit_log ORDER BY seq`)) as unknown[];
      expect(chained).toEqual([1, 2, 3, 4].map((seq) => ({ seq, hashed: true })));
      await db.undoLastMigration({ transaction: 'each' });
      // Down to 100: a plain table again, the sequence past the entries, so an insert without the trigger still works.
      await db.query(`INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id) VALUES ('u', 'U', 'probe.changed', 'probe', 'e')`);
      expect((await db.query(`SELECT entity_id, seq::int AS seq FROM audit_log ORDER BY seq`)) as unknown[]).toEqual(
        ['a', 'b', 'c', 'd', 'e'].map((entityId, i) => ({ entity_id: entityId, seq: i + 1 })),
      );
      await db.runMigrations({ transaction: 'each' });
      await db.transaction((manager) => AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: 'f' }));
      await sealAuditLog(dataSourceTransaction(db));
      expect(await verifyAuditChain((sql, params) => db.query(sql, params))).toMatchObject({ ok: true, checked: 6, headSeq: 6, pending: 0 });
      // Once an entry's hash covers a domain time, 1100 refuses to go down (the chain would break there).
      AuditLog.useDomainClock(db, () => new Date());
      await db.transaction((manager) => AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: 'g' }));
      await expect(db.undoLastMigration({ transaction: 'each' })).rejects.toThrow('1 audit entries have a domain time their hash covers');
      await sealAuditLog(dataSourceTransaction(db));
      expect(await verifyAuditChain((sql, params) => db.query(sql, params))).toMatchObject({ ok: true, checked: 7, headSeq: 7, pending: 0 });
    } finally {
      await db.destroy();
      await superuserOn('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });
});

async function superuserOn<T>(name: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...LOCAL_INFRASTRUCTURE.db, database: name });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
