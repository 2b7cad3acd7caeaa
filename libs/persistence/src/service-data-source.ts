import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseSettings } from './database-settings';
import { ensureDatabaseExists } from './ensure-database';

export type { DatabaseSettings } from './database-settings';

type Entities = DataSourceOptions['entities'];
type Migrations = DataSourceOptions['migrations'];

/** A TypeORM data source for one service. The schema comes only from migrations: `synchronize` is off. */
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
    extra: { max: settings.poolSize },
    logging: false,
  });
}

/** Creates the database if needed, connects, and applies pending migrations. */
export async function openServiceDataSource(settings: DatabaseSettings, entities: Entities, migrations: Migrations): Promise<DataSource> {
  await ensureDatabaseExists(settings);
  const dataSource = createServiceDataSource(settings, entities, migrations);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
