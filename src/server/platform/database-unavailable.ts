/**
 * Does this error mean the database is unreachable (down, restarting, refusing connections, the
 * connection cut), as opposed to a query that failed? Such errors answer 503 DATABASE_UNAVAILABLE:
 * the request may succeed as soon as the database is back, and nothing about it was the caller's fault.
 */

// Node's socket errors on connect or on a live connection.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs: class 08 is "connection exception"; 57P01-57P03 are the server shutting
// down, crashing or starting; 53300 too many connections.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// node-postgres says these in words only (no code): a socket that closed under a query, a pool that
// could not connect in time, a client whose connection has already failed.
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08'))) {
      return true;
    }
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    // Node reports a refused dual-stack connect as an AggregateError of the per-address errors.
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = cause;
  }
  return false;
}
