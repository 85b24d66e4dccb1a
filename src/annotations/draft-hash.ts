/**
 * The fingerprint of a drafted annotation's content: sha256 of its canonical JSON (keys
 * sorted, schema defaults filled in) without the `draft` and `review` blocks. The drafting
 * assistant stores it in `draft.contentHash`; ingestion recomputes it to tell whether a
 * curator edited the draft (see src/ingest/prepare.ts).
 */
import { createHash } from 'node:crypto';
import { annotationSchema } from './format.js';

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

/** The content hash of a document that passes the schema (throws otherwise). */
export function draftContentHash(document: unknown): string {
  const { draft: _draft, review: _review, ...content } = annotationSchema.parse(document);
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
