import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { BenchOptions } from '../options';
import { sleep } from '../stats';
import type { HttpBenchOptions } from './options';

/** program-pmo and strategic-pmo as the distributed mode runs them: each its own process, its telemetry on. */
export interface HttpServices {
  programUrl: string;
  strategicUrl: string;
  /** One query in a service's database. */
  query<T>(service: 'program' | 'strategic', sql: string, params?: unknown[]): Promise<T[]>;
  consumerGroups: string[];
  /** Process ids, for reading each service's memory. */
  pids: { program: number; strategic: number };
  stop(): Promise<void>;
}

export function httpBenchDatabases(options: BenchOptions) {
  return { program: `bench_http_program_${options.suffix}`, strategic: `bench_http_strategic_${options.suffix}` };
}

/** How the service processes start: `preload`, modules each loads first (`-r`); `built`, from the compiled tree. */
export interface ServiceProcesses {
  preload?: readonly string[];
  /**
   * Run `dist/apps/<service>/apps/<service>/src/main.js` (`nx build`) with plain Node, as the images do, instead of
   * the sources through the TypeScript loader (which brings the TypeScript compiler and swc into each process).
   */
  built?: boolean;
}

export async function startHttpServices(root: string, options: HttpBenchOptions, processes: ServiceProcesses = {}): Promise<HttpServices> {
  const databases = httpBenchDatabases(options);
  const ports = { strategic: await freePort(), program: await freePort() };
  // A group of its own per run: a portfolio's databases are reused, and a group of the same name would resume
  // where the last run left and apply what tests published on the shared topics meanwhile.
  const groupSuffix = `-bench-http-${options.suffix}-${Date.now().toString(36)}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PMO_TRANSPORT: 'kafka',
    PMO_KAFKA_BROKERS: options.kafkaBrokers.join(','),
    PMO_DB_HOST: options.db.host,
    PMO_DB_PORT: String(options.db.port),
    PMO_DB_USER: options.db.user,
    PMO_DB_PASSWORD: options.db.password,
    PMO_DB_POOL_SIZE: String(options.poolSize),
    // A fresh group on the shared topics: only events from now on, which are the run's.
    PMO_CONSUMER_FROM_BEGINNING: 'false',
    PMO_CONSUMER_GROUP_SUFFIX: groupSuffix,
    PMO_RELAY_BATCH_SIZE: String(options.relayBatchSize),
    PMO_RELAY_LINGER_MS: String(options.relayLingerMs),
    STRATEGIC_PMO_DB_NAME: databases.strategic,
    PROGRAM_PMO_DB_NAME: databases.program,
    STRATEGIC_PMO_PORT: String(ports.strategic),
    PROGRAM_PMO_PORT: String(ports.program),
    PMO_LOG_LEVEL: process.env.PMO_LOG_LEVEL ?? 'warn',
  };
  const logDir = join(root, '.pmo/logs/bench');
  mkdirSync(logDir, { recursive: true });
  const run = (service: string): ChildProcess => {
    const preload = (processes.preload ?? []).flatMap((module) => ['-r', module]);
    const main = processes.built
      ? [...preload, join(root, `dist/apps/${service}/apps/${service}/src/main.js`)]
      : ['-r', '@swc-node/register', ...preload, join(root, `apps/${service}/src/main.ts`)];
    const child = spawn(process.execPath, main, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(logDir, `http-${options.suffix}-${service}.log`));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return child;
  };
  // strategic-pmo first: its group joins before program-pmo publishes anything.
  const strategic = run('strategic-pmo');
  const strategicUrl = `http://127.0.0.1:${ports.strategic}`;
  await waitUntilReady(strategicUrl, strategic);
  const program = run('program-pmo');
  const programUrl = `http://127.0.0.1:${ports.program}`;
  await waitUntilReady(programUrl, program);
  return {
    programUrl,
    strategicUrl,
    pids: { program: program.pid ?? 0, strategic: strategic.pid ?? 0 },
    consumerGroups: ['strategic-pmo', 'program-pmo'].map((service) => `${service}${groupSuffix}`),
    async query<T>(service: 'program' | 'strategic', sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new Client({ ...options.db, database: databases[service] });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      await Promise.all([program, strategic].map(stopProcess));
    },
  };
}

/** Ready with the broker up: its database answers and its consumer has joined (a fresh group starts at the topics' end). */
async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the service exited with ${child.exitCode} (see .pmo/logs/bench)`);
    const status = await fetch(`${url}/health/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200 && (await brokerUp(url))) return;
    if (performance.now() > deadline) throw new Error(`${url} not ready after 180 s`);
    await sleep(250);
  }
}

async function brokerUp(url: string): Promise<boolean> {
  const body = (await (await fetch(`${url}/health/ready`)).json()) as { details?: { broker?: { status?: string } } };
  return body.details?.broker?.status === 'up';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
