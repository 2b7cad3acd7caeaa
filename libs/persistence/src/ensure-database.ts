import { Client } from 'pg';
import type { DatabaseSettings } from './database-settings';

/** Creates the service's database when it does not exist yet (first start on a new server). */
export async function ensureDatabaseExists(settings: DatabaseSettings): Promise<void> {
  const client = new Client({ host: settings.host, port: settings.port, user: settings.user, password: settings.password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [settings.database]);
    if (found.rowCount === 0) {
      // Identifiers cannot be bound as parameters; the name is checked before it is quoted.
      if (!/^[a-z_][a-z0-9_]*$/.test(settings.database)) throw new Error(`invalid database name ${settings.database}`);
      await client.query(`CREATE DATABASE "${settings.database}"`).catch((error: { code?: string }) => {
        // Created meanwhile by a concurrent start (a second replica): 42P04, or 23505 when both inserts race in the catalog.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}
