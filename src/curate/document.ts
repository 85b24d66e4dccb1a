/**
 * Curation of an article's facts is an edit of its annotation document, ingested again through
 * the one ingestion path: the edited document is checked exactly as an ingested one (every span
 * against the text, references, quotations), the facts are rebuilt from it, the article's
 * earlier resolutions are kept, and the stored document keeps the edit, so a later ingestion
 * of the same document reproduces it. The edit is recorded in the same transaction, with the
 * document before it (what a revert restores).
 */
import type { Annotation } from '../annotations/format.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { commitArticle, prepareArticle, type WriteOutcome } from '../ingest/index.js';
import { CurationInputError, EditConflictError } from './errors.js';

export interface DocumentEdit {
  /** e.g. UPDATE_STATEMENT. */
  operation: string;
  /** The GraphQL type and key of what is edited ("Statement", "<article key>/<statement key>"). */
  targetType: string;
  /** The key, or how to find it once the edit is written (a new event's node is known only then). */
  targetKey: string | ((tx: Prisma.TransactionClient, articleId: number, localKey: string) => Promise<string>);
  /**
   * Changes the document in place; returns the edited item before and after (null: absent) and,
   * for an item it creates, the key it gave it.
   */
  apply: (
    document: Annotation,
    article: { key: string },
  ) => { before: unknown; after: unknown; localKey?: string; find?: (document: Annotation) => unknown };
}

export interface ArticleEdit {
  outcome: WriteOutcome;
  editId: number;
}

/** The stored article a curator edits, at the version the curator read. */
export async function loadArticleForEdit(prisma: PrismaClient, articleId: number, expectedVersion: number) {
  const article = await prisma.article.findUnique({
    where: { id: articleId },
    select: { id: true, key: true, body: true, annotation: true, version: true },
  });
  if (!article) throw new CurationInputError('article', 'no such article');
  if (!article.annotation) {
    throw new CurationInputError(
      'article',
      'its annotation document was not kept (stored before ingestion kept them): ingest it again first',
    );
  }
  if (article.version !== expectedVersion)
    throw new EditConflictError(`article ${article.key}`, expectedVersion, article.version);
  return { ...article, annotation: article.annotation as unknown as Annotation };
}

export async function editArticleDocument(
  prisma: PrismaClient,
  articleId: number,
  expectedVersion: number,
  actor: string,
  edit: DocumentEdit,
  extra: { revertsId?: number } = {},
): Promise<ArticleEdit> {
  const article = await loadArticleForEdit(prisma, articleId, expectedVersion);
  const document = structuredClone(article.annotation);
  const { before, after: given, localKey, find } = edit.apply(document, article);
  const prepared = await prepareArticle(
    prisma,
    { text: article.body, annotations: document, acceptDraft: true },
    actor,
  );
  // Recorded as stored: country names as codes, defaults filled in.
  const after = find ? (find(prepared.annotation) ?? given) : given;
  const result = await commitArticle(prisma, prepared, {
    actor,
    force: true,
    within: async (tx) => {
      // Checked again under the lock: the version read above may be stale by now.
      const current = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
      if (current.version !== expectedVersion) {
        throw new EditConflictError(`article ${article.key}`, expectedVersion, current.version);
      }
    },
    after: async (tx, outcome) =>
      tx.edit.create({
        data: {
          actor,
          operation: edit.operation,
          targetType: edit.targetType,
          targetKey:
            typeof edit.targetKey === 'string' ? edit.targetKey : await edit.targetKey(tx, articleId, localKey ?? ''),
          articleId,
          before: json(before),
          after: json(after),
          version: outcome.articleVersion,
          previousDocument: article.annotation as unknown as Prisma.InputJsonValue,
          revertsId: extra.revertsId,
        },
        select: { id: true },
      }),
  });
  return { outcome: result, editId: (result.extra as { id: number }).id };
}

/** A JSON value for a nullable Json column: null stays SQL NULL. */
export const json = (value: unknown) =>
  value === null || value === undefined ? undefined : (structuredClone(value) as Prisma.InputJsonValue);
