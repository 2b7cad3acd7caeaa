/**
 * Backbone bench over HTTP: program-pmo and strategic-pmo as separate processes on Kafka with their
 * telemetry on, registrations sent as HTTP requests (each its own trace) at paced rates; commit → applied
 * against a raw floor of the same hop at the same rate, measured in the same run.
 * Usage: npm run bench:backbone:http -- [--rates 100,500] [--seconds 20] [--relay-batch-size 500] [--relay-linger-ms 5] [--pool-size 10]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { cpuAccounting } from '../../cpu';
import { postgresVersion, withAdminClient } from '../databases';
import { benchKafka } from '../kafka-floor';
import { machineFacts } from '../report';
import { sleep } from '../stats';
import { httpEndToEndOf } from './end-to-end';
import { latencyFloorDatabase, latencyFloorTopic, measureLatencyFloor } from './latency-floor';
import { registerOverHttp } from './load';
import { httpBenchOptionsFrom, type HttpBenchOptions } from './options';
import { strategicAdminToken } from './token';
import { httpMarkdownOf, writeHttpResults, type HttpBenchResults, type HttpRateRun } from './report';
import { httpBenchDatabases, startHttpServices, type HttpServices } from './services';

const ROOT = resolve(__dirname, '../../..');
const WARM_UP = { rate: 50, count: 300 };
const APPLY_TIMEOUT_MS = 180_000;

const progress = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const options = httpBenchOptionsFrom(process.argv.slice(2), process.env);
  const kafka = benchKafka(options);
  let services: HttpServices | undefined;
  try {
    const token = await strategicAdminToken();
    progress(`run ${options.suffix}: starting strategic-pmo and program-pmo as processes on Kafka`);
    services = await startHttpServices(ROOT, options);
    progress(`warm-up, ${WARM_UP.count} registrations at ${WARM_UP.rate}/s`);
    await paced(services, token, `bench-${options.suffix}-warm`, WARM_UP.count, WARM_UP.rate);
    const runs: HttpRateRun[] = [];
    for (const rate of options.rates) {
      const count = rate * options.seconds;
      progress(`floor at ${rate}/s, ${count} events`);
      const floor = await measureLatencyFloor(options, kafka, rate, count);
      progress(`platform at ${rate}/s, ${count} POST /programs`);
      const before = loadavg()[0];
      const cpu = cpuAccounting({ bench: process.pid, 'program-pmo': services.pids.program, 'strategic-pmo': services.pids.strategic });
      const { ids, ...load } = await paced(services, token, `bench-${options.suffix}-${rate}`, count, rate);
      const loadAverage = { before, after: loadavg()[0] };
      const cpuUse = cpu.end();
      const platform = await httpEndToEndOf(services, ids);
      runs.push({ rate, floor, load, platform, p99RatioToFloor: platform.commitToAppliedMs.p99 / floor.latencyMs.p99, loadAverage, cpu: cpuUse });
    }
    const at500 = runs.find((run) => run.rate === 500);
    const results: HttpBenchResults = {
      date: new Date().toISOString().slice(0, 10),
      suffix: options.suffix,
      machine: machineFacts(ROOT, await postgresVersion(options)),
      settings: { seconds: options.seconds, poolSize: options.poolSize, relayBatchSize: options.relayBatchSize, relayLingerMs: options.relayLingerMs },
      runs,
      aimP99Under250MsAt500: at500 ? at500.platform.commitToAppliedMs.p99 < 250 : 'not run',
    };
    process.stdout.write('\n' + httpMarkdownOf(results) + '\n');
    progress(`results written to ${writeHttpResults(ROOT, results)} and bench/results/backbone-http-latest.md`);
  } finally {
    await cleanUp(options, kafka, services);
  }
}

async function paced(services: HttpServices, token: string, prefix: string, count: number, rate: number) {
  const load = await registerOverHttp(services.programUrl, token, prefix, count, rate);
  await waitUntilApplied(services, prefix, load.ids.length);
  return load;
}

async function waitUntilApplied(services: HttpServices, prefix: string, count: number): Promise<void> {
  const deadline = performance.now() + APPLY_TIMEOUT_MS;
  for (;;) {
    const [{ applied }] = await services.query<{ applied: number }>('strategic', `SELECT count(*)::int AS applied FROM portfolio_programs WHERE name LIKE $1`, [
      `${prefix}-%`,
    ]);
    if (applied >= count) return;
    if (performance.now() > deadline) throw new Error(`only ${applied} of ${count} ${prefix} events reached strategic-pmo within ${APPLY_TIMEOUT_MS} ms`);
    await sleep(100);
  }
}

/** Leaves nothing behind: the processes, the run's databases, its floor topics and its consumer groups. */
async function cleanUp(options: HttpBenchOptions, kafka: ReturnType<typeof benchKafka>, services: HttpServices | undefined): Promise<void> {
  progress('cleaning up');
  await services?.stop().catch((error: unknown) => progress(`stopping the services failed: ${String(error)}`));
  await withAdminClient(options, async (client) => {
    for (const name of [...Object.values(httpBenchDatabases(options)), latencyFloorDatabase(options)])
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }).catch((error: unknown) => progress(`dropping the bench databases failed: ${String(error)}`));
  const admin = kafka.admin();
  try {
    await admin.connect();
    const floorTopics = options.rates.map((rate) => latencyFloorTopic(options, rate));
    const existing = new Set(await admin.listTopics());
    const ours = floorTopics.filter((topic) => existing.has(topic));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
    await admin.deleteGroups([...(services?.consumerGroups ?? []), ...floorTopics.map((topic) => `${topic}-group`)]).catch(() => undefined);
  } catch (error) {
    progress(`deleting the bench topics failed: ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`backbone HTTP bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
