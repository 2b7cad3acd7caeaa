import type { DataSource } from 'typeorm';
import { quoteRole } from './migration-settings';

/**
 * The audit log's columns the sealer writes (1764000000120-SealAuditLogAfterCommit): the app role may
 * UPDATE these and no other, so an entry's content is protected by PostgreSQL's privileges; that a seal
 * once written is not rewritten is the `audit_log_only_seal` trigger's job, and the hash chain shows it.
 */
const AUDIT_SEAL_COLUMNS = ['chain_pos', 'prev_hash', 'hash'];

/** What the app role may do on a table; everything not named is refused by PostgreSQL. */
function tableRights(table: string): string[] {
  // Read-only: the migrations TypeORM recorded (the service checks at start that none is pending).
  if (table === 'migrations') return ['SELECT'];
  // Append and seal, never change or remove an entry.
  if (table === 'audit_log') return ['SELECT', 'INSERT', `UPDATE (${AUDIT_SEAL_COLUMNS.join(', ')})`];
  return ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
}

/**
 * Gives `role` the rights a service needs to serve from its database, and nothing more; run by the owner
 * after the migrations, so tables they added are covered (the grants are set again each time, which
 * also takes back rights a previous version gave). The role:
 * - connects to this database only (CONNECT taken from PUBLIC), without temporary tables;
 * - reads and writes the service's tables (no TRUNCATE, REFERENCES or TRIGGER), reads the migrations;
 * - appends to the audit log and seals it: no UPDATE of an entry's content, no DELETE, no TRUNCATE;
 * - uses the sequences; creates nothing (no CREATE on the schema or the database), owns nothing.
 */
export async function grantAppRole(dataSource: DataSource, database: string, role: string): Promise<string[]> {
  const quoted = quoteRole(role);
  const [found] = (await dataSource.query(`SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1`, [role])) as {
    rolsuper: boolean;
    rolbypassrls: boolean;
    rolcanlogin: boolean;
  }[];
  if (!found) throw new Error(`role ${role} (PMO_DB_APP_ROLE) does not exist: create it first (CREATE ROLE ${quoted} LOGIN PASSWORD '…')`);
  if (found.rolsuper) throw new Error(`role ${role} (PMO_DB_APP_ROLE) is a superuser: privileges do not bind it, give the service a plain login role`);
  if (!found.rolcanlogin) throw new Error(`role ${role} (PMO_DB_APP_ROLE) cannot log in: ALTER ROLE ${quoted} LOGIN`);
  const tables = ((await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as { tablename: string }[]).map(
    (row) => row.tablename,
  );
  const db = `"${database.replace(/"/g, '""')}"`;
  const statements = [
    `REVOKE ALL ON DATABASE ${db} FROM PUBLIC`,
    `REVOKE ALL ON DATABASE ${db} FROM ${quoted}`,
    `GRANT CONNECT ON DATABASE ${db} TO ${quoted}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `REVOKE ALL ON SCHEMA public FROM ${quoted}`,
    `GRANT USAGE ON SCHEMA public TO ${quoted}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${quoted}`,
    ...tables.map((table) => `GRANT ${tableRights(table).join(', ')} ON TABLE "${table.replace(/"/g, '""')}" TO ${quoted}`),
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${quoted}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${quoted}`,
  ];
  // One transaction: the role never serves with half of its rights.
  await dataSource.transaction(async (manager) => {
    for (const statement of statements) await manager.query(statement);
  });
  return tables;
}
