import { DataSource, type EntityManager } from 'typeorm';
import { portfolioComplianceEntities } from '../../apps/strategic-pmo/src/compliance/portfolio-compliance-config';
import { httpBenchDatabases } from '../backbone/http/services';
import { portfolioBenchOptionsFrom } from './options';

/** strategic-pmo's database of the built portfolio named by the flags, its projects, and its latest standard. */
export interface BuiltPortfolio {
  dataSource: DataSource;
  projectIds: string[];
  latestStandard: string;
}

export async function openBuiltPortfolio(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<BuiltPortfolio> {
  const options = portfolioBenchOptionsFrom(argv, env);
  const dataSource = new DataSource({
    type: 'postgres',
    ...options.services.db,
    username: options.services.db.user,
    database: httpBenchDatabases(options.services).strategic,
    entities: portfolioComplianceEntities,
  });
  await dataSource.initialize();
  const projects = (await dataSource.query(`SELECT project_id FROM portfolio_projects ORDER BY project_id`)) as { project_id: string }[];
  const [{ standard_id: latestStandard }] = (await dataSource.query(
    `SELECT standard_id FROM portfolio_compliance_intervals GROUP BY standard_id ORDER BY min(lower(valid)) DESC LIMIT 1`,
  )) as { standard_id: string }[];
  return { dataSource, projectIds: projects.map((p) => p.project_id), latestStandard };
}

const ROLLBACK = new Error('rolled back: a measurement only');

/** Runs `work` in a transaction that is rolled back afterwards: a measurement leaves the built portfolio as it was. */
export async function rolledBack(dataSource: DataSource, work: (manager: EntityManager) => Promise<void>): Promise<void> {
  await dataSource
    .transaction(async (manager) => {
      await work(manager);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
}
