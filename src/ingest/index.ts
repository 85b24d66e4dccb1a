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
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../db-errors.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { IngestError } from './errors.js';
import { INGEST_TRANSACTION_TIMEOUT_MS } from './limits.js';
import { type IngestInput, prepareArticle } from './prepare.js';
import { type WriteOutcome, writeArticle } from './write.js';

export * from './errors.js';
export { INGEST_LIMITS } from './limits.js';
export type { IngestInput } from './prepare.js';
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
  try {
    const prepared = await prepareArticle(prisma, input, options.actor);
    const outcome = await inLine(() =>
      prisma.$transaction((tx) => writeArticle(tx, prepared, { ingestedBy: options.actor, force: options.force }), {
        timeout: INGEST_TRANSACTION_TIMEOUT_MS,
        maxWait: 30_000,
      }),
    );
    if (outcome.status !== 'UNCHANGED') for (const listener of listeners) listener(outcome);
    return outcome;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
}
