/**
 * Portfolio bench: a portfolio of programs × projects × published standards built through program-pmo and
 * strategic-pmo (separate processes on Kafka), then the compliance screens' endpoints under load at each level
 * of concurrent clients, against each service's bare `/health/live` under the same load in the same run.
 * Usage: npm run bench:portfolio -- [--programs 200] [--projects 50] [--standards 50] [--connections 10,50]
 *        [--seconds 10] [--paced-rate 200] [--drop] [--build-only] [--built]
 */
import { resolve } from 'node:path';
import { postgresVersion, withAdminClient } from '../backbone/databases';
import { strategicAdminToken } from '../backbone/http/token';
import { httpBenchDatabases, startHttpServices, type HttpServices } from '../backbone/http/services';
import { machineFacts } from '../backbone/report';
import { BENCH_TAG, buildPortfolio } from './build';
import { bareNestMemory } from './bare-floor';
import { exportCsv, loadEndpoint, pacedLoad, rssMb, type CsvRun, type LoadRun } from './load';
import { MEMORY_PROBE, memoryDirOf, memoryOf } from './memory';
import { portfolioBenchOptionsFrom } from './options';
import { portfolioMarkdownOf, writePortfolioResults, type PortfolioBenchResults } from './report';
import { gzipLevelsOf, wireSizeOf, type GzipLevel, type WireSize } from './wire';

const ROOT = resolve(__dirname, '../..');
// The zlib levels compared on the kept answers (the services use `GZIP_LEVEL` of libs/http/src/kept-gzip.ts).
const GZIP_LEVELS = [1, 6, 9];
const progress = (line: string) => process.stdout.write(`[bench] ${line}\n`);

interface Endpoint {
  name: string;
  url: string;
  service: 'program' | 'strategic';
  /** The service's bare endpoint: what the others are compared with. */
  floor?: boolean;
}

