/** PostgreSQL storage through `pg` and `@prisma/adapter-pg`. */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/** Pool options from a URL, as discrete fields (see `migrationPool` for why). */
export function poolOptionsFromUrl(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(url.hostname) || '127.0.0.1',
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
    connectionTimeoutMillis: 5_000,
    allowExitOnIdle: true,
  };
}

export function createPostgresAdapter(databaseUrl: string, poolSize = 10) {
  const pool = new pg.Pool({ ...poolOptionsFromUrl(databaseUrl), max: poolSize });
  // An idle connection the server drops (restart, pg_terminate_backend) is reported here; left
  // unhandled, the event would crash the process. The pool discards it and opens a new one on
  // demand, and the queries that were using it fail on their own, with their own errors.
  pool.on('error', (error) => {
    const now = Date.now();
    if (now - lastIdleErrorLog > 10_000) console.warn(`database connection lost: ${error.message}`);
    lastIdleErrorLog = now;
  });
  return {
    adapter: releasingDeadTransactions(new PrismaPg(pool)),
    close: () => pool.end(),
    /** Connections of the pool: for metrics, and for tests that check none leak. */
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

let lastIdleErrorLog = 0;

type Queryable = { queryRaw: (...a: never[]) => Promise<unknown>; executeRaw: (...a: never[]) => Promise<unknown> };

/**
 * Work-around for adapter-pg 6.19: when a transaction's connection dies (the server restarts,
 * pg_terminate_backend), the failed transaction never returns its client to the pool, so every
 * outage leaks one connection until the pool is exhausted and `pool.end()` hangs. Here a
 * transaction whose query fails on a broken connection releases its client at once, with the
 * error, which makes the pool discard it; a later release (the rollback) is then a no-op.
 */
function releasingDeadTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      const client = (tx as unknown as { client: pg.PoolClient }).client;
      const release = client.release.bind(client);
      let released = false;
      client.release = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        release(error);
      };
      const queryable = tx as unknown as Queryable;
      for (const method of ['queryRaw', 'executeRaw'] as const) {
        const original = queryable[method].bind(tx) as (...args: unknown[]) => Promise<unknown>;
        queryable[method] = (async (...args: unknown[]) => {
          try {
            return await original(...args);
          } catch (error) {
            if (isBrokenConnection(client)) client.release(error instanceof Error ? error : new Error(String(error)));
            throw error;
          }
        }) as never;
      }
      return tx;
    };
    return adapter;
  };
  return factory;
}

/** A pg client whose connection is gone (ended, or not queryable any more). */
function isBrokenConnection(client: pg.PoolClient): boolean {
  const state = client as unknown as { _ending?: boolean; _queryable?: boolean; _connected?: boolean };
  return state._ending === true || state._queryable === false || state._connected === false;
}

/** pg type OIDs of `name` and `"char"`, which the JS schema engine cannot read. */
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportNameColumnsAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

function patchQuery(target: { query: (...args: never[]) => unknown }) {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  // The schema engine only uses the promise form of query().
  target.query = ((...args: unknown[]) => {
    const result = original(...args);
    return result instanceof Promise ? result.then(reportNameColumnsAsText) : result;
  }) as typeof target.query;
}

/**
 * A pool for the Prisma CLI's JS schema engine. Work-around for prisma/orm#27403: the engine
 * fails with "Column type 'name' could not be deserialized" when introspecting the catalog,
 * so every result reports `name`/`"char"` columns as `text`. The pool is built from discrete
 * fields rather than a connection string because adapter-pg's shadow-database connection
 * copies these options with another database name, which a connection string would override.
 */
export function migrationPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ ...poolOptionsFromUrl(databaseUrl), max: 2 });
  patchQuery(pool);
  pool.on('connect', (client) => patchQuery(client));
  return pool;
}

/**
 * The driver adapter for the Prisma CLI on PostgreSQL. Besides the pool work-around above,
 * adapter-pg's `executeScript` splits a migration on every ";", which breaks any migration
 * with a function body (`$$ ... ; ... $$`). A whole script can go to PostgreSQL as one simple
 * query instead: the server parses the statements itself and runs them in one implicit
 * transaction, so a failing migration leaves nothing half-applied.
 */
export function createMigrationAdapter(databaseUrl: string): PrismaPg {
  const pool = migrationPool(databaseUrl);
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        // Lets adapter-pg turn the pg error into the error shape the schema engine reports.
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  };
  return factory;
}
