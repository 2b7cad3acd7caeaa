import {
  AuditLog,
  auditCanonicalText,
  ChainAuditLog1764000000110,
  CreateAuditLog1764000000100,
  openServiceDataSource,
  runWithAuditContext,
  verifyAuditChain,
  type AuditRowText,
} from '@pmo/persistence';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { uniqueSuffix } from '../fresh-ids';
import { LOCAL_INFRASTRUCTURE, localDatabase } from '../infrastructure';

// The audit hash chain and the append-only trigger on a real PostgreSQL: the database the services use,
// connecting the way they do.

const database = `audit_chain_${uniqueSuffix()}`;
let dataSource: DataSource;

const actor = { subject: 'u-1', name: 'Sam Strategic' };
const verify = () => verifyAuditChain((sql, params) => dataSource.query(sql, params), 50);

function superuser<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return superuserOn(database, work);
}

async function append(count: number, label: string): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await dataSource.transaction((manager) => AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: `${label}-${i}`, before: { n: i }, after: { n: i + 1 } }));
  }
}

beforeAll(async () => {
  // The chain migration runs over a log that already has entries, as it does on an existing deployment.
  const before = await openServiceDataSource(localDatabase(database), [], [CreateAuditLog1764000000100]);
  await before.query(`INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id, after) VALUES ('u-0', 'Old', 'probe.created', 'probe', 'old-1', '{"b": 1, "a": [1.50, "x"]}')`);
  await before.query(`INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id, reason) VALUES ('u-0', 'Old', 'probe.created', 'probe', 'old-2', 'before the chain')`);
  await before.destroy();
  dataSource = await openServiceDataSource(localDatabase(database), [], [CreateAuditLog1764000000100, ChainAuditLog1764000000110]);
});

