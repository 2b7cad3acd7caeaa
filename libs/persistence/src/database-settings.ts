export interface DatabaseSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  poolSize: number;
  /** How long a caller waits for a pooled connection before failing (pg `connectionTimeoutMillis`); 0 waits for ever. */
  acquireTimeoutMs?: number;
  /** PostgreSQL `statement_timeout` on the service's connections; 0 turns it off. */
  statementTimeoutMs?: number;
  /** PostgreSQL `idle_in_transaction_session_timeout` on the service's connections; 0 turns it off. */
  idleInTransactionTimeoutMs?: number;
}

/**
 * The guards of a service's connections, when not set. They turn a saturated pool or a stuck transaction
 * into a fast, retryable error (503) instead of callers queueing for ever:
 * - acquire 5 s: a request that waited that long for a connection is better answered "busy, retry" than
 *   held while the queue behind it grows; well above a healthy wait (milliseconds).
 * - statement 30 s: the services run short indexed statements and reads of whole read models; one still
 *   running after 30 s waits on a lock or a bad plan and holds its connection meanwhile. Migrations run
 *   without it (see openServiceDataSource).
 * - idle in transaction 60 s: a transaction of ours waits between statements only on its own code and, in
 *   the outbox relay, on the broker's acknowledgement (kafkajs gives up after 30 s), so a minute idle means
 *   a leaked connection: PostgreSQL ends the session, its locks go, and the pool replaces the connection.
 */
export const POOL_GUARD_DEFAULTS = { acquireTimeoutMs: 5_000, statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 60_000 } as const;

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
  const milliseconds = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) problems.push(`${name} must be a whole number of milliseconds (0 for none), got ${env[name]}`);
    return value;
  };
  const acquireTimeoutMs = milliseconds('PMO_DB_ACQUIRE_TIMEOUT_MS', POOL_GUARD_DEFAULTS.acquireTimeoutMs);
  const statementTimeoutMs = milliseconds('PMO_DB_STATEMENT_TIMEOUT_MS', POOL_GUARD_DEFAULTS.statementTimeoutMs);
  const idleInTransactionTimeoutMs = milliseconds('PMO_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', POOL_GUARD_DEFAULTS.idleInTransactionTimeoutMs);
  if (problems.length) throw new Error(`Invalid environment variables: ${problems.join('; ')}`);
  return {
    host: env.PMO_DB_HOST ?? '127.0.0.1',
    port,
    user: env.PMO_DB_USER ?? 'postgres',
    password: env.PMO_DB_PASSWORD ?? 'postgres',
    database: env[`${prefix}_DB_NAME`] ?? service.replace(/-/g, '_'),
    poolSize,
    acquireTimeoutMs,
    statementTimeoutMs,
    idleInTransactionTimeoutMs,
  };
}
