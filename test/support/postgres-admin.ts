/** Creating and dropping the test run's PostgreSQL databases through a maintenance connection. */
import pg from 'pg';

/**
 * Where the test databases live. Any database on the server works as the maintenance database;
 * the default is the local server with trust authentication.
 */
export const defaultAdminUrl = process.env.TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Our database names are generated, never user input; refuse anything that would need escaping. */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`refusing unusual database name ${JSON.stringify(name)}`);
  return `"${name}"`;
}

export async function withAdminClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * CREATE DATABASE ... TEMPLATE: PostgreSQL copies the template's files (WAL_LOG strategy on
 * PostgreSQL 15, about 0.1 s for the seeded graph). It fails if anyone is connected to the
 * template, which is why the templates are closed to connections once built.
 */
export async function createDatabaseFromTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`),
  );
}

/** Drops databases, disconnecting whoever is still connected (a client a test forgot to close). */
export async function dropDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await withAdminClient(adminUrl, async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  });
}

/** Names of the databases that start with `prefix` (taken literally, not as a LIKE pattern). */
export async function databasesWithPrefix(adminUrl: string, prefix: string): Promise<string[]> {
  return withAdminClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [prefix],
    );
    return rows.map((row) => row.datname);
  });
}
