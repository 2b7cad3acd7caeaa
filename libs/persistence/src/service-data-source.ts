import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm';
import { POOL_GUARD_DEFAULTS, type DatabaseSettings } from './database-settings';
import { grantAppRole } from './app-role-grants';
import { ensureDatabaseExists } from './ensure-database';

export type { DatabaseSettings } from './database-settings';

type Entities = DataSourceOptions['entities'];
type Migrations = DataSourceOptions['migrations'];

/**
 * A TypeORM data source for one service. The schema comes only from migrations: `synchronize` is off.
 * Its pool fails a wait for a connection after `acquireTimeoutMs` ("timeout exceeded when trying to
 * connect"), and each connection carries `statement_timeout` and `idle_in_transaction_session_timeout`.
 */
export function createServiceDataSource(settings: DatabaseSettings, entities: Entities, migrations: Migrations): DataSource {
  return new DataSource({
    type: 'postgres',
    host: settings.host,
    port: settings.port,
    username: settings.user,
    password: settings.password,
    database: settings.database,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // pg's Pool and Client options: the timeouts are sent at connection start, so they are the session's defaults.
    extra: {
      max: settings.poolSize,
      connectionTimeoutMillis: settings.acquireTimeoutMs ?? POOL_GUARD_DEFAULTS.acquireTimeoutMs,
      statement_timeout: settings.statementTimeoutMs ?? POOL_GUARD_DEFAULTS.statementTimeoutMs,
      idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs ?? POOL_GUARD_DEFAULTS.idleInTransactionTimeoutMs,
    },
    logging: false,
  });
}

/**
 * Opens a service's data source. With `migrate` (connected as the owner) it creates the database if
 * needed and applies pending migrations; without (connected as the service's least-privilege role, after a
 * separate `migrate` step), it refuses to start on a schema that misses a migration.
 */
export async function openServiceDataSource(
  settings: DatabaseSettings,
  entities: Entities,
  migrations: Migrations,
  options: { migrate: boolean } = { migrate: true },
): Promise<DataSource> {
  if (options.migrate) await ensureDatabaseExists(settings);
  const dataSource = createServiceDataSource(settings, entities, migrations);
  await dataSource.initialize();
  try {
    if (options.migrate) await runMigrationsUnguarded(dataSource);
    else await refusePendingMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

// Any constant works: it only has to be the same for every process migrating one database.
const MIGRATION_LOCK = 7_270_003;

/**
 * The `migrate` step: as the owner, creates the database if needed, applies pending migrations and, given
 * the service's role, grants it what it needs to serve (see grantAppRole). Returns what it did.
 */
export async function migrateServiceDatabase(
  settings: DatabaseSettings,
  migrations: Migrations,
  appRole: string | undefined,
): Promise<{ applied: string[]; grantedTables: string[] }> {
  if (appRole === settings.user) throw new Error(`PMO_DB_APP_ROLE must differ from PMO_DB_USER (${appRole}): the owner migrates, the app role serves`);
  await ensureDatabaseExists(settings);
  const dataSource = createServiceDataSource(settings, [], migrations);
  await dataSource.initialize();
  try {
    const applied = await runMigrationsUnguarded(dataSource);
    const grantedTables = appRole ? await grantAppRole(dataSource, settings.database, appRole) : [];
    return { applied, grantedTables };
  } finally {
    await dataSource.destroy();
  }
}

async function refusePendingMigrations(dataSource: DataSource): Promise<void> {
  let pending: string[];
  try {
    pending = (await new MigrationExecutor(dataSource).getPendingMigrations()).map((migration) => migration.name);
  } catch (error) {
    throw new Error(`cannot read the applied migrations of database ${dataSource.driver.database}: ${(error as Error).message} (run the migrate step first)`);
  }
  if (pending.length > 0) {
    throw new Error(`database ${dataSource.driver.database} misses ${pending.length} migration(s) (${pending.join(', ')}): run the migrate step first`);
  }
}

/**
 * Applies pending migrations, each in its transaction, on one connection whose statement and idle timeouts
 * are off for the while: a migration that moves the rows of a large table may rightly run for minutes.
 * Replicas starting together take turns (a session advisory lock): the first applies, the others then find
 * nothing pending, instead of both creating the same tables.
 */
async function runMigrationsUnguarded(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`SET statement_timeout = 0`);
    await runner.query(`SET idle_in_transaction_session_timeout = 0`);
    await runner.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    return (await executor.executePendingMigrations()).map((migration) => migration.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
    // RESET goes back to the values sent at connection start, the guards, before the pool reuses it.
    await runner.query(`RESET statement_timeout; RESET idle_in_transaction_session_timeout`).catch(() => undefined);
    await runner.release();
  }
}
