/**
 * Backbone bench: the floor (raw kafkajs, raw pg) and the platform (program-pmo → outbox → relay → Kafka →
 * strategic-pmo inbox + read model) measured in one run on the same broker and database.
 * Usage: npm run bench:backbone -- [--events 20000] [--concurrency 16,64] [--paced-rate 1000] [--paced-seconds 10] [--pool-size 10]
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { dropBenchDatabases, postgresVersion } from './databases';
import { registerAtRate, registerWithConcurrency, waitUntilApplied } from './drive';
import { endToEndOf } from './end-to-end';
import { benchKafka, measureKafkaFloor } from './kafka-floor';
import { benchOptionsFrom, type BenchOptions } from './options';
import { measurePgFloor } from './pg-floor';
import { benchTopicPrefix, startBenchPlatform, type BenchPlatform } from './platform';
import { machineFacts, markdownOf, writeResults, type BenchResults, type ThroughputRun } from './report';
import { perSecond } from './stats';

const ROOT = resolve(__dirname, '../..');
const WARM_UP_EVENTS = 500;
const APPLY_TIMEOUT_MS = 180_000;

const progress = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const options = benchOptionsFrom(process.argv.slice(2), process.env);
  const kafka = benchKafka(options);
  let platform: BenchPlatform | undefined;
  try {
    progress(`run ${options.suffix}: pg floor, ${options.events} single-row INSERTs on ${options.poolSize} connections`);
    const pg = await measurePgFloor(options);
    progress(`kafka floor, ${options.events} messages produced and consumed`);
    const kafkaFloor = await measureKafkaFloor(options, kafka);

    progress('starting strategic-pmo and program-pmo on Kafka');
    platform = await startBenchPlatform(options);
    await warmUp(platform, options);
    const throughput: ThroughputRun[] = [];
    for (const concurrency of options.concurrency) {
      progress(`platform throughput, ${options.events} registerProgram calls, ${concurrency} in flight`);
      throughput.push(await throughputRun(platform, options, concurrency));
    }
    const pacedEvents = options.pacedRate * options.pacedSeconds;
    progress(`paced run, ${pacedEvents} events at ${options.pacedRate}/s`);
    const paced = await pacedRun(platform, options, pacedEvents);

    const lowerFloor = Math.min(kafkaFloor.endToEndMsgsPerSec, pg.rowsPerSec);
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      suffix: options.suffix,
      machine: machineFacts(ROOT, await postgresVersion(options)),
      settings: { events: options.events, concurrency: options.concurrency, poolSize: options.poolSize, pacedRate: options.pacedRate, pacedEvents },
      floor: { kafka: kafkaFloor, pg },
      platform: throughput.map((run) => ({
        ...run,
        ratioToKafkaFloor: run.eventsPerSec / kafkaFloor.endToEndMsgsPerSec,
        ratioToPgFloor: run.eventsPerSec / pg.rowsPerSec,
      })),
      paced,
      targets: {
        throughputThirdOfFloorAt: throughput.filter((run) => run.eventsPerSec * 3 >= lowerFloor).map((run) => run.concurrency),
        pacedP99Under250Ms: paced.latencyMs.p99 < 250,
      },
    };
    process.stdout.write('\n' + markdownOf(results) + '\n');
    progress(`results written to ${writeResults(ROOT, results)} and bench/results/backbone-latest.md`);
  } finally {
    await cleanUp(options, kafka, platform);
  }
}

/** JIT, pools and the consumer's first fetch settle before anything is timed. */
async function warmUp(platform: BenchPlatform, options: BenchOptions): Promise<void> {
  const prefix = `bench-${options.suffix}-warm`;
  await registerWithConcurrency(platform, prefix, WARM_UP_EVENTS, Math.max(...options.concurrency));
  await waitUntilApplied(platform, prefix, WARM_UP_EVENTS, APPLY_TIMEOUT_MS);
}

async function throughputRun(platform: BenchPlatform, options: BenchOptions, concurrency: number): Promise<ThroughputRun> {
  const prefix = `bench-${options.suffix}-load-${concurrency}`;
  const started = performance.now();
  const ids = await registerWithConcurrency(platform, prefix, options.events, concurrency);
  // How fast program-pmo alone commits (program + outbox + audit): tells a slow writer from a slow pipeline.
  const writesPerSec = perSecond(options.events, performance.now() - started);
  await waitUntilApplied(platform, prefix, options.events, APPLY_TIMEOUT_MS);
  return { concurrency, ...(await endToEndOf(platform, ids)), writesPerSec };
}

async function pacedRun(platform: BenchPlatform, options: BenchOptions, events: number): Promise<BenchResults['paced']> {
  const prefix = `bench-${options.suffix}-paced`;
  const { ids, startedPerSec } = await registerAtRate(platform, prefix, events, options.pacedRate);
  await waitUntilApplied(platform, prefix, events, APPLY_TIMEOUT_MS);
  return { ...(await endToEndOf(platform, ids)), offeredPerSec: options.pacedRate, startedPerSec };
}

/** Leaves nothing behind: the apps, the bench databases, the run's topics (floor and platform) and its consumer groups. */
async function cleanUp(options: BenchOptions, kafka: ReturnType<typeof benchKafka>, platform: BenchPlatform | undefined): Promise<void> {
  progress('cleaning up');
  const groups = [`bench-floor-${options.suffix}`, ...(platform?.consumerGroups ?? [])];
  await platform?.close().catch((error: unknown) => progress(`closing the services failed: ${String(error)}`));
  await dropBenchDatabases(options).catch((error: unknown) => progress(`dropping the bench databases failed: ${String(error)}`));
  const admin = kafka.admin();
  try {
    await admin.connect();
    const ours = (await admin.listTopics()).filter((topic) => topic.startsWith(benchTopicPrefix(options)));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
    await admin.deleteGroups(groups).catch(() => undefined); // a group that never committed does not exist
  } catch (error) {
    progress(`deleting the bench topics failed: ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`backbone bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
