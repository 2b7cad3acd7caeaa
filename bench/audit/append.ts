/**
 * Cost of an audited change: N transactions of one small state write plus one audit entry (before/after of
 * a ~300-byte entity), on a database with the plain audit table (migration 100 only) and on one with the
 * hash chain (100 + 110), sequential and with concurrent writers. Fresh databases `bench_audit_*`, dropped
 * at the end; servers from `deploy/local/up postgres`.
 *   npm run bench:audit -- [transactions=2000] [writers=8]
 */
import { AuditLog, ChainAuditLog1764000000110, CreateAuditLog1764000000100, databaseSettingsFromEnv, openServiceDataSource } from '@pmo/persistence';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';

const transactions = Number(process.argv[2] ?? 2000);
const writers = Number(process.argv[3] ?? 8);
const server = databaseSettingsFromEnv('bench-audit', process.env);
const entity = { id: randomBytes(16).toString('hex'), name: 'Grants Management Migration', tags: ['finance', 'regulated'], percentComplete: 42, description: 'Moves grants to a shared service. '.repeat(6) };

async function measure(label: string, migrations: (new () => MigrationInterface)[], concurrency: number): Promise<string> {
  const database = `bench_audit_${label}_${randomBytes(3).toString('hex')}`;
  const dataSource = await openServiceDataSource({ ...server, database, poolSize: Math.max(concurrency, 2) }, [], migrations);
  try {
    await dataSource.query(`CREATE TABLE probe (id int PRIMARY KEY, n int)`);
    const change = (i: number) =>
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO probe VALUES ($1, $1)`, [i]);
        await AuditLog.record(manager, { actor: { subject: 's-1', name: 'Bench' }, action: 'probe.changed', entityType: 'probe', entityId: String(i), before: entity, after: entity });
      });
    for (let i = 0; i < 200; i += 1) await change(-1 - i); // warm-up
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < transactions) await change(next++);
    }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return `${label.padEnd(8)} writers ${String(concurrency).padStart(2)}: ${((ms * 1000) / transactions).toFixed(0).padStart(5)} µs per transaction, ${Math.round((transactions / ms) * 1000)} transactions/s`;
  } finally {
    await dataSource.destroy();
    const admin = new Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  for (const concurrency of [1, writers]) {
    process.stdout.write(`${await measure('plain', [CreateAuditLog1764000000100], concurrency)}\n`);
    process.stdout.write(`${await measure('chained', [CreateAuditLog1764000000100, ChainAuditLog1764000000110], concurrency)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
