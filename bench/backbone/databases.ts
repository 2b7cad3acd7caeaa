import { Client } from 'pg';
import type { BenchOptions } from './options';

/** A client of the server's maintenance database, for creating and dropping the bench databases. */
export async function withAdminClient<T>(options: BenchOptions, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...options.db, database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Bench database names carry the run's suffix, so a run never touches anybody else's data. */
export function benchDatabaseNames(options: BenchOptions) {
  return {
    floor: `bench_floor_${options.suffix}`,
    program: `bench_program_${options.suffix}`,
    strategic: `bench_strategic_${options.suffix}`,
  };
}

export async function dropBenchDatabases(options: BenchOptions): Promise<void> {
  await withAdminClient(options, async (client) => {
    for (const name of Object.values(benchDatabaseNames(options))) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export async function postgresVersion(options: BenchOptions): Promise<string> {
  return withAdminClient(options, async (client) => ((await client.query('SELECT version()')).rows[0] as { version: string }).version);
}
