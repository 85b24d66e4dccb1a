/**
 * The one Prisma client of the process, on the storage the configuration chooses.
 * Resolvers import `prisma` from here; it is not put in the GraphQL context.
 */
import { config } from './config.js';
import { PrismaClient } from './generated/prisma/client.js';
import { openStorage } from './storage/index.js';

const storage = await openStorage(config);

export const storageKind = storage.kind;

/** The PostgreSQL pool's connections (total, idle, waiting); null on PGlite. */
export const poolStats = () => storage.stats?.() ?? null;

export const prisma = new PrismaClient({
  adapter: storage.adapter,
  log: [
    { emit: 'event', level: 'query' },
    // Errors are not printed here: they reach the caller, which reports or handles them
    // (yoga logs the unexpected ones it masks).
    { emit: 'stdout', level: 'warn' },
  ],
});

type QueryListener = (sql: string) => void;
const queryListeners = new Set<QueryListener>();

/** Calls `listener` with every SQL statement Prisma sends until the returned function is called. */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

prisma.$on('query', (event) => {
  if (config.LOG_SQL) console.log(`[sql ${event.duration}ms] ${event.query}`);
  for (const listener of queryListeners) listener(event.query);
});

/** Disconnects Prisma and closes the storage (PGlite or the pg pool). Safe to call twice. */
let closing: Promise<void> | undefined;
export function closeDatabase(): Promise<void> {
  closing ??= prisma.$disconnect().finally(() => storage.close());
  return closing;
}
