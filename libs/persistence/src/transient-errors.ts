import { QueryFailedError } from 'typeorm';

// The database guards (database-settings.ts): no pooled connection within the acquire timeout, or a connection
// that timed out while connecting.
const BUSY_MESSAGES = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
]);

// SQLSTATEs after which nothing was committed and the same work may succeed a moment later: a statement cut by
// statement_timeout (57014), a session ended idle in a transaction (25P03), a serialization failure or deadlock
// (40001, 40P01), a lock not available (55P03), too many connections (53300), a server shutting down or starting
// (57P01–57P03), and every connection exception (class 08).
const TRANSIENT_SQLSTATES = new Set(['57014', '25P03', '40001', '40P01', '55P03', '53300', '57P01', '57P02', '57P03']);

// A socket to the server that could not be opened or was cut.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

function codeOf(error: Error): unknown {
  return (error instanceof QueryFailedError ? (error.driverError as { code?: unknown }) : (error as { code?: unknown }))?.code;
}

/**
 * Whether an error says the database is busy or briefly unreachable rather than that the work is wrong: an HTTP
 * request then gets 503 with Retry-After, and an event is retried without counting towards its dead-lettering.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (BUSY_MESSAGES.has(error.message)) return true;
  const code = codeOf(error);
  return typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code));
}
