import { Client } from 'pg';
import { callApi } from '../http-client';
import { uniqueSuffix } from '../fresh-ids';
import { LOCAL_INFRASTRUCTURE, serviceDatabaseRole } from '../infrastructure';
import { keycloakToken } from '../keycloak-tokens';
import { startDistributedServices, type DistributedServices } from '../distributed-services';
import { eventually } from '../eventually';
import { runTypeScript } from '../service-processes';

// The services serve as their least-privilege roles (deploy/local's <service>_app), granted by their own
// `main.ts migrate` run as the owner: what PostgreSQL itself lets such a role do, tried for real.
const suffix = uniqueSuffix();
let platform: DistributedServices;
let programId: string;

beforeAll(async () => {
  platform = await startDistributedServices('roles', suffix);
  const created = await callApi<{ id: string }>('POST', `${platform.urls.program}/programs`, await keycloakToken('sam.strategic'), {
    name: `Least privilege ${suffix}`,
  });
  expect(created.status).toBe(201);
  programId = created.body.id;
}, 300_000);

afterAll(async () => {
  expect(await platform.stop()).toEqual([0, 0, 0]);
});

/** Runs `work` connected to a service's database as program-pmo's app role. */
async function asProgramRole<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...LOCAL_INFRASTRUCTURE.db, ...serviceDatabaseRole('program-pmo'), database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL error of a statement the role runs (fails the test if it succeeds). */
async function refusal(database: string, sql: string): Promise<{ code: string; message: string }> {
  return asProgramRole(database, async (client) => {
    const outcome = await client.query(sql).then(
      () => undefined,
      (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
    );
    if (!outcome) throw new Error(`the app role was allowed to run: ${sql}`);
    return outcome;
  });
}

describe('the services as least-privilege database roles', () => {
  it('serve: a program registered as the app role reaches the portfolio, and its audit entry is sealed into a chain that holds', async () => {
    await eventually(async () => {
      const rows = await platform.query('strategic', `SELECT 1 FROM portfolio_programs WHERE program_id = $1`, [programId]);
      expect(rows).toHaveLength(1);
    });
    const verify = await callApi<{ ok: boolean; checked: number; pending: number }>(
      'GET',
      `${platform.urls.program}/audit/verify`,
      await keycloakToken('ada.auditor'),
    );
    expect(verify.body).toMatchObject({ ok: true, pending: 0 });
    expect(verify.body.checked).toBeGreaterThanOrEqual(1);
    // Everyone connected to program-pmo's database but this query's owner session is the service, as its role.
    const sessions = await platform.query<{ usename: string }>(
      'program',
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    expect(sessions.map((session) => session.usename)).toEqual([serviceDatabaseRole('program-pmo').user]);
  });

  it('lets the role append to the audit log and read it', async () => {
    const seq = await asProgramRole(platform.databases.program, async (client) => {
      const inserted = await client.query<{ seq: string }>(
        `INSERT INTO audit_log (actor_subject, actor_name, action, entity_type, entity_id) VALUES ('s', 'role test', 'test.appended', 'test', $1) RETURNING seq`,
        [suffix],
      );
      return inserted.rows[0].seq;
    });
    expect(Number(seq)).toBeGreaterThan(0);
  });

  it.each([
    ['change an entry', `UPDATE audit_log SET actor_name = 'someone else'`, 'permission denied for table audit_log'],
    ['delete an entry', `DELETE FROM audit_log`, 'permission denied for table audit_log'],
    ['truncate the log', `TRUNCATE audit_log`, 'permission denied for table audit_log'],
    ['truncate the outbox', `TRUNCATE outbox`, 'permission denied for table outbox'],
    ['record a migration', `DELETE FROM migrations`, 'permission denied for table migrations'],
  ])('refuses, by privilege, to %s', async (_what, sql, message) => {
    expect(await refusal(platform.databases.program, sql)).toEqual({ code: '42501', message });
  });

  it('refuses to rewrite the seal of a sealed entry (the seal columns are granted, the trigger keeps them once set)', async () => {
    expect(await refusal(platform.databases.program, `UPDATE audit_log SET hash = repeat('0', 64) WHERE chain_pos IS NOT NULL`)).toEqual({
      code: '42501',
      message: 'audit_log is append-only: UPDATE is not allowed',
    });
  });

  it.each([
    ['create a table', `CREATE TABLE shadow (id int)`, 'permission denied for schema public'],
    ['drop a table', `DROP TABLE outbox`, 'must be owner of table outbox'],
    ['turn off the audit triggers', `ALTER TABLE audit_log DISABLE TRIGGER USER`, 'must be owner of table audit_log'],
    ['bypass triggers for its session', `SET session_replication_role = replica`, 'permission denied to set parameter "session_replication_role"'],
    ['create a temporary table', `CREATE TEMP TABLE scratch (id int)`, expect.stringContaining('permission denied to create temporary tables')],
  ])('refuses DDL: %s', async (_what, sql, message) => {
    expect(await refusal(platform.databases.program, sql)).toEqual({ code: '42501', message });
  });

  it("cannot reach another service's database", async () => {
    await expect(asProgramRole(platform.databases.strategic, (client) => client.query('SELECT 1'))).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining(`permission denied for database "${platform.databases.strategic}"`),
    });
  });

  it('runs the migrate step again without change: no migration pending, the grants set again', async () => {
    const again = runTypeScript(
      'apps/program-pmo/src/main.ts',
      {
        PMO_DB_PORT: String(LOCAL_INFRASTRUCTURE.db.port),
        PROGRAM_PMO_DB_NAME: platform.databases.program,
        PMO_DB_APP_ROLE: serviceDatabaseRole('program-pmo').user,
      },
      `roles-${suffix}-migrate-again`,
      ['migrate'],
    );
    expect(await again.exited).toBe(0);
    expect(await refusal(platform.databases.program, `DELETE FROM audit_log`)).toMatchObject({ code: '42501' });
  });

  it('fails the migrate step with a message when the app role does not exist', async () => {
    const missing = runTypeScript(
      'apps/program-pmo/src/main.ts',
      { PMO_DB_PORT: String(LOCAL_INFRASTRUCTURE.db.port), PROGRAM_PMO_DB_NAME: platform.databases.program, PMO_DB_APP_ROLE: `no_such_role_${suffix}` },
      `roles-${suffix}-migrate-missing`,
      ['migrate'],
    );
    let output = '';
    missing.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await missing.exited).toBe(1);
    expect(output).toContain(`program-pmo migrate failed: Error: role no_such_role_${suffix} (PMO_DB_APP_ROLE) does not exist: create it first`);
  });
});
