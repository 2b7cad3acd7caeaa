import { randomBytes } from 'node:crypto';

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

const FLAGS = { events: 20_000, 'paced-rate': 1_000, 'paced-seconds': 10, 'pool-size': 10 } as const;
type Flag = keyof typeof FLAGS;
// Group commit writes more per transaction the more calls wait: the load is measured at two levels.
const DEFAULT_CONCURRENCY = [16, 64];

/** Reads `--flag value` pairs; throws naming every bad flag. */
export function benchOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const values = new Map<Flag, number>(Object.entries(FLAGS) as [Flag, number][]);
  let concurrency = DEFAULT_CONCURRENCY;
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '') as Flag;
    const value = Number(argv[i + 1]);
    if (argv[i] === '--concurrency') {
      concurrency = (argv[i + 1] ?? '').split(',').map(Number);
      if (!concurrency.every((level) => Number.isInteger(level) && level > 0))
        problems.push(`--concurrency must be positive integers separated by commas, got ${argv[i + 1]}`);
    } else if (!(name in FLAGS)) problems.push(`unknown flag ${argv[i]} (known: ${['--concurrency', ...Object.keys(FLAGS).map((f) => `--${f}`)].join(', ')})`);
    else if (!Number.isInteger(value) || value < 1) problems.push(`--${name} must be a positive integer, got ${argv[i + 1]}`);
    else values.set(name, value);
  }
  if (problems.length) throw new Error(`Invalid arguments: ${problems.join('; ')}`);
  const flag = (name: Flag) => values.get(name) ?? FLAGS[name];
  return {
    events: flag('events'),
    concurrency,
    pacedRate: flag('paced-rate'),
    pacedSeconds: flag('paced-seconds'),
    // 10 is the platform's own default (PMO_DB_POOL_SIZE in libs/persistence).
    poolSize: flag('pool-size'),
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
