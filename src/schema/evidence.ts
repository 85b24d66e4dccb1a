/** Evidence: the exact words of an article that a fact rests on. */
import { builder } from '../builder.js';
import type { Article as ArticleRow } from '../generated/prisma/client.js';
import { Article } from './article.js';

export interface EvidenceShape {
  article: ArticleRow;
  start: number;
  end: number;
  text: string;
}

export const Evidence = builder.objectRef<EvidenceShape>('Evidence').implement({
  description:
    'Where a fact comes from: the span [start, end) of `article.body`, counted in UTF-16 code units as ' +
    "JavaScript's String.prototype.slice counts them, and the exact text of that span.",
  fields: (t) => ({
    article: t.field({ type: Article, resolve: (evidence) => evidence.article }),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    text: t.exposeString('text'),
  }),
});

/**
 * The parent selection for an evidence field: its span columns plus the article, planned from
 * what the query selects beneath `evidence.article`, so evidence never costs a query of its own.
 */
export function articleForEvidence<T>(nestedSelection: (selection: true, path: string[]) => T) {
  const selection = nestedSelection(true, ['article']);
  // With nothing selected under `article` the planner returns an empty select, which Prisma
  // rejects; the article's id is the cheapest valid selection.
  const select = (selection as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ select: { id: true } } as T) : selection;
}
