/**
 * The fingerprint of a drafted document: sha256 (hex) of the document's JSON without its
 * `draft` and `review` blocks. The draft block records it when the draft is made; ingestion
 * recomputes it on the file it receives, and an equal hash means nobody edited the draft, so
 * it still needs a `review` block.
 *
 * The JSON is canonical (object keys sorted, the schema's defaults filled in), as ingestion on
 * main computes it (src/annotations/draft-hash.ts there): a curator's editor may reorder keys
 * or drop a default without changing the content. The two must stay one definition; when the
 * branches meet, this file should re-export that one.
 */
import { createHash } from 'node:crypto';
import { annotationSchema } from '../annotations/format.js';

/** JSON with object keys in sorted order, so that equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The content hash of a document that passes the format's schema (throws otherwise). */
export function draftContentHash(document: unknown): string {
  const { draft: _draft, review: _review, ...content } = annotationSchema.parse(document);
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

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
