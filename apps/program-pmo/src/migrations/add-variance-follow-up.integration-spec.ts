import { createServiceDataSource, ensureDatabaseExists } from '@pmo/persistence';
import { dropLocalDatabase, localDatabase, uniqueSuffix } from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CreateVarianceRequests1764000000260 } from './1764000000260-CreateVarianceRequests';
import { AddVarianceFollowUp1764000000280 } from './1764000000280-AddVarianceFollowUp';

// The table the migration changes, as it was before it, on a database of its own.
const settings = localDatabase(`migration_program_${uniqueSuffix()}`);
let dataSource: DataSource;

beforeAll(async () => {
  await ensureDatabaseExists(settings);
  const old = createServiceDataSource(settings, [], [CreateVarianceRequests1764000000260]);
  await old.initialize();
  await old.runMigrations({ transaction: 'each' });
  await old.destroy();
  dataSource = createServiceDataSource(settings, [], [CreateVarianceRequests1764000000260, AddVarianceFollowUp1764000000280]);
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy();
  await dropLocalDatabase(settings);
});

describe('AddVarianceFollowUp1764000000280', () => {
  it('numbers the conditions decided before tracking, makes every request revision 1, and goes down again', async () => {
    const id = randomUUID();
    const conditions = [{ text: 'Share the regulator report', owner: 'Program PMO lead', dueOn: '2027-02-28' }];
    await dataSource.query(
      `INSERT INTO variance_requests (id, program_id, requested_by_subject, requested_by_name, standard_id, version_id, version, requirement_ids, project_ids, justification, likelihood, impact, compensating_controls, expires_on, state, submitted_at, conditions)
       VALUES ($1, $2, 'u', 'U', $2, $2, '1.0.0', '{STATUS-CADENCE}', ARRAY[$2]::uuid[], 'j', 2, 3, '{}', '2027-06-30', 'approved-with-conditions', now(), $3)`,
      [id, randomUUID(), JSON.stringify(conditions)],
    );
    await dataSource.runMigrations({ transaction: 'each' });
    const [migrated] = (await dataSource.query(`SELECT conditions, revision, revision_of FROM variance_requests WHERE id = $1`, [id])) as unknown[];
    expect(migrated).toEqual({ conditions: [{ ...conditions[0], id: 'C1', metAt: null }], revision: 1, revision_of: null });
    const tables = (await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_name IN ('variance_proposals', 'variance_notices', 'variance_policies') ORDER BY table_name`,
    )) as unknown[];
    expect(tables).toEqual([{ table_name: 'variance_notices' }, { table_name: 'variance_policies' }, { table_name: 'variance_proposals' }]);

    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(
      await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_name IN ('variance_proposals', 'variance_notices', 'variance_policies')`,
      ),
    ).toEqual([]);
    expect(
      await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'variance_requests' AND column_name = 'revision'`),
    ).toEqual([]);
  });
});
