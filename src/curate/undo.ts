/**
 * Undoing a resolution: the article is ingested again from its stored annotation, with the
 * entity marked `resolve: "new"`, so it gets a node of its own and everything the article
 * says of it moves there. The hint stays in the stored annotation: the decision is recorded,
 * and ingesting the article again keeps it.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient } from '../generated/prisma/client.js';
import { ingestArticle, type WriteOutcome } from '../ingest/index.js';

export class UndoResolutionError extends Error {
  override name = 'UndoResolutionError';
}

const SECTION = { PERSON: 'persons', ORGANIZATION: 'organizations', EVENT: 'events' } as const;

export async function undoResolution(prisma: PrismaClient, resolutionId: string, actor: string): Promise<WriteOutcome> {
  let id: number;
  try {
    const decoded = decodeGlobalID(resolutionId);
    if (decoded.typename !== 'Resolution' || !/^\d+$/.test(decoded.id)) throw new Error('not a resolution');
    id = Number(decoded.id);
  } catch {
    throw new UndoResolutionError('id: not the ID of a Resolution');
  }
  const resolution = await prisma.resolution.findUnique({
    where: { id },
    include: { article: { select: { key: true, body: true, annotation: true } } },
  });
  if (!resolution)
    throw new UndoResolutionError('id: no such resolution (its article may have been ingested again since)');
  if (resolution.kind === 'COUNTRY')
    throw new UndoResolutionError('countries are reference data: there is nothing to undo');
  if (resolution.rule === 'CREATED' || resolution.rule === 'HINT_NEW') {
    throw new UndoResolutionError('this entity already has a node of its own');
  }
  const document = structuredClone(resolution.article.annotation) as Record<
    string,
    { key: string; resolve?: unknown }[]
  > | null;
  const entity = document?.[SECTION[resolution.kind]]?.find((e) => e.key === resolution.localKey);
  if (!document || !entity) {
    throw new UndoResolutionError(
      `article ${resolution.article.key} refers to ${resolution.localKey} by key without defining it: edit its annotation instead`,
    );
  }
  entity.resolve = 'new';
  return ingestArticle(prisma, { text: resolution.article.body, annotations: document, acceptDraft: true }, { actor });
}