async function main(): Promise<void> {
  const options = portfolioBenchOptionsFrom(process.argv.slice(2), process.env);
  let services: HttpServices | undefined;
  try {
    progress(
      `starting strategic-pmo and program-pmo as processes on Kafka (databases bench_http_*_${options.services.suffix}), ${options.built ? 'compiled' : 'through the TypeScript loader'}`,
    );
    // Each service samples where its memory goes (see memory-probe.ts) into this run's directory.
    const memoryDir = memoryDirOf(ROOT);
    process.env.PMO_BENCH_MEMORY_DIR = memoryDir;
    services = await startHttpServices(ROOT, options.services, { preload: [MEMORY_PROBE], built: options.built });
    const portfolio = await buildPortfolio(services, await strategicAdminToken(), options, progress);
    if (options.buildOnly) return;
    const past = await pastInstant(services);
    const program = portfolio.programIds[0];
    const s = services.strategicUrl;
    const p = services.programUrl;
    const endpoints: Endpoint[] = [
      { name: 'strategic-pmo GET /health/live (floor)', url: `${s}/health/live`, service: 'strategic', floor: true },
      { name: 'portfolio summary', url: `${s}/portfolio/compliance/summary`, service: 'strategic' },
      { name: 'portfolio heatmap', url: `${s}/portfolio/compliance/heatmap`, service: 'strategic' },
      { name: 'portfolio page of 100 rows', url: `${s}/portfolio/compliance/rows?limit=100`, service: 'strategic' },
      { name: 'portfolio summary as of a past instant', url: `${s}/portfolio/compliance/summary?asOf=${past}`, service: 'strategic' },
      { name: 'portfolio page of 100 as of a past instant', url: `${s}/portfolio/compliance/rows?limit=100&asOf=${past}`, service: 'strategic' },
      { name: 'program-pmo GET /health/live (floor)', url: `${p}/health/live`, service: 'program', floor: true },
      { name: 'program summary', url: `${p}/programs/${program}/compliance/summary`, service: 'program' },
      { name: 'program page of 100 rows', url: `${p}/programs/${program}/compliance/rows?limit=100`, service: 'program' },
      { name: 'program summary as of a past instant', url: `${p}/programs/${program}/compliance/summary?asOf=${past}`, service: 'program' },
    ];
    const peakRssMb = { program: rssMb(services.pids.program), strategic: rssMb(services.pids.strategic) };
    const sampleRss = (running: HttpServices) => {
      peakRssMb.program = Math.max(peakRssMb.program, rssMb(running.pids.program));
      peakRssMb.strategic = Math.max(peakRssMb.strategic, rssMb(running.pids.strategic));
    };
    // Each answer's bytes on the wire as a browser asks for it, and the compression levels' cost on the kept ones.
    const wire: WireSize[] = [];
    const gzipLevels: GzipLevel[] = [];
    for (const endpoint of endpoints.filter((e) => !e.floor)) {
      const { size, plain } = await wireSizeOf(endpoint.name, endpoint.url, await strategicAdminToken());
      wire.push(size);
      if (size.encoding === 'gzip') gzipLevels.push(...gzipLevelsOf(endpoint.name, plain, GZIP_LEVELS));
    }
    // Where each closed-loop run's CPU went, per answered request: the serving process, PostgreSQL, the load generator.
    const processes = { bench: process.pid, 'program-pmo': services.pids.program, 'strategic-pmo': services.pids.strategic };
    const runs: LoadRun[] = [];
    for (const connections of options.connections) {
      for (const endpoint of endpoints) {
        progress(`${endpoint.name}, ${connections} clients, ${options.seconds} s`);
        // A token per run: a full run outlasts one token's lifetime.
        runs.push(await loadEndpoint(endpoint.name, endpoint.url, await strategicAdminToken(), connections, options.seconds, processes));
        sampleRss(services);
      }
    }
    for (const endpoint of endpoints) {
      progress(`${endpoint.name}, paced at ${options.pacedRate}/s (open loop, at most 10 connections), ${options.seconds} s`);
      runs.push(await pacedLoad(endpoint.name, endpoint.url, await strategicAdminToken(), 10, options.seconds, options.pacedRate));
      sampleRss(services);
    }
    const csv: (CsvRun | { endpoint: string; failed: string })[] = [];
    const exports = [
      { endpoint: 'portfolio export, everything', url: `${s}/portfolio/compliance/export`, pid: services.pids.strategic },
      { endpoint: 'program export, one program', url: `${p}/programs/${program}/compliance/export`, pid: services.pids.program },
    ];
    for (const { endpoint, url, pid } of exports) {
      progress(endpoint);
      // A failed export is a result too (the load figures above still stand): it is written down, not thrown.
      csv.push(await exportCsv(endpoint, url, await strategicAdminToken(), pid).catch((error: unknown) => ({ endpoint, failed: String(error) })));
    }
    sampleRss(services);
    for (const run of csv) {
      if (!('peakRssMb' in run)) continue;
      const service = run.endpoint.startsWith('portfolio') ? 'strategic' : 'program';
      peakRssMb[service] = Math.max(peakRssMb[service], run.peakRssMb);
    }
    progress('the bare NestJS process (the floor of memory), under the same clients');
    // A floor that fails to start is written down, not thrown: the figures above still stand.
    const bare = await bareNestMemory(ROOT, memoryDir, options.connections, options.seconds).catch((error: unknown) => {
      progress(`the bare NestJS process failed: ${String(error)}`);
      return { runs: [], memory: undefined };
    });
    const memory = {
      program: memoryOf(memoryDir, services.pids.program),
      strategic: memoryOf(memoryDir, services.pids.strategic),
      bare: bare.memory,
    };
    const results: PortfolioBenchResults = {
      date: new Date().toISOString().slice(0, 10),
      machine: machineFacts(ROOT, await postgresVersion(options.services)),
      size: { programs: options.programs, projects: options.projects, standards: options.standards, rows: portfolio.rows },
      build: { built: portfolio.built, seconds: portfolio.buildSeconds, models: portfolio.models },
      settings: {
        built: options.built,
        seconds: options.seconds,
        connections: options.connections,
        pacedRate: options.pacedRate,
        pastInstant: past,
        tag: BENCH_TAG,
      },
      floors: Object.fromEntries(endpoints.filter((e) => e.floor).map((e) => [e.service, e.name])),
      services: Object.fromEntries(endpoints.map((e) => [e.name, e.service])),
      wire,
      gzipLevels,
      runs,
      csv,
      peakRssMb,
      memory,
      bareRuns: bare.runs,
    };
    process.stdout.write('\n' + portfolioMarkdownOf(results) + '\n');
    progress(`results written to ${writePortfolioResults(ROOT, results)} and bench/results/portfolio-latest.md`);
  } finally {
    progress('stopping the services');
    await services?.stop().catch((error: unknown) => progress(`stopping the services failed: ${String(error)}`));
    if (options.drop) {
      await withAdminClient(options.services, async (client) => {
        for (const name of Object.values(httpBenchDatabases(options.services))) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    }
  }
}

// An instant the built rows hold at, in the past: "as of" reads stored intervals (the GiST index), not "now".
async function pastInstant(services: HttpServices): Promise<string> {
  const [{ at }] = await services.query<{ at: Date }>('strategic', `SELECT max(lower(valid)) + interval '1 second' AS at FROM portfolio_compliance_intervals`);
  return encodeURIComponent(at.toISOString());
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`portfolio bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
