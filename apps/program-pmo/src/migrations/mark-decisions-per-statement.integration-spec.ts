import { createServiceDataSource, ensureDatabaseExists } from '@pmo/persistence';
import { dropLocalDatabase, localDatabase, uniqueSuffix } from '@pmo/testing';
import type { DataSource } from 'typeorm';
import { programPmoSchema } from '../schema';
import { MarkProgramDecisionsPerStatement1764000005610 } from './1764000005610-MarkDecisionsPerStatement';

// program-pmo's migrations up to this one on a database of its own; this one undone and done again.
const all = Object.values(programPmoSchema.migrations);
const migrations = all.slice(0, all.indexOf(MarkProgramDecisionsPerStatement1764000005610) + 1);
const settings = localDatabase(`migration_decision_marks_${uniqueSuffix()}`);
let dataSource: DataSource;

const triggers = async () =>
  (
    (await dataSource.query(
      `SELECT tgname, (tgtype & 1) = 1 AS per_row FROM pg_trigger WHERE tgrelid = 'adoption_decisions'::regclass AND NOT tgisinternal ORDER BY tgname`,
    )) as { tgname: string; per_row: boolean }[]
  ).map((t) => `${t.tgname}${t.per_row ? ' per row' : ' per statement'}`);

beforeAll(async () => {
  await ensureDatabaseExists(settings);
  dataSource = createServiceDataSource(settings, [], migrations);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
});

afterAll(async () => {
  await dataSource.destroy();
  await dropLocalDatabase(settings);
});

describe('MarkProgramDecisionsPerStatement1764000005610', () => {
  it('marks decisions per statement, and goes down to the trigger per row and up again', async () => {
    const perStatement = ['compliance_marks_deleted per statement', 'compliance_marks_inserted per statement', 'compliance_marks_updated per statement'];
    expect(await triggers()).toEqual(perStatement);
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await triggers()).toEqual(['compliance_marks per row']);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await triggers()).toEqual(perStatement);
  });
});
