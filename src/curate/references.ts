/**
 * From what a curator names (global IDs of nodes, statements, articles) to what an article's
 * document names (its local keys), and back. A node the document does not define is named by
 * its graph key, which the format accepts as a reference.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Annotation } from '../annotations/format.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { currentKey } from '../graph/nodes.js';
import { CurationInputError } from './errors.js';

export type NodeType = 'Person' | 'Organization' | 'Country' | 'Event';

export interface NodeRef {
  type: NodeType;
  /** Database id (a country's alpha-2 code). */
  id: number | string;
  key: string;
  label: string;
}

function decode(field: string, globalId: string): { typename: string; id: string } {
  try {
    return decodeGlobalID(globalId);
  } catch {
    throw new CurationInputError(field, 'not a valid ID');
  }
}

/** The node a global ID names (a former key names the node it became). */
export async function nodeOf(
  prisma: PrismaClient,
  field: string,
  globalId: string,
  allowed: readonly NodeType[],
): Promise<NodeRef> {
  const { typename, id } = decode(field, globalId);
  if (!(allowed as readonly string[]).includes(typename)) {
    throw new CurationInputError(field, `must be the ID of a ${allowed.join(' or ')}, not of a ${typename}`);
  }
  const type = typename as NodeType;
  if (type === 'Country') {
    const country = /^[A-Z]{2}$/.test(id) ? await prisma.country.findUnique({ where: { code: id } }) : null;
    if (!country) throw new CurationInputError(field, 'no such country');
    return { type, id: country.code, key: country.code, label: country.name };
  }
  const key = await currentKey(prisma, type, id);
  const row =
    type === 'Person'
      ? await prisma.person.findUnique({ where: { key }, select: { id: true, key: true, name: true } })
      : type === 'Organization'
        ? await prisma.organization.findUnique({ where: { key }, select: { id: true, key: true, name: true } })
        : await prisma.event
            .findUnique({ where: { key }, select: { id: true, key: true, title: true } })
            .then((e) => e && { id: e.id, key: e.key, name: e.title });
  if (!row) throw new CurationInputError(field, `no ${type} has this ID`);
  return { type, id: row.id, key: row.key, label: row.name };
}

/** The article a global ID names, as its database id. */
export async function articleOf(
  prisma: PrismaClient,
  field: string,
  globalId: string,
): Promise<{ id: number; key: string }> {
  const { typename, id } = decode(field, globalId);
  if (typename !== 'Article') throw new CurationInputError(field, `must be the ID of an Article, not of a ${typename}`);
  const article = await prisma.article.findUnique({ where: { key: id }, select: { id: true, key: true } });
  if (!article) throw new CurationInputError(field, 'no such article');
  return article;
}

/** A statement by its global ID: its article and its key in the article's document. */
export async function statementOf(prisma: PrismaClient, globalId: string) {
  const { typename, id } = decode('id', globalId);
  if (typename !== 'Statement')
    throw new CurationInputError('id', `must be the ID of a Statement, not of a ${typename}`);
  const statement = await prisma.statement.findUnique({
    where: { key: id },
    select: { key: true, articleId: true, article: { select: { key: true } } },
  });
  if (!statement) throw new CurationInputError('id', 'no such statement');
  return {
    articleId: statement.articleId,
    key: statement.key,
    localKey: statement.key.slice(statement.article.key.length + 1),
  };
}

const KIND = { Person: 'PERSON', Organization: 'ORGANIZATION', Country: 'COUNTRY', Event: 'EVENT' } as const;

/** The key an article's document gives a node, if the document defines it. */
export async function localKeyIn(prisma: PrismaClient, articleId: number, node: NodeRef): Promise<string | null> {
  if (node.type === 'Country') return null;
  const target =
    node.type === 'Person'
      ? { personId: node.id as number }
      : node.type === 'Organization'
        ? { organizationId: node.id as number }
        : { eventId: node.id as number };
  const rows = await prisma.resolution.findMany({
    where: { articleId, kind: KIND[node.type], ...target },
    select: { localKey: true, description: true },
  });
  // A reference by graph key is recorded too; the entity the document defines is the other one.
  const defined = rows.find((r) => !(r.description as { reference?: string } | null)?.reference);
  return defined?.localKey ?? null;
}

/** How the document refers to a node: its own key for it, else the node's graph key. */
export async function referenceIn(prisma: PrismaClient, articleId: number, node: NodeRef): Promise<string> {
  return (await localKeyIn(prisma, articleId, node)) ?? node.key;
}

/** A key not yet used in a section of the document: `wanted`, or `wanted-2`, `wanted-3`... */
export function freeLocalKey(used: Iterable<string>, wanted: string): string {
  const taken = new Set(used);
  const base =
    wanted
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'item';
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(key)) return key;
  }
}

/** The document's person entry for a node, added (with a resolve hint) when it has none. */
export function ensurePerson(
  document: Annotation,
  localKey: string | null,
  node: NodeRef,
): Annotation['persons'][number] {
  const existing = localKey ? document.persons.find((p) => p.key === localKey) : undefined;
  if (existing) return existing;
  const entry = {
    key: freeLocalKey(
      document.persons.map((p) => p.key),
      node.key,
    ),
    name: node.label,
    aliases: [],
    mentions: [],
    roles: [],
    resolve: { key: node.key },
  };
  document.persons.push(entry);
  return entry;
}
