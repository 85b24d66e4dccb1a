/**
 * The fingerprint of a drafted document: sha256 (hex) of `JSON.stringify` of the document
 * without its `draft` and `review` blocks. The draft block records it when the draft is
 * made; ingestion recomputes it on the file as read (`JSON.parse` keeps key order) and an
 * equal hash means nobody edited the draft since, so it still needs a `review` block.
 */
import { createHash } from 'node:crypto';

export function draftContentHash(document: Record<string, unknown>): string {
  const { draft: _draft, review: _review, ...content } = document;
  return createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex');
}

/** Whether a document still holds exactly what the drafting tool wrote. */
export function isUneditedDraft(document: Record<string, unknown>): boolean {
  const draft = document.draft as { contentHash?: unknown } | undefined;
  return typeof draft?.contentHash === 'string' && draft.contentHash === draftContentHash(document);
}
