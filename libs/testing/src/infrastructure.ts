import type { PmoService } from '@pmo/contracts';
import type { KafkaCredentials } from '@pmo/messaging';
import type { DatabaseSettings } from '@pmo/persistence';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { Client } from 'pg';

// Kafka users from `.pmo/env` (deploy/local/up generates them); none when the broker takes anyone.
function kafkaUser(username: string | undefined, password: string | undefined): KafkaCredentials | undefined {
  const mechanism = process.env.PMO_KAFKA_SASL_MECHANISM;
  if (!username || !password || (mechanism !== 'scram-sha-512' && mechanism !== 'scram-sha-256')) return undefined;
  return { mechanism, username, password };
}

/** Where the servers started by `deploy/local/up` listen (the same defaults as `.pmo/env`). */
export const LOCAL_INFRASTRUCTURE = {
  db: {
    host: process.env.PMO_DB_HOST ?? '127.0.0.1',
    port: Number(process.env.PMO_DB_PORT ?? 55432),
    user: process.env.PMO_DB_USER ?? 'postgres',
    password: process.env.PMO_DB_PASSWORD ?? 'postgres',
  },
  kafkaBrokers: (process.env.PMO_KAFKA_BROKERS ?? '127.0.0.1:59092').split(','),
  /** The broker's super user: for a test's administrative steps and for reading topics from outside. */
  kafkaAdmin: kafkaUser(process.env.PMO_KAFKA_ADMIN_USERNAME ?? 'admin', process.env.PMO_KAFKA_ADMIN_PASSWORD),
  keycloakUrl: process.env.PMO_KEYCLOAK_URL ?? 'http://127.0.0.1:58080',
} as const;

/** Settings for a database of that server (created on first use by the code under test). */
export function localDatabase(database: string): DatabaseSettings {
  return { ...LOCAL_INFRASTRUCTURE.db, database, poolSize: 5 };
}

/** Drops a database a test created on that server. */
export async function dropLocalDatabase(settings: DatabaseSettings): Promise<void> {
  const client = new Client({ ...settings, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`DROP DATABASE "${settings.database}"`);
  } finally {
    await client.end();
  }
}

/**
 * A service's least-privilege PostgreSQL login (`<SERVICE>_DB_APP_ROLE` and `_PASSWORD` of `.pmo/env`,
 * created by deploy/local/up); its rights on a database are granted by the service's `migrate` step.
 */
export function serviceDatabaseRole(service: PmoService): { user: string; password: string } {
  const prefix = service.toUpperCase().replace(/-/g, '_');
  const user = process.env[`${prefix}_DB_APP_ROLE`];
  const password = process.env[`${prefix}_DB_APP_PASSWORD`];
  if (!user || !password) throw new Error(`${prefix}_DB_APP_ROLE and ${prefix}_DB_APP_PASSWORD are not set: run deploy/local/up and source .pmo/env`);
  return { user, password };
}

/** The SCRAM user of a service on the local broker, restricted by the ACLs its contracts imply. */
export function kafkaServiceUser(service: PmoService): KafkaCredentials | undefined {
  const prefix = service.toUpperCase().replace(/-/g, '_');
  return kafkaUser(process.env[`${prefix}_KAFKA_USERNAME`] ?? service, process.env[`${prefix}_KAFKA_PASSWORD`]);
}

/** A kafkajs client on the local broker, as the admin unless given a service's user (null: unauthenticated). */
export function localKafka(
  clientId: string,
  user: KafkaCredentials | null | undefined = LOCAL_INFRASTRUCTURE.kafkaAdmin,
  settings: Partial<KafkaConfig> = {},
): Kafka {
  return new Kafka({
    clientId,
    brokers: [...LOCAL_INFRASTRUCTURE.kafkaBrokers],
    logLevel: logLevel.NOTHING,
    ...(user ? { sasl: { ...user } } : {}),
    ...settings,
  });
}
