/**
 * Runs a GraphQL operation in-process (yoga.fetch, no port) and records every SQL statement
 * Prisma sent for it, with its parameters, from Prisma's `query` event (src/db.ts' onQuery
 * passes the SQL text only; the event also carries the parameters, which EXPLAIN and the pg
 * floor of the benchmark need).
 *
 * src/ modules are imported on first use: the caller chooses the database (DATABASE_URL)
 * before anything reads the configuration.
 */
import type { GraphQLFormattedError } from 'graphql';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  /** Duration Prisma reports, in ms. */
  durationMs: number;
}

export interface CapturedOperation {
  data: unknown;
  errors: readonly GraphQLFormattedError[] | undefined;
  queries: CapturedQuery[];
}

let collector: CapturedQuery[] | undefined;
let listening = false;

async function listen() {
  if (listening) return;
  const { prisma } = await import('../src/db.js');
  // Prisma's $on adds a listener (an EventEmitter underneath) and offers no way to remove it:
  // one listener for the process, routed to whichever capture is running.
  prisma.$on('query', (event: { query: string; params: string; duration: number }) => {
    if (!collector) return;
    let params: unknown[] = [];
    try {
      params = JSON.parse(event.params) as unknown[];
    } catch {
      params = [];
    }
    collector.push({ sql: event.query, params, durationMs: Number(event.duration) });
  });
  listening = true;
}

/** Executes `query` and returns its result with the SQL it sent. Runs one operation at a time. */
export async function captureOperation(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<CapturedOperation> {
  await listen();
  const { yoga } = await import('../src/yoga.js');
  if (collector) throw new Error('captureOperation: one operation at a time');
  collector = [];
  try {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: GraphQLFormattedError[] };
    // Let queries whose events are emitted after the response (none expected) land.
    await new Promise((resolve) => setImmediate(resolve));
    return { data: body.data, errors: body.errors, queries: collector };
  } finally {
    collector = undefined;
  }
}

/** BEGIN, COMMIT, SET and the like: nothing to explain or to replay as a read. */
export function isControlStatement(sql: string): boolean {
  return (
    /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|RESET|DEALLOCATE|SHOW)\b/i.test(sql) ||
    /^\s*SELECT 1\s*$/i.test(sql)
  );
}
