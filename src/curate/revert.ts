/**
 * Reverting a curation edit (scope admin): the article's document goes back to what it was
 * before the edit, or the node to its fields before it, provided nothing changed since (the
 * article or node is still at the version the edit produced; otherwise revert the later edits
 * first). The revert is an edit of its own, linked to the one it reverts.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Annotation } from '../annotations/format.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { editArticleDocument } from './document.js';
import { CurationInputError, EditConflictError } from './errors.js';
import { revertNodeEdit } from './node-revert.js';

export interface Reverted {
  editId: number;
  revertedId: number;
  articleId: number | null;
}

export async function revertEdit(prisma: PrismaClient, actor: string, editGlobalId: string): Promise<Reverted> {
  let id: number;
  try {
    const decoded = decodeGlobalID(editGlobalId);
    if (decoded.typename !== 'Edit' || !/^\d+$/.test(decoded.id)) throw new Error('not an edit');
    id = Number(decoded.id);
  } catch {
    throw new CurationInputError('id', 'not the ID of an Edit');
  }
  const edit = await prisma.edit.findUnique({ where: { id }, include: { revertedBy: { select: { id: true } } } });
  if (!edit) throw new CurationInputError('id', 'no such edit');
  if (edit.revertedBy) throw new CurationInputError('id', `already reverted (by edit ${edit.revertedBy.id})`);

  if (edit.articleId !== null) {
    if (!edit.previousDocument) throw new CurationInputError('id', 'this edit kept no document to go back to');
    const article = await prisma.article.findUniqueOrThrow({
      where: { id: edit.articleId },
      select: { key: true, version: true },
    });
    if (article.version !== edit.version) {
      throw new EditConflictError(
        `article ${article.key} (changed since this edit: revert the later edits first)`,
        edit.version,
        article.version,
      );
    }
    const previous = edit.previousDocument as unknown as Annotation;
    const result = await editArticleDocument(
      prisma,
      edit.articleId,
      edit.version,
      actor,
      {
        operation: 'REVERT',
        targetType: edit.targetType,
        targetKey: edit.targetKey,
        apply: (document) => {
          for (const key of Object.keys(document)) delete (document as Record<string, unknown>)[key];
          Object.assign(document, structuredClone(previous));
          return { before: edit.after, after: edit.before };
        },
      },
      { revertsId: edit.id },
    );
    return { editId: result.editId, revertedId: edit.id, articleId: edit.articleId };
  }
  const editId = await revertNodeEdit(prisma, actor, edit);
  return { editId, revertedId: edit.id, articleId: null };
}
