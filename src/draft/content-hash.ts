/**
 * The fingerprint of a drafted document (see src/annotations/draft-hash.ts, the one
 * definition ingestion uses too), and whether a document is still the unedited draft.
 */
import { draftContentHash } from '../annotations/draft-hash.js';

export { canonicalJson, draftContentHash } from '../annotations/draft-hash.js';

/** Whether a document still holds exactly what the drafting tool wrote (false for anything else). */
export function isUneditedDraft(document: unknown): boolean {
  const block = (document as { draft?: { contentHash?: unknown } } | null)?.draft;
  if (typeof block?.contentHash !== 'string') return false;
  try {
    return block.contentHash === draftContentHash(document);
  } catch {
    return false;
  }
}
