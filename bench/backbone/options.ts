import { randomBytes } from 'node:crypto';
import { benchFlagsFrom, type BenchFlagValues } from '../options';

/** What one bench run does, from `npm run bench:backbone -- --events 20000 ...`. */
export interface BenchOptions {
  /** Events (messages, rows) per throughput measurement. */
  events: number;
  /** registerProgram calls in flight: one throughput run for each level, in this order. */
  concurrency: number[];
  /** Rate and duration of the paced latency run. */
  pacedRate: number;
  pacedSeconds: number;
  /** Connections of the pg floor and of each service's pool (PMO_DB_POOL_SIZE). */
  poolSize: number;
  /** Unique part of every database, topic and consumer group the run creates. */
  suffix: string;
  kafkaBrokers: string[];
  db: { host: string; port: number; user: string; password: string };
}

// Group commit writes more per transaction the more calls wait: the load is measured at two levels.
export const BACKBONE_FLAGS = {
  events: { kind: 'integer', default: 20_000 },
  concurrency: { kind: 'integers', default: [16, 64] },
  'paced-rate': { kind: 'integer', default: 1_000 },
  'paced-seconds': { kind: 'integer', default: 10 },
  'pool-size': { kind: 'integer', default: 10 },
} as const;

/** Reads its flags with the benches' one parser; throws naming every bad flag. */
export function benchOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  return backboneOptionsOf(benchFlagsFrom(argv, BACKBONE_FLAGS), env);
}

/** The backbone bench's options from its flags' values (read alone, or with the HTTP bench's own). */
export function backboneOptionsOf(flags: BenchFlagValues<typeof BACKBONE_FLAGS>, env: NodeJS.ProcessEnv): BenchOptions {
  return {
    events: flags.events,
    concurrency: flags.concurrency,
    pacedRate: flags['paced-rate'],
    pacedSeconds: flags['paced-seconds'],
    // 10 is the platform's own default (PMO_DB_POOL_SIZE in libs/persistence).
    poolSize: flags['pool-size'],
    suffix: randomBytes(4).toString('hex'),
    kafkaBrokers: (env.PMO_KAFKA_BROKERS ?? '127.0.0.1:59092').split(',').map((b) => b.trim()),
    db: {
      host: env.PMO_DB_HOST ?? '127.0.0.1',
      port: Number(env.PMO_DB_PORT ?? 55432),
      user: env.PMO_DB_USER ?? 'postgres',
      password: env.PMO_DB_PASSWORD ?? 'postgres',
    },
  };
}
