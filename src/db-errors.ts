/**
 * Telling a database that is out of reach (down, restarting, connections terminated, pool
 * exhausted) from a bug: the first is the operator's business and the client's "try again",
 * the second an internal error. Prisma reports the same condition differently through each
 * driver adapter, hence the codes and the messages.
 */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_MESSAGE =
  /connection (terminated|refused|closed|ended|is closed)|ECONNREFUSED|ECONNRESET|EPIPE|57P01|57P02|57P03|terminating connection|the database system is (starting up|shutting down)|can't reach database|timed out fetching a new connection|unable to start a transaction in the given time|Client has encountered a connection error|server closed the connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    e = cause;
  }
  return false;
}

/** The database could not be reached; nothing was written. Safe to retry. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(cause?: unknown) {
    super('the database is unavailable; nothing was written; try again shortly', { cause });
  }
}
