import { databaseSettingsFromEnv, migrateServiceDatabase, migrationSettingsFromEnv } from '@pmo/persistence';
import { createLogger } from '@pmo/telemetry';
import type { ServiceSchema } from './service-modules';

/** What a service's entry point was asked to do: serve (no argument) or `migrate`. */
export type ServiceCommand = 'serve' | 'migrate';

/** The command in `node main.js [migrate]`'s arguments (those after the script); throws on anything else. */
export function serviceCommandOf(args: readonly string[]): ServiceCommand {
  if (args.length === 0) return 'serve';
  if (args.length === 1 && args[0] === 'migrate') return 'migrate';
  throw new Error(`unknown arguments "${args.join(' ')}": run without arguments to serve, or with "migrate" to apply the migrations and grants`);
}

/**
 * `node main.js migrate`: connected as the database owner (PMO_DB_USER), applies the service's pending
 * migrations and grants the role named by PMO_DB_APP_ROLE its rights; logs what it did. Throws on failure
 * (the caller exits non-zero).
 */
export async function migrateService(serviceName: string, schema: Pick<ServiceSchema, 'migrations'>, env: NodeJS.ProcessEnv): Promise<void> {
  const logger = createLogger(serviceName, env.PMO_LOG_LEVEL ?? 'info');
  const database = databaseSettingsFromEnv(serviceName, env);
  const { appRole } = migrationSettingsFromEnv(env);
  const { applied, grantedTables } = await migrateServiceDatabase(database, schema.migrations, appRole);
  logger.info({ database: database.database, owner: database.user, applied }, applied.length ? 'migrations applied' : 'no pending migration');
  if (appRole) logger.info({ database: database.database, appRole, tables: grantedTables.length }, 'app role granted');
  else logger.warn({ database: database.database }, 'PMO_DB_APP_ROLE not set: no role granted, the service must connect as the owner');
}
