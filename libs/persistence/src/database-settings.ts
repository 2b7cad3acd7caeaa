export interface DatabaseSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  poolSize: number;
}

/**
 * Reads one service's database settings. Host, port and credentials are shared (`PMO_DB_*`);
 * the database name is the service's own (`<SERVICE>_DB_NAME`, default `strategic_pmo` etc.),
 * because no service reads another's tables.
 */
export function databaseSettingsFromEnv(service: string, env: NodeJS.ProcessEnv): DatabaseSettings {
  const prefix = service.toUpperCase().replace(/-/g, '_');
  const port = Number(env.PMO_DB_PORT ?? 55432);
  const poolSize = Number(env.PMO_DB_POOL_SIZE ?? 10);
  const problems: string[] = [];
  if (!Number.isInteger(port) || port <= 0 || port > 65535) problems.push(`PMO_DB_PORT must be a port number, got ${env.PMO_DB_PORT}`);
  if (!Number.isInteger(poolSize) || poolSize < 1) problems.push(`PMO_DB_POOL_SIZE must be a positive integer, got ${env.PMO_DB_POOL_SIZE}`);
  if (problems.length) throw new Error(`Invalid environment variables: ${problems.join('; ')}`);
  return {
    host: env.PMO_DB_HOST ?? '127.0.0.1',
    port,
    user: env.PMO_DB_USER ?? 'postgres',
    password: env.PMO_DB_PASSWORD ?? 'postgres',
    database: env[`${prefix}_DB_NAME`] ?? service.replace(/-/g, '_'),
    poolSize,
  };
}
