import { Client } from 'pg';
import { LOCAL_INFRASTRUCTURE } from './infrastructure';
import { freePort, runTypeScript, waitUntilReady, type RunningProcess } from './service-processes';

export type ServiceKey = 'strategic' | 'program' | 'project';

/** The three services as separate processes on the real Kafka, PostgreSQL and Keycloak of deploy/local. */
export interface DistributedServices {
  urls: Record<ServiceKey, string>;
  databases: Record<ServiceKey, string>;
  /** Runs one query in a service's database. */
  query<T>(service: ServiceKey, sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops one service's process and starts it again with the same settings; resolves when the new process is spawned. */
  restart(service: ServiceKey): Promise<void>;
  /** Stops the three processes; their exit codes. */
  stop(): Promise<(number | null)[]>;
}

/**
 * Starts them on free ports with fresh databases (`<label>_<service>_<suffix>`) and consumer groups of
 * their own, so that runs on one machine never meet. Fresh groups start at the end of the topics, so a
 * run does not depend on what earlier runs left there.
 */
export async function startDistributedServices(label: string, suffix: string): Promise<DistributedServices> {
  const keys: ServiceKey[] = ['strategic', 'program', 'project'];
  const ports = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await freePort()] as const))) as Record<ServiceKey, number>;
  const urls = Object.fromEntries(keys.map((key) => [key, `http://127.0.0.1:${ports[key]}`])) as Record<ServiceKey, string>;
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
    STRATEGIC_PMO_PORT: String(ports.strategic),
    PROGRAM_PMO_PORT: String(ports.program),
    PROJECT_PMO_PORT: String(ports.project),
  };
  const start = (key: ServiceKey, run = 0) => runTypeScript(`apps/${key}-pmo/src/main.ts`, env, `${label}-${key}-pmo${run > 0 ? `-${run}` : ''}`);
  const processes = Object.fromEntries(keys.map((key) => [key, start(key)])) as Record<ServiceKey, RunningProcess>;
  let restarts = 0;
  await Promise.all(Object.values(urls).map((url) => waitUntilReady(url, 120_000)));
  return {
    urls,
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
    async restart(service: ServiceKey): Promise<void> {
      await processes[service].stop();
      processes[service] = start(service, ++restarts);
    },
    stop: () => Promise.all(keys.map((key) => processes[key].stop())),
  };
}
