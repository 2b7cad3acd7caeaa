import { createServiceDataSource, ensureDatabaseExists } from '@pmo/persistence';
import { dropLocalDatabase, localDatabase, uniqueSuffix } from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CreatePortfolio1764000000400 } from './1764000000400-CreatePortfolio';
import { AddProjectClosing1764000000430 } from './1764000000430-AddProjectClosing';
import { CreateStandards1764000000500 } from './1764000000500-CreateStandards';
import { CreateVarianceCases1764000000700 } from './1764000000700-CreateVarianceCases';
import { AddVarianceEscalation1764000000710 } from './1764000000710-AddVarianceEscalation';
import { AddVarianceTracking1764000000730 } from './1764000000730-AddVarianceTracking';

// The tables the migration touches, as they were before it, on a database of its own.
const before = [
  CreatePortfolio1764000000400,
  AddProjectClosing1764000000430,
  CreateStandards1764000000500,
  CreateVarianceCases1764000000700,
  AddVarianceEscalation1764000000710,
];
const settings = localDatabase(`migration_strategic_${uniqueSuffix()}`);
let dataSource: DataSource;

beforeAll(async () => {
  await ensureDatabaseExists(settings);
  const old = createServiceDataSource(settings, [], before);
  await old.initialize();
  await old.runMigrations({ transaction: 'each' });
  await old.destroy();
  dataSource = createServiceDataSource(settings, [], [...before, AddVarianceTracking1764000000730]);
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy();
  await dropLocalDatabase(settings);
});

describe('AddVarianceTracking1764000000730', () => {
  it('numbers the conditions decided before tracking, keeps their content, and goes down again', async () => {
    const id = randomUUID();
    const conditions = [
      { text: 'Share the regulator report', owner: 'Program PMO lead', dueOn: '2027-02-28' },
      { text: 'Name a deputy', owner: 'Sponsor', dueOn: '2027-03-31' },
    ];
    await dataSource.query(
      `INSERT INTO variance_cases (id, program_id, requested_by_subject, requested_by_name, standard_id, version_id, version, requirement_ids, project_ids, justification, likelihood, impact, compensating_controls, expires_on, state, submitted_at, decision_due_on, conditions)
       VALUES ($1, $2, 'u', 'U', $2, $2, '1.0.0', '{STATUS-CADENCE}', ARRAY[$2]::uuid[], 'j', 2, 3, '{}', '2027-06-30', 'approved-with-conditions', now(), '2027-01-10', $3),
              ($4, $2, 'u', 'U', $2, $2, '1.0.0', '{STATUS-CADENCE}', ARRAY[$2]::uuid[], 'j', 2, 3, '{}', '2027-06-30', 'submitted', now(), '2027-01-10', '[]')`,
      [id, randomUUID(), JSON.stringify(conditions), randomUUID()],
    );
    await dataSource.runMigrations({ transaction: 'each' });
    const [migrated] = (await dataSource.query(`SELECT conditions, ground, review_reasons FROM variance_cases WHERE id = $1`, [id])) as {
      conditions: unknown;
      ground: unknown;
      review_reasons: unknown;
    }[];
    expect(migrated).toEqual({
      conditions: conditions.map((c, i) => ({ ...c, id: `C${i + 1}`, metAt: null, metBy: null, flaggedAt: null })),
      ground: null,
      review_reasons: null,
    });
    const empty = (await dataSource.query(`SELECT conditions FROM variance_cases WHERE id <> $1`, [id])) as { conditions: unknown }[];
    expect(empty).toEqual([{ conditions: [] }]);
    const [standardDefaults] = (await dataSource.query(
      `SELECT column_default FROM information_schema.columns WHERE table_name = 'standards' AND column_name = 'longest_variance_months'`,
    )) as { column_default: string }[];
    expect(standardDefaults.column_default).toBe('12');

    await dataSource.undoLastMigration({ transaction: 'each' });
    const columns = (await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'variance_cases' AND column_name IN ('ground', 'revoked_at')`,
    )) as unknown[];
    expect(columns).toEqual([]);
    // Down keeps the numbered conditions: the ids are harmless to the code before tracking.
    expect(
      ((await dataSource.query(`SELECT conditions FROM variance_cases WHERE id = $1`, [id])) as { conditions: { id: string }[] }[])[0].conditions.map(
        (c) => c.id,
      ),
    ).toEqual(['C1', 'C2']);
  });
});