afterAll(async () => {
  await dataSource.destroy();
  await superuserOn('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});

describe('the audit hash chain', () => {
  it('chains the entries written before the chain existed', async () => {
    const rows = (await dataSource.query(`SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq`)) as { seq: string; prev_hash: string; hash: string }[];
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2]);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(await verify()).toMatchObject({ ok: true, checked: 2, headSeq: 2, headHash: rows[1].hash });
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
      [probe.seq, probe.at, probe.actorSubject, probe.actorName, probe.action, probe.entityType, probe.entityId, probe.before, probe.after, probe.reason, probe.requestId, probe.traceId, probe.prevHash],
    )) as [{ text: string }];
    expect(text).toBe(auditCanonicalText(probe));
  });

  it('verifies after many appends, sequential and concurrent, with seq numbers without gaps', async () => {
    await append(120, 'sequential');
    // Ten writers at once, each in its own transactions: the advisory lock serialises them into one chain.
    await Promise.all(Array.from({ length: 10 }, (_, writer) => append(15, `writer${writer}`)));
    // A rolled-back transaction leaves no entry and no gap.
    await expect(
      dataSource.transaction(async (manager) => {
        await AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: 'rolled-back' });
        throw new Error('the change fails after its audit entry');
      }),
    ).rejects.toThrow('the change fails');
    await append(1, 'after-rollback');
    const [{ count, max }] = (await dataSource.query(`SELECT count(*)::int AS count, max(seq)::int AS max FROM audit_log`)) as [{ count: number; max: number }];
    expect(count).toBe(2 + 120 + 150 + 1);
    expect(max).toBe(count);
    expect(await verify()).toMatchObject({ ok: true, checked: count, headSeq: count });
  });

  it('records the request id of the context and the values as given', async () => {
    await runWithAuditContext({ requestId: 'req-audit-1' }, () =>
      dataSource.transaction((manager) => AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: 'with-request', before: { z: 1, a: 'é' }, reason: 'why' })),
    );
    const [row] = (await dataSource.query(`SELECT actor_subject, actor_name, request_id, reason, before, after FROM audit_log WHERE entity_id = 'with-request'`)) as Record<string, unknown>[];
    expect(row).toEqual({ actor_subject: 'u-1', actor_name: 'Sam Strategic', request_id: 'req-audit-1', reason: 'why', before: { z: 1, a: 'é' }, after: null });
  });

  it.each([
    ['DELETE', `DELETE FROM audit_log WHERE seq = 3`],
    ['UPDATE', `UPDATE audit_log SET reason = 'rewritten' WHERE seq = 3`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ])('refuses %s through the application’s connection', async (operation, sql) => {
    await expect(dataSource.query(sql)).rejects.toMatchObject({ message: `audit_log is append-only: ${operation} is not allowed`, driverError: { code: '42501' } });
    expect((await verify()).ok).toBe(true);
  });

  it('ignores the seq, time and hashes an insert supplies: the trigger sets them', async () => {
    await dataSource.query(`INSERT INTO audit_log (seq, at, actor_subject, actor_name, action, entity_type, entity_id, prev_hash, hash) VALUES (1, '2000-01-01', 'u', 'U', 'a', 'probe', 'forged', 'x', 'y')`);
    const [row] = (await dataSource.query(`SELECT seq::int AS seq, at > now() - interval '1 minute' AS recent, hash <> 'y' AS rehashed FROM audit_log WHERE entity_id = 'forged'`)) as [Record<string, unknown>];
    expect(row).toMatchObject({ recent: true, rehashed: true });
    expect(row.seq).toBeGreaterThan(1);
    expect((await verify()).ok).toBe(true);
  });

  describe('after a superuser bypasses the trigger', () => {
    // Each case works on a copy of the log in a transaction that is rolled back, so the cases stay independent.
    async function tamperedReport(tamper: string, bypass: 'replica' | 'disable-trigger' = 'replica'): Promise<Awaited<ReturnType<typeof verifyAuditChain>>> {
      return superuser(async (client) => {
        await client.query('BEGIN');
        try {
          if (bypass === 'replica') await client.query(`SET LOCAL session_replication_role = replica`);
          else await client.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
          await client.query(tamper);
          if (bypass === 'replica') await client.query(`SET LOCAL session_replication_role = origin`);
          else await client.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
          return await verifyAuditChain((sql, params) => client.query(sql, params).then((r) => r.rows), 50);
        } finally {
          await client.query('ROLLBACK');
        }
      });
    }

    it('names the row whose content was changed', async () => {
      expect(await tamperedReport(`UPDATE audit_log SET after = '{"n": 999}' WHERE seq = 77`, 'disable-trigger')).toEqual({ ok: false, checked: 77, firstBrokenSeq: 77, reason: expect.stringContaining('content was changed') });
    });

    it('names the row whose time was moved by a microsecond', async () => {
      expect(await tamperedReport(`UPDATE audit_log SET at = at + interval '1 microsecond' WHERE seq = 5`)).toMatchObject({ ok: false, firstBrokenSeq: 5 });
    });

    it('names the row after one that was changed and rehashed', async () => {
      const report = await tamperedReport(`UPDATE audit_log SET actor_name = 'Someone Else', hash = encode(sha256(convert_to(audit_log_canonical(seq, at, actor_subject, 'Someone Else', action, entity_type, entity_id, before, after, reason, request_id, trace_id, prev_hash), 'UTF8')), 'hex') WHERE seq = 30`);
      expect(report).toMatchObject({ ok: false, firstBrokenSeq: 31, reason: expect.stringContaining('seq 30') });
    });

    it('names the row after a deleted one', async () => {
      expect(await tamperedReport(`DELETE FROM audit_log WHERE seq = 100`)).toMatchObject({ ok: false, firstBrokenSeq: 101, reason: expect.stringContaining('seq 99') });
    });

    it('names the first row when the start of the log was deleted', async () => {
      expect(await tamperedReport(`DELETE FROM audit_log WHERE seq <= 2`)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: expect.stringContaining('genesis') });
    });
  });
});

describe('the chain migration', () => {
  it('goes down keeping the entries, and up again chaining them', async () => {
    const name = `audit_migration_${uniqueSuffix()}`;
    const migrations = [CreateAuditLog1764000000100, ChainAuditLog1764000000110];
    const db = await openServiceDataSource(localDatabase(name), [], migrations);
    try {
      for (const id of ['a', 'b', 'c']) await db.transaction((manager) => AuditLog.record(manager, { actor, action: 'probe.changed', entityType: 'probe', entityId: id }));
      await db.undoLastMigration({ transaction: 'each' });
      // Down: a plain table again, the sequence past the entries, so an insert without the trigger still works.
      await db.query(`INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id) VALUES ('u', 'U', 'probe.changed', 'probe', 'd')`);
      expect(((await db.query(`SELECT entity_id, seq::int AS seq FROM audit_log ORDER BY seq`)) as unknown[])).toEqual(['a', 'b', 'c', 'd'].map((entityId, i) => ({ entity_id: entityId, seq: i + 1 })));
      await db.runMigrations({ transaction: 'each' });
      expect(await verifyAuditChain((sql, params) => db.query(sql, params))).toMatchObject({ ok: true, checked: 4, headSeq: 4 });
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
