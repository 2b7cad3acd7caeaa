/**
 * Cost of an audited change: N transactions of one small state write plus one audit entry (before/after of
 * a ~300-byte entity), sequential and with concurrent writers, on a database with
 *   plain    the audit table without a chain (migration 100 only),
 *   on-insert the chain built by the insert trigger under a lock held until commit (100 + 110),
 *   sealed   the chain built after commit (100 + 110 + 120 + 1100, whose domain_at the sealer reads) with an AuditSealer running during the run;
 *            the time then counts until the sealer has sealed every entry and the chain verifies.
 * Fresh databases `bench_audit_*`, dropped at the end; servers from `deploy/local/up postgres`.
 *   npm run bench:audit -- [transactions=2000] [writers=8]
 */
import {
  AuditDomainTime1764000001100,
  AuditLog,
  AuditSealer,
  ChainAuditLog1764000000110,
  CreateAuditLog1764000000100,
  databaseSettingsFromEnv,
  openServiceDataSource,
  SealAuditLogAfterCommit1764000000120,
  verifyAuditChain,
} from '@pmo/persistence';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';

const transactions = Number(process.argv[2] ?? 2000);
const writers = Number(process.argv[3] ?? 8);
const server = databaseSettingsFromEnv('bench-audit', process.env);
const entity = {
  id: randomBytes(16).toString('hex'),
  name: 'Grants Management Migration',
  tags: ['finance', 'regulated'],
  percentComplete: 42,
  description: 'Moves grants to a shared service. '.repeat(6),
};

async function measure(label: string, migrations: (new () => MigrationInterface)[], concurrency: number): Promise<string> {
  const database = `bench_audit_${label.replace('-', '_')}_${randomBytes(3).toString('hex')}`;
  // One connection more for the sealer, as a service's pool has room for its relay and sealer.
  const dataSource = await openServiceDataSource({ ...server, database, poolSize: Math.max(concurrency, 2) + 1 }, [], migrations);
  const sealed = migrations.includes(SealAuditLogAfterCommit1764000000120);
  const sealer = sealed
    ? new AuditSealer({ dataSource, logger: { warn: (fields, message) => process.stderr.write(`${message} ${JSON.stringify(fields)}\n`) } })
    : undefined;
  sealer?.start();
  try {
    await dataSource.query(`CREATE TABLE probe (id int PRIMARY KEY, n int)`);
    const change = (i: number) =>
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO probe VALUES ($1, $1)`, [i]);
        await AuditLog.record(manager, {
          actor: { subject: 's-1', name: 'Bench' },
          action: 'probe.changed',
          entityType: 'probe',
          entityId: String(i),
          before: entity,
          after: entity,
        });
      });
    for (let i = 0; i < 200; i += 1) await change(-1 - i); // warm-up
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < transactions) await change(next++);
      }),
    );
    // With the sealer the run ends when every entry is sealed: it must keep up, not just fall behind.
    while (sealer && (await dataSource.query(`SELECT 1 FROM audit_log WHERE chain_pos IS NULL LIMIT 1`)).length > 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (sealer) {
      const report = await verifyAuditChain((sql, params) => dataSource.query(sql, params), 5000);
      if (!report.ok || report.checked !== transactions + 200) throw new Error(`the sealed chain does not hold: ${JSON.stringify(report)}`);
    }
    return `${label.padEnd(9)} writers ${String(concurrency).padStart(2)}: ${((ms * 1000) / transactions).toFixed(0).padStart(5)} µs per transaction, ${Math.round((transactions / ms) * 1000)} transactions/s`;
  } finally {
    await sealer?.stop();
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
    process.stdout.write(`${await measure('on-insert', [CreateAuditLog1764000000100, ChainAuditLog1764000000110], concurrency)}\n`);
    process.stdout.write(
      `${await measure('sealed', [CreateAuditLog1764000000100, ChainAuditLog1764000000110, SealAuditLogAfterCommit1764000000120, AuditDomainTime1764000001100], concurrency)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
