import { createServiceDataSource, ensureDatabaseExists } from '@pmo/persistence';
import { dropLocalDatabase, localDatabase, uniqueSuffix } from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CreatePortfolio1764000000400 } from './1764000000400-CreatePortfolio';
import { AddPortfolioCompliance1764000000410 } from './1764000000410-AddPortfolioCompliance';
import { AddPortfolioProjectCodes1764000001200 } from './1764000001200-AddPortfolioProjectCodes';

// The table the migration touches, as it was before it, on a database of its own.
const before = [CreatePortfolio1764000000400, AddPortfolioCompliance1764000000410];
const settings = localDatabase(`migration_strategic_codes_${uniqueSuffix()}`);
let dataSource: DataSource;

beforeAll(async () => {
  await ensureDatabaseExists(settings);
  const old = createServiceDataSource(settings, [], before);
  await old.initialize();
  await old.runMigrations({ transaction: 'each' });
  await old.destroy();
  dataSource = createServiceDataSource(settings, [], [...before, AddPortfolioProjectCodes1764000001200]);
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy();
  await dropLocalDatabase(settings);
});

describe('AddPortfolioProjectCodes1764000001200', () => {
  it('codes the projects known before it by their id, requires a code from then on, and goes down again', async () => {
    const [projectId, programId] = [randomUUID(), randomUUID()];
    await dataSource.query(`INSERT INTO portfolio_projects (project_id, program_id, name) VALUES ($1, $2, 'Ledger')`, [projectId, programId]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.query(`SELECT code, name FROM portfolio_projects WHERE project_id = $1`, [projectId])).toEqual([
      { code: projectId, name: 'Ledger' },
    ]);
    await expect(
      dataSource.query(`INSERT INTO portfolio_projects (project_id, program_id, name) VALUES ($1, $2, 'No code')`, [randomUUID(), programId]),
    ).rejects.toThrow(/code/);

    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(
      await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'portfolio_projects' AND column_name = 'code'`),
    ).toEqual([]);
  });
});
