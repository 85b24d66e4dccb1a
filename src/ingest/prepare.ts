/**
 * Everything ingestion checks before it opens a transaction: size limits, the document's
 * shape and its agreement with the text (src/annotations/validate.ts), references to nodes of
 * the graph by key, and the review of a drafted document. Reads the graph, writes nothing.
 */

import { draftContentHash } from '../annotations/draft-hash.js';
import { type Annotation, annotationSchema, PLACEHOLDER_SPEAKER } from '../annotations/format.js';
import {
  type CountryDesignation,
  schemaProblems,
  sha256Hex,
  undefinedReferences,
  validateAnnotation,
} from '../annotations/validate.js';
import type { Db } from '../resolve/graph.js';
import { ResolveGraph } from '../resolve/graph.js';
import type { GraphReference } from '../resolve/index.js';
import { AnnotationInvalidError, DraftNotReviewedError, IngestLimitError } from './errors.js';
import { countSpans, INGEST_LIMITS } from './limits.js';

export interface IngestInput {
  /** The article text, exactly as the spans count it. */
  text: string;
  /** The annotation document (parsed JSON), not yet trusted. */
  annotations: unknown;
  /** Accept a drafted document that nobody edited, recording `reviewer` as its reviewer. */
  acceptDraft?: boolean;
}

export interface PreparedArticle {
  annotation: Annotation;
  text: string;
  countries: CountryDesignation[];
  references: GraphReference[];
  contentHash: string;
  annotationHash: string;
  review: { by: string; at: Date } | null;
}

const keyOf = (raw: unknown): string | null => {
  const key = (raw as { article?: { key?: unknown } } | null)?.article?.key;
  return typeof key === 'string' && key.length <= 200 ? key : null;
};

/** Checks `input` completely; throws an IngestError naming every problem found. */
export async function prepareArticle(db: Db, input: IngestInput, reviewer: string): Promise<PreparedArticle> {
  const articleKey = keyOf(input.annotations);
  if (typeof input.text !== 'string') {
    throw new AnnotationInvalidError(articleKey, [{ path: 'text', message: 'the article text must be a string' }]);
  }
  if (input.text.length > INGEST_LIMITS.textLength) {
    throw new IngestLimitError(articleKey, 'the text length', INGEST_LIMITS.textLength, input.text.length);
  }
  if (input.annotations === null || typeof input.annotations !== 'object' || Array.isArray(input.annotations)) {
    throw new AnnotationInvalidError(articleKey, [{ path: '$', message: 'the annotation must be a JSON object' }]);
  }
  const spans = countSpans(input.annotations);
  if (spans > INGEST_LIMITS.spans)
    throw new IngestLimitError(articleKey, 'the number of spans', INGEST_LIMITS.spans, spans);

  const parsed = annotationSchema.safeParse(input.annotations);
  if (!parsed.success) throw new AnnotationInvalidError(articleKey, schemaProblems(parsed.error));
  const a = parsed.data;
  const entities = a.persons.length + a.organizations.length + a.events.length + a.statements.length;
  if (entities > INGEST_LIMITS.entities) {
    throw new IngestLimitError(a.article.key, 'the number of entities', INGEST_LIMITS.entities, entities);
  }

  // Keys used without being defined may name nodes of the graph.
  const graph = new ResolveGraph(db);
  const references: GraphReference[] = [];
  for (const ref of undefinedReferences(a)) {
    const kind = ref.kind === 'person' ? 'PERSON' : ref.kind === 'organization' ? 'ORGANIZATION' : 'EVENT';
    if (await graph.nodeByKey(kind, ref.key)) references.push(ref);
  }
  const known = new Set(references.map((r) => `${r.kind}:${r.key}`));
  const result = validateAnnotation(input.annotations, input.text, {
    graphKeys: { has: (kind, key) => known.has(`${kind}:${key}`) },
  });
  if (!result.ok) throw new AnnotationInvalidError(a.article.key, result.problems);
  const annotation = result.annotation;
  // A valid draft may still say "speaker unknown"; the graph may not.
  const placeholder = annotation.organizations.findIndex((o) => o.key === PLACEHOLDER_SPEAKER);
  if (placeholder >= 0) {
    throw new AnnotationInvalidError(a.article.key, [
      {
        path: `$.organizations[${placeholder}].key`,
        message: `"${PLACEHOLDER_SPEAKER}" stands for speakers the draft could not find: name the real speakers first`,
      },
    ]);
  }

  return {
    annotation,
    text: input.text,
    countries: result.countries,
    references,
    contentHash: sha256Hex(input.text),
    annotationHash: sha256Hex(JSON.stringify(annotation)),
    review: reviewOf(annotation, input.annotations, reviewer, input.acceptDraft ?? false),
  };
}

/**
 * A draft enters the graph only reviewed: edited by a curator (its content no longer hashes
 * to what the assistant drafted), carrying a `review` block, or accepted explicitly.
 */
function reviewOf(
  annotation: Annotation,
  raw: unknown,
  reviewer: string,
  acceptDraft: boolean,
): PreparedArticle['review'] {
  if (annotation.review) return { by: annotation.review.by, at: new Date(annotation.review.at) };
  if (!annotation.draft) return null;
  // Hashed as submitted: validation has since rewritten country names as codes.
  const edited = draftContentHash(raw) !== annotation.draft.contentHash;
  if (!edited && !acceptDraft) throw new DraftNotReviewedError(annotation.article.key);
  return { by: reviewer, at: new Date() };
}
