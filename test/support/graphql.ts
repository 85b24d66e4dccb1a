/**
 * Calling the GraphQL API in-process (no port) and counting the SQL it sends.
 *
 * src/ modules are imported on first use, not at the top, so that importing this helper can
 * never load the configuration before the per-file setup has chosen the database.
 */
import type { GraphQLFormattedError } from 'graphql';

export interface ExecutionResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/**
 * POSTs `query` to the yoga instance, as a client would. GraphQL errors (including validation
 * errors: the request accepts application/json, so yoga answers them with 200) are returned in
 * `errors`; any other HTTP status throws with the response body.
 */
export async function execute<TData = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<ExecutionResult<TData>> {
  const { status, body } = await post<TData>(query, variables, headers);
  if (status !== 200) throw new Error(`GraphQL request failed with HTTP ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** POSTs `query` and returns the HTTP status with the body, whatever the status. */
export async function post<TData = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: ExecutionResult<TData> }> {
  const { yoga } = await import('../../src/yoga.js');
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: JSON.parse(await response.text()) as ExecutionResult<TData> };
}

/**
 * Runs `fn` and returns its result with every SQL statement Prisma sent meanwhile (including
 * BEGIN/COMMIT of transactions). Anything else running in this worker at the same time is
 * counted too; test files run their tests one at a time unless told otherwise.
 */
export async function countQueries<T>(fn: () => Promise<T> | T): Promise<{ result: T; queries: string[] }> {
  const { onQuery } = await import('../../src/db.js');
  const queries: string[] = [];
  const unsubscribe = onQuery((sql) => queries.push(sql));
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    unsubscribe();
  }
}
