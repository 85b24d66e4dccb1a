/** The drafting assistant: raw report in, `kg-annotation/1` draft and review report out. */
export { draftContentHash, isUneditedDraft } from './content-hash.js';
export { DRAFT_TOOL, DRAFT_VERSION, type Draft, type DraftInput, DraftInputError, draftArticle } from './draft.js';
export { draftArticleResolved } from './resolve-entities.js';
// The resolver over the graph (src/draft/graph-resolver.ts) is imported from its own file: it
// loads the database client, which drafting alone does not need.
export type {
  AmbiguousEntity,
  DocumentResolver,
  EntityCandidate,
  EntityResolver,
  ResolvedEntity,
  ResolverAnswer,
} from './resolver.js';
export { type ReviewItem, type ReviewReport, reviewMarkdown } from './review.js';
