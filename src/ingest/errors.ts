/**
 * The expected ways an ingestion fails. Each is a typed error of the GraphQL API (Pothos errors
 * plugin) and a line of the CLI's summary; none of them leaves anything written.
 */
import type { Problem } from '../annotations/validate.js';
import type { Decision } from '../resolve/types.js';

export abstract class IngestError extends Error {
  constructor(
    message: string,
    /** The article's key, where the document got far enough to name one. */
    readonly articleKey: string | null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The document fails the schema or the checks against its text. */
export class AnnotationInvalidError extends IngestError {
  constructor(
    articleKey: string | null,
    readonly problems: Problem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `the annotation${articleKey ? ` of article ${articleKey}` : ''} has ${count}; nothing was written`,
      articleKey,
    );
  }
}

export type AmbiguousDecision = Extract<Decision, { outcome: 'ambiguous' }>;

/** Some entity matches several nodes, or only weakly: a curator decides with a resolve hint. */
export class UnresolvedEntitiesError extends IngestError {
  constructor(
    articleKey: string,
    readonly unresolved: AmbiguousDecision[],
  ) {
    const names = unresolved.map((d) => `${d.kind.toLowerCase()} "${d.localKey}"`).join(', ');
    super(
      `article ${articleKey}: ${names} cannot be resolved without a curator: add a resolve hint ("new", {"id": …} or {"key": …}); nothing was written`,
      articleKey,
    );
  }
}

/** A drafted annotation that nobody edited or accepted. */
export class DraftNotReviewedError extends IngestError {
  constructor(articleKey: string) {
    super(
      `article ${articleKey} is an unreviewed draft: edit it, add a "review" block ({"by", "at"}), or ingest it with acceptDraft: true; nothing was written`,
      articleKey,
    );
  }
}

/** The text is already stored under another article, or the key and URL name two articles. */
export class ArticleConflictError extends IngestError {
  constructor(
    articleKey: string,
    readonly conflictingArticleKey: string,
    reason: string,
  ) {
    super(`article ${articleKey}: ${reason}; nothing was written`, articleKey);
  }
}

/** Larger than ingestion accepts (see INGEST_LIMITS). */
export class IngestLimitError extends IngestError {
  constructor(
    articleKey: string | null,
    readonly limit: string,
    readonly maximum: number,
    readonly actual: number,
  ) {
    super(
      `${articleKey ? `article ${articleKey}: ` : ''}${limit} is ${actual}, more than the ${maximum} ingestion accepts; nothing was written`,
      articleKey,
    );
  }
}
