/**
 * How fast strategic-pmo's compliance model recomputes the built portfolio's rows (rows/s), in a transaction
 * rolled back at the end: all projects for one standard (what a publication marks), and the same projects whole
 * (what a publication recomputed before its marks named a standard). Usage, after a build of that size:
 *   node -r @swc-node/register bench/portfolio/refresh-rate.ts --programs 20 --projects 50 --standards 10
 */
import { ComplianceModel } from '@pmo/compliance-model';
import { DataSource } from 'typeorm';
import { portfolioComplianceConfig, portfolioComplianceEntities } from '../../apps/strategic-pmo/src/compliance/portfolio-compliance-config';
import { httpBenchDatabases } from '../backbone/http/services';
import { portfolioBenchOptionsFrom } from './options';

const ROLLBACK = new Error('rolled back: a measurement only');

async function main(): Promise<void> {
  const options = portfolioBenchOptionsFrom(process.argv.slice(2), process.env);
  const dataSource = new DataSource({
    type: 'postgres',
    ...options.services.db,
    username: options.services.db.user,
    database: httpBenchDatabases(options.services).strategic,
    entities: portfolioComplianceEntities,
  });
  await dataSource.initialize();
  try {
    const projects = (await dataSource.query(`SELECT project_id FROM portfolio_projects ORDER BY project_id`)) as { project_id: string }[];
    const [{ standard_id: standard }] = (await dataSource.query(
      `SELECT standard_id FROM portfolio_compliance_intervals GROUP BY standard_id ORDER BY min(lower(valid)) DESC LIMIT 1`,
    )) as { standard_id: string }[];
    const model = new ComplianceModel(portfolioComplianceConfig);
    // One standard twice: the first pass also warms up the process (JIT, connection); the second is the figure.
    for (const standards of [[standard], null, [standard]]) {
      const started = performance.now();
      let rows = 0;
      await dataSource
        .transaction(async (manager) => {
          await model.refresh(
            manager,
            projects.map((p) => ({ projectId: p.project_id, from: null, standards })),
            new Date(),
          );
          const [{ n }] = (await manager.query(
            `SELECT count(*)::int AS n FROM portfolio_compliance_intervals WHERE upper_inf(valid) AND ($1::uuid IS NULL OR standard_id = $1)`,
            [standards?.[0] ?? null],
          )) as { n: number }[];
          rows = n;
          throw ROLLBACK;
        })
        .catch((error: unknown) => {
          if (error !== ROLLBACK) throw error;
        });
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `${standards ? 'one standard' : 'whole projects'}: ${projects.length} projects, ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s\n`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
