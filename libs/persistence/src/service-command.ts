import { databaseSettingsFromEnv } from './database-settings';
import { migrationSettingsFromEnv } from './migration-settings';
import { migrateServiceDatabase } from './service-data-source';

type Migrations = Parameters<typeof migrateServiceDatabase>[1];

/** What a service's entry point was asked to do: serve (no argument) or `migrate`. */
type ServiceCommand = 'serve' | 'migrate';

/** The command in `node main.js [migrate]`'s arguments (those after the script); throws on anything else. */
export function serviceCommandOf(args: readonly string[]): ServiceCommand {
  if (args.length === 0) return 'serve';
  if (args.length === 1 && args[0] === 'migrate') return 'migrate';
  throw new Error(`unknown arguments "${args.join(' ')}": run without arguments to serve, or with "migrate" to apply the migrations and grants`);
}

/** The slice of a pino logger the migrate step reports to. */
interface MigrateLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/**
 * `node main.js migrate`: connected as the database owner (PMO_DB_USER), applies the service's pending
 * migrations and grants the role named by PMO_DB_APP_ROLE its rights; logs what it did. Throws on failure
 * (the caller exits non-zero). It loads no more than the migrations, so it starts fast.
 */
export async function migrateService(serviceName: string, migrations: Migrations, env: NodeJS.ProcessEnv, logger: MigrateLogger): Promise<void> {
  const database = databaseSettingsFromEnv(serviceName, env);
  const { appRole } = migrationSettingsFromEnv(env);
  const { applied, grantedTables } = await migrateServiceDatabase(database, migrations, appRole);
  logger.info({ database: database.database, owner: database.user, applied }, applied.length ? 'migrations applied' : 'no pending migration');
  if (appRole) logger.info({ database: database.database, appRole, tables: grantedTables.length }, 'app role granted');
  else logger.warn({ database: database.database }, 'PMO_DB_APP_ROLE not set: no role granted, the service must connect as the owner');
}
