import type { INestApplication } from '@nestjs/common';
import { EVENT_CATALOG, buildEvent, eventSourceOf, type PmoEventMap, type PmoEventType, type PmoService } from '@pmo/contracts';
import { serviceRuntimeFromEnv, type ServiceRuntime } from '@pmo/http';
import { toBinaryMessage } from '@pmo/messaging';
import { DataSource } from 'typeorm';
import { LOCAL_INFRASTRUCTURE } from './infrastructure';

/** One service running in the test's process, on the in-process transport and a database of its own. */
export interface ServiceAlone {
  url: string;
  database: string;
  /** The service's own data source (its pool), for what a test must do behind the API. */
  dataSource: DataSource;
  /** Publishes an event into the service, as if the service that owns its type had sent it. */
  publish<T extends PmoEventType>(type: T, data: PmoEventMap[T]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a service alone on the real PostgreSQL of deploy/local, in a fresh database `<database>`, on a free
 * port, with real Keycloak tokens and the in-process transport. `env` adds or overrides variables
 * (`PMO_DB_POOL_SIZE`, say); `start` is the service's own bootstrap (`startProgramPmo`).
 */
export async function startServiceAlone(
  serviceName: PmoService,
  database: string,
  start: (runtime: ServiceRuntime) => Promise<INestApplication>,
  env: NodeJS.ProcessEnv = {},
): Promise<ServiceAlone> {
  const prefix = serviceName.toUpperCase().replace(/-/g, '_');
  const runtime = serviceRuntimeFromEnv(serviceName, 0, {
    PMO_DB_HOST: LOCAL_INFRASTRUCTURE.db.host,
    PMO_DB_PORT: String(LOCAL_INFRASTRUCTURE.db.port),
    PMO_DB_USER: LOCAL_INFRASTRUCTURE.db.user,
    PMO_DB_PASSWORD: LOCAL_INFRASTRUCTURE.db.password,
    PMO_KEYCLOAK_URL: LOCAL_INFRASTRUCTURE.keycloakUrl,
    PMO_TRANSPORT: 'in-process',
    PMO_LOG_LEVEL: 'fatal',
    [`${prefix}_DB_NAME`]: database,
    ...env,
  });
  const app = await start(runtime);
  return {
    url: await app.getUrl(),
    database,
    dataSource: app.get(DataSource),
    publish: (type, data) => runtime.transport.publish([toBinaryMessage(buildEvent({ type, source: eventSourceOf(EVENT_CATALOG[type].owner), data }))]),
    stop: async () => {
      await app.close();
      await runtime.transport.close();
    },
  };
}
