/**
 * What is announced after an article's transaction commits. Only ids and counts travel (in
 * process or through Redis): every instance loads the committed rows from the shared database
 * when it delivers, so a message stays small and never carries stale data.
 */
import { z } from 'zod';
import type { WriteOutcome } from '../ingest/index.js';

/** The one topic: both subscription fields are views of the same committed articles. */
export const ARTICLE_COMMITTED = 'article-committed';

const counts = z.object({
  statements: z.number().int(),
  events: z.number().int(),
  eventRelations: z.number().int(),
  roles: z.number().int(),
  mentions: z.number().int(),
});

export const articleCommittedSchema = z.object({
  articleId: z.number().int(),
  articleKey: z.string(),
  // UNCHANGED is never announced: nothing was written.
  status: z.enum(['CREATED', 'REPLACED']),
  counts,
  /** Statements this version adds (not in the article before). */
  statementIds: z.array(z.number().int()),
  /** Statements this version changes (absent from older senders: none). */
  changedStatementIds: z.array(z.number().int()).default([]),
});

export type ArticleCommitted = z.infer<typeof articleCommittedSchema>;

/** The announcement of a committed outcome, or null for one that changed nothing. */
export function announcementOf(outcome: WriteOutcome): ArticleCommitted | null {
  if (outcome.status === 'UNCHANGED') return null;
  return {
    articleId: outcome.articleId,
    articleKey: outcome.articleKey,
    status: outcome.status,
    counts: outcome.counts,
    statementIds: outcome.addedStatementIds,
    changedStatementIds: outcome.changedStatementIds,
  };
}

/**
 * Reads a message from the bus. Anything else that reaches the channel (another program, an
 * older or newer version of this service) is dropped, never thrown: a throw here would
 * surface inside ioredis' socket handler.
 */
export function parseAnnouncement(message: string): ArticleCommitted | null {
  try {
    const parsed = articleCommittedSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
