import type { DatabaseSettings } from '@pmo/persistence';

/** Where the servers started by `deploy/local/up` listen (the same defaults as `.pmo/env`). */
export const LOCAL_INFRASTRUCTURE = {
  db: {
    host: process.env.PMO_DB_HOST ?? '127.0.0.1',
    port: Number(process.env.PMO_DB_PORT ?? 55432),
    user: process.env.PMO_DB_USER ?? 'postgres',
    password: process.env.PMO_DB_PASSWORD ?? 'postgres',
  },
  kafkaBrokers: (process.env.PMO_KAFKA_BROKERS ?? '127.0.0.1:59092').split(','),
  keycloakUrl: process.env.PMO_KEYCLOAK_URL ?? 'http://127.0.0.1:58080',
} as const;

/** Settings for a database of that server (created on first use by the code under test). */
export function localDatabase(database: string): DatabaseSettings {
  return { ...LOCAL_INFRASTRUCTURE.db, database, poolSize: 5 };
}
