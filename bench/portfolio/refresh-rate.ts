/**
 * How fast strategic-pmo's compliance model recomputes the built portfolio's rows (rows/s), in a transaction
 * rolled back at the end: all projects for one standard (what a publication marks), and the same projects whole
 * (what a publication recomputed before its marks named a standard). Usage, after a build of that size:
 *   node -r @swc-node/register bench/portfolio/refresh-rate.ts --programs 20 --projects 50 --standards 10
 */
import { ComplianceModel } from '@pmo/compliance-model';
import { portfolioComplianceConfig } from '../../apps/strategic-pmo/src/compliance/portfolio-compliance-config';
import { openBuiltPortfolio, rolledBack } from './built-model';

async function main(): Promise<void> {
  const { dataSource, projectIds, latestStandard: standard } = await openBuiltPortfolio(process.argv.slice(2), process.env);
  try {
    const model = new ComplianceModel(portfolioComplianceConfig);
    // One standard twice: the first pass also warms up the process (JIT, connection); the second is the figure.
    for (const standards of [[standard], null, [standard]]) {
      const started = performance.now();
      let rows = 0;
      await rolledBack(dataSource, async (manager) => {
        await model.refresh(
          manager,
          projectIds.map((projectId) => ({ projectId, from: null, standards })),
          new Date(),
        );
        const [{ n }] = (await manager.query(
          `SELECT count(*)::int AS n FROM portfolio_compliance_intervals WHERE upper_inf(valid) AND ($1::uuid IS NULL OR standard_id = $1)`,
          [standards?.[0] ?? null],
        )) as { n: number }[];
        rows = n;
      });
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `${standards ? 'one standard' : 'whole projects'}: ${projectIds.length} projects, ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s\n`,
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
