/**
 * Where strategic-pmo's compliance model spends a recomputation of the built portfolio's projects for one
 * standard (what a publication or a bulk adoption marks), by phase: each SQL statement of the refresh (by its
 * first words), the history load, and the rest (the compliance function and the rows' assembly in Node). In a
 * transaction rolled back at the end. Usage, after a build of that size:
 *   node -r @swc-node/register bench/portfolio/refresh-phases.ts --programs 20 --projects 50 --standards 50
 */
import { ComplianceModel } from '@pmo/compliance-model';
import type { QueryRunner } from 'typeorm';
import { portfolioComplianceConfig } from '../../apps/strategic-pmo/src/compliance/portfolio-compliance-config';
import { openBuiltPortfolio, rolledBack } from './built-model';

async function main(): Promise<void> {
  const { dataSource, projectIds, latestStandard: standard } = await openBuiltPortfolio(process.argv.slice(2), process.env);
  const spent = new Map<string, number>();
  const add = (phase: string, ms: number) => spent.set(phase, (spent.get(phase) ?? 0) + ms);
  let inHistories = false;
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      add(phase, performance.now() - started);
    }
  };
  const model = new ComplianceModel({
    ...portfolioComplianceConfig,
    histories: (manager, ids, standards) => {
      inHistories = true;
      return timed('history load (all its queries)', () => portfolioComplianceConfig.histories(manager, ids, standards)).finally(() => (inHistories = false));
    },
  });
  try {
    for (const round of ['warm-up', 'measured']) {
      spent.clear();
      const started = performance.now();
      await rolledBack(dataSource, async (manager) => {
        // Every statement of the transaction goes through its query runner (TypeORM's finds too).
        const runner = manager.queryRunner as QueryRunner;
        const query = runner.query.bind(runner);
        runner.query = ((sql: string, parameters?: unknown[], full?: boolean) =>
          timed(
            `${inHistories ? 'history: ' : ''}SQL ${sql
              .trim()
              .replace(/"/g, '')
              .split(/\s+/)
              .slice(0, inHistories ? 8 : 4)
              .join(' ')}`,
            () => query(sql, parameters, full as true),
          )) as QueryRunner['query'];
        await model.refresh(
          manager,
          projectIds.map((projectId) => ({ projectId, from: null, standards: [standard] })),
          new Date(),
        );
      });
      const total = performance.now() - started;
      if (round === 'warm-up') continue;
      const accounted = [...spent].filter(([phase]) => !phase.startsWith('history: ')).reduce((sum, [, ms]) => sum + ms, 0);
      add('the rest (compliance function, assembly in Node)', total - accounted);
      process.stdout.write(`${projectIds.length} projects × 1 standard in ${total.toFixed(0)} ms:\n`);
      for (const [phase, ms] of [...spent].sort((a, b) => b[1] - a[1]))
        process.stdout.write(`  ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(0).padStart(3)} %  ${phase}\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
