/** The drafting assistant: raw report in, `kg-annotation/1` draft and review report out. */
export { draftContentHash, isUneditedDraft } from './content-hash.js';
export { DRAFT_TOOL, DRAFT_VERSION, type Draft, type DraftInput, DraftInputError, draftArticle } from './draft.js';
export { draftArticleResolved } from './resolve-entities.js';
export type { AmbiguousEntity, EntityCandidate, EntityResolver, ResolvedEntity } from './resolver.js';
export { type ReviewItem, type ReviewReport, reviewMarkdown } from './review.js';
