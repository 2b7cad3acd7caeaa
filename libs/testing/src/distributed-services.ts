import { Client } from 'pg';
import { LOCAL_INFRASTRUCTURE, serviceDatabaseRole } from './infrastructure';
import { buildServices, runProductionBuild } from './production-build';
import { freePort, runTypeScript, waitUntilReady, type RunningProcess } from './service-processes';

export type ServiceKey = 'strategic' | 'program' | 'project';

/** The three services as separate processes on the real Kafka, PostgreSQL and Keycloak of deploy/local. */
export interface DistributedServices {
  /** The first replica of each service. */
  urls: Record<ServiceKey, string>;
  /** Every replica of each service. */
  replicaUrls: Record<ServiceKey, string[]>;
  databases: Record<ServiceKey, string>;
  /** Runs one query in a service's database. */
  query<T>(service: ServiceKey, sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Stops a service's (first) process and starts it again with the same settings; resolves when the new process
   * is spawned. With SIGKILL the process is killed as a crash would end it, mid-transaction and mid-batch.
   */
  restart(service: ServiceKey, signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Stops the three processes; their exit codes. */
  stop(): Promise<(number | null)[]>;
}

/**
 * Starts them on free ports with fresh databases (`<label>_<service>_<suffix>`) and consumer groups of
 * their own, so that runs on one machine never meet. Fresh groups start at the end of the topics, so a
 * run does not depend on what earlier runs left there. Each database is migrated by the owner; each service
 * serves as its least-privilege role. With `replicas` > 1 each service runs as that many processes at once on
 * the same database and consumer group, as an orchestrator's replicas do. With `from: 'production-build'` the
 * services run from their production build (made first when missing or out of date), as their images start them;
 * by default from their TypeScript, compiled as they load.
 */
export async function startDistributedServices(
  label: string,
  suffix: string,
  options: { replicas?: number; from?: 'typescript' | 'production-build' } = {},
): Promise<DistributedServices> {
  const keys: ServiceKey[] = ['strategic', 'program', 'project'];
  const replicas = options.replicas ?? 1;
  if (options.from === 'production-build') await buildServices(keys.map((key) => `${key}-pmo` as const));
  const runService = (key: ServiceKey, env: NodeJS.ProcessEnv, logName: string, args: readonly string[] = []) =>
    options.from === 'production-build'
      ? runProductionBuild(`${key}-pmo`, env, logName, args)
      : runTypeScript(`apps/${key}-pmo/src/main.ts`, env, logName, args);
  const ports = Object.fromEntries(
    await Promise.all(keys.map(async (key) => [key, await Promise.all(Array.from({ length: replicas }, () => freePort()))] as const)),
  ) as Record<ServiceKey, number[]>;
  const replicaUrls = Object.fromEntries(keys.map((key) => [key, ports[key].map((port) => `http://127.0.0.1:${port}`)])) as Record<ServiceKey, string[]>;
  const urls = Object.fromEntries(keys.map((key) => [key, replicaUrls[key][0]])) as Record<ServiceKey, string>;
  const databases = Object.fromEntries(keys.map((key) => [key, `${label}_${key}_${suffix}`])) as Record<ServiceKey, string>;
  const env: NodeJS.ProcessEnv = {
    PMO_TRANSPORT: 'kafka',
    PMO_KAFKA_BROKERS: LOCAL_INFRASTRUCTURE.kafkaBrokers.join(','),
    PMO_DB_PORT: String(LOCAL_INFRASTRUCTURE.db.port),
    PMO_KEYCLOAK_URL: LOCAL_INFRASTRUCTURE.keycloakUrl,
    PMO_CONSUMER_GROUP_SUFFIX: `-${label}-${suffix}`,
    PMO_CONSUMER_FROM_BEGINNING: 'false',
    PMO_CONTROLLABLE_CLOCK: 'true',
    STRATEGIC_PMO_DB_NAME: databases.strategic,
    PROGRAM_PMO_DB_NAME: databases.program,
    PROJECT_PMO_DB_NAME: databases.project,
  };
  // As in production: each service's migrate step runs as the owner and grants its role, then it serves as that role.
  await Promise.all(
    keys.map(async (key) => {
      const migration = runService(key, { ...env, PMO_DB_APP_ROLE: serviceDatabaseRole(`${key}-pmo`).user }, `${label}-${key}-pmo-migrate`, ['migrate']);
      const code = await migration.exited;
      if (code !== 0) throw new Error(`${key}-pmo migrate exited with ${code}: see .pmo/logs/tests/${label}-${key}-pmo-migrate.log`);
    }),
  );
  const portVariable = (key: ServiceKey) => `${key.toUpperCase()}_PMO_PORT`;
  let runs = 0;
  const start = (key: ServiceKey, replica: number) => {
    const role = serviceDatabaseRole(`${key}-pmo`);
    const serving = { ...env, PMO_DB_USER: role.user, PMO_DB_PASSWORD: role.password, PMO_DB_MIGRATE_ON_START: 'false' };
    return runService(key, { ...serving, [portVariable(key)]: String(ports[key][replica]) }, `${label}-${key}-pmo-${replica}-${runs++}`);
  };
  const processes = Object.fromEntries(keys.map((key) => [key, ports[key].map((_, replica) => start(key, replica))])) as Record<ServiceKey, RunningProcess[]>;
  await Promise.all(keys.flatMap((key) => replicaUrls[key]).map((url) => waitUntilReady(url, 120_000)));
  return {
    urls,
    replicaUrls,
    databases,
    async query<T>(service: ServiceKey, sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new Client({ ...LOCAL_INFRASTRUCTURE.db, database: databases[service] });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async restart(service: ServiceKey, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
      await processes[service][0].stop(signal);
      processes[service][0] = start(service, 0);
    },
    stop: () => Promise.all(keys.flatMap((key) => processes[key]).map((p) => p.stop())),
  };
}
