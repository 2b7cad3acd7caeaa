/**
 * Rollout bench: one mandatory standard published to every project of the built portfolio (bench/portfolio),
 * on Kafka (program-pmo and strategic-pmo as processes) and in-process (both in this process, as the embedded
 * mode runs them): seconds until every project's pending row shows through both services' APIs, then from the
 * bulk adoption calls until every row shows adopted. Floor: raw kafkajs and raw `pg` for as many messages and rows.
 * Usage: npm run bench:rollout -- [--programs 200] [--projects 50] [--standards 50] [--modes kafka,in-process]
 */
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { postgresVersion } from '../backbone/databases';
import { strategicAdminToken } from '../backbone/http/token';
import { startHttpServices, type HttpServices } from '../backbone/http/services';
import { machineFacts } from '../backbone/report';
import { buildPortfolio } from '../portfolio/build';
import { copyPortfolio, dropCopy } from './copies';
import { measureRolloutFloor } from './floor';
import { startInProcessServices } from './in-process';
import { rolloutBenchOptionsFrom, type RolloutMode } from './options';
import { rolloutMarkdownOf, writeRolloutResults } from './report';
import { measureRollout, type RolloutRun } from './rollout';

const ROOT = resolve(__dirname, '../..');
const progress = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const options = rolloutBenchOptionsFrom(process.argv.slice(2), process.env);
  const size = { ...options, connections: [], seconds: 0, pacedRate: 0, drop: false, buildOnly: true, built: false, services: options.portfolio };
  progress(`the portfolio ${options.programs} × ${options.projects} × ${options.standards} (databases bench_http_*_${options.portfolio.suffix})`);
  const builder = await startHttpServices(ROOT, options.portfolio);
  let programIds: string[];
  try {
    programIds = (await buildPortfolio(builder, await strategicAdminToken(), size, progress)).programIds;
  } finally {
    await builder.stop();
  }
  const runs: RolloutRun[] = [];
  for (const mode of options.modes) {
    const copy = await copyPortfolio(options.portfolio, `rollout_${mode === 'kafka' ? 'k' : 'p'}_${Date.now().toString(36)}`);
    let services: HttpServices | undefined;
    try {
      progress(`${mode}: starting program-pmo and strategic-pmo on a copy of the portfolio`);
      services = await start(mode, copy);
      const before = loadavg()[0];
      progress(`${mode}: publishing one standard to every project, then adopting it for all`);
      const measured = await measureRollout(services, programIds);
      runs.push({ mode, ...measured, loadAverage: { before, after: loadavg()[0] } });
      progress(`${mode}: pending everywhere after ${measured.publication.seconds.toFixed(1)} s, adopted after ${measured.adoption.seconds.toFixed(1)} s`);
    } finally {
      await services?.stop().catch((error: unknown) => progress(`stopping the services failed: ${String(error)}`));
      await dropCopy(copy);
    }
  }
  progress('floor: raw kafkajs and raw pg for as many messages and rows');
  const floor = await measureRolloutFloor(options.portfolio, options.programs * options.projects);
  const results = {
    date: new Date().toISOString().slice(0, 10),
    machine: machineFacts(ROOT, await postgresVersion(options.portfolio)),
    portfolio: { programs: options.programs, projects: options.projects, standards: options.standards },
    floor,
    runs,
  };
  process.stdout.write('\n' + rolloutMarkdownOf(results) + '\n');
  progress(`results written to ${writeRolloutResults(ROOT, results)} and bench/results/rollout-latest.md`);
}

function start(mode: RolloutMode, copy: Parameters<typeof startHttpServices>[1]): Promise<HttpServices> {
  return mode === 'kafka' ? startHttpServices(ROOT, copy) : startInProcessServices(copy);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`rollout bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
