import { types } from 'node:util';
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

// Node's own errors (a refused socket) are made in Node's realm, so `instanceof Error` is false for them where
// code runs in another one (a VM context, as jest's); `isNativeError` holds in every realm.
function isError(error: unknown): error is Error {
  return error instanceof Error || types.isNativeError(error);
}

function codeOf(error: Error): unknown {
  return (error instanceof QueryFailedError ? (error.driverError as { code?: unknown }) : (error as { code?: unknown }))?.code;
}

/**
 * Whether an error says the database is busy or briefly unreachable rather than that the work is wrong: an HTTP
 * request then gets 503 with Retry-After, and an event is retried without counting towards its dead-lettering.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!isError(error)) return false;
  if (BUSY_MESSAGES.has(error.message)) return true;
  const code = codeOf(error);
  return typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code));
}

// Of those, the ones that say the server cannot be reached or is going away, not that it is loaded: a refused or
// cut socket, a connection exception (class 08), a server shutting down or starting (57P01–57P03).
const UNREACHABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/**
 * Whether a transient error says the database is down or restarting (rather than busy): the 503 then says so,
 * so that an operator and a caller see which dependency is missing.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!isError(error)) return false;
  if (error.message === 'Connection terminated unexpectedly') return true;
  const code = codeOf(error);
  return typeof code === 'string' && (UNREACHABLE_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code));
}
