/**
 * Ingestion: the one path by which articles enter the graph, behind both doors (the
 * `ingestArticle` / `ingestArticles` mutations and `npm run ingest`), and behind the seed.
 *
 *   prepare (limits, schema, spans, references, review; no writes)
 *   → one transaction: resolve entities, write the article's facts, delete orphans
 *   → listeners are told, after the commit
 *
 * Ingestions of one process wait in line before they take a database connection, so a burst
 * of them cannot exhaust the pool that queries need; across processes an advisory lock in the
 * transaction serializes them (src/ingest/write.ts).
 */
import { announceChange } from '../changes.js';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../db-errors.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { IngestError } from './errors.js';
import { INGEST_TRANSACTION_TIMEOUT_MS } from './limits.js';
import { type IngestInput, type PreparedArticle, prepareArticle } from './prepare.js';
import { INGEST_LOCK, type WriteOutcome, writeArticle } from './write.js';

export * from './errors.js';
export { INGEST_LIMITS } from './limits.js';
export type { IngestInput, PreparedArticle } from './prepare.js';
export { prepareArticle } from './prepare.js';
export type { IngestStatus, WriteOutcome } from './write.js';

export interface IngestOptions {
  /** Who ingests (an API key's name, or "cli"): recorded on the article, and as reviewer of an accepted draft. */
  actor: string;
  /** Rewrite an unchanged article. */
  force?: boolean;
}

type Listener = (outcome: WriteOutcome) => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every committed ingestion that changed the graph, until the returned function is called. */
export function onArticleIngested(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every ingestion queued before it (one at a time per process). */
function inLine<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

export async function ingestArticle(
  prisma: PrismaClient,
  input: IngestInput,
  options: IngestOptions,
): Promise<WriteOutcome> {
  const prepared = await guard(() => prepareArticle(prisma, input, options.actor));
  return commitArticle(prisma, prepared, options);
}

/**
 * Writes a prepared article in one transaction, in line with the process's other ingestions,
 * and tells the listeners once it has committed. `within` runs in the same transaction, first
 * (e.g. a curator's version check) and `after` last (e.g. recording the edit): whatever they
 * throw rolls everything back.
 */
export async function commitArticle<T = undefined>(
  prisma: PrismaClient,
  prepared: PreparedArticle,
  options: IngestOptions & {
    within?: (tx: Prisma.TransactionClient) => Promise<void>;
    after?: (tx: Prisma.TransactionClient, outcome: WriteOutcome) => Promise<T>;
  },
): Promise<WriteOutcome & { extra?: T }> {
  const result = await guard(() =>
    inLine(() =>
      prisma.$transaction(
        async (tx) => {
          // Taken before `within`, so a curator's check and the write are one serialized step.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)`;
          await options.within?.(tx);
          const outcome = await writeArticle(tx, prepared, { ingestedBy: options.actor, force: options.force });
          const extra = options.after ? await options.after(tx, outcome) : undefined;
          return { ...outcome, extra };
        },
        { timeout: INGEST_TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
      ),
    ),
  );
  if (result.status !== 'UNCHANGED') announce(result);
  return result;
}

/** Tells the listeners about a committed change of an article (ingestion, curation, revert). */
export function announce(outcome: WriteOutcome): void {
  for (const listener of listeners) {
    try {
      listener(outcome);
    } catch (error) {
      console.error(`an ingestion listener failed: ${(error as Error).message}`);
    }
  }
  announceChange({ kind: 'article', articleId: outcome.articleId, articleKey: outcome.articleKey });
}

/** Expected failures pass; an unreachable database becomes a DatabaseUnavailableError. */
async function guard<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
}
