/**
 * Graph nodes: from a Relay global ID to the row it names, and from database ids back to keys,
 * global IDs and labels (one SQL statement for any number of nodes of any kinds).
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Prisma } from '../generated/prisma/client.js';
import { GraphInputError, type GraphNodeRef, isNodeKind, NODE_KINDS, type NodeKind } from './types.js';

/** Internal node identity: `<kind>:<db id>`, e.g. `Person:12`, `Country:KZ`. */
export type NodeId = string;
export const nodeId = (kind: NodeKind, dbId: number | string): NodeId => `${kind}:${dbId}`;
export function parseNodeId(id: NodeId): { kind: NodeKind; dbId: number | string } {
  const cut = id.indexOf(':');
  const kind = id.slice(0, cut) as NodeKind;
  const raw = id.slice(cut + 1);
  return { kind, dbId: kind === 'Country' ? raw : Number(raw) };
}

const KIND_LIST = 'Person, Organization, Country, Event, Statement or Article';

/** Decodes a global ID of one of the node kinds; anything else is a GraphInputError naming the problem. */
export function decodeEntityId(globalId: string, argument = 'id'): { kind: NodeKind; key: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw new GraphInputError(
      `${argument}: "${truncate(globalId, 60)}" is not a valid ID. Use the \`id\` of a ${KIND_LIST} as the API returns it.`,
    );
  }
  if (!isNodeKind(decoded.typename)) {
    throw new GraphInputError(
      `${argument}: "${truncate(globalId, 60)}" is the ID of a ${decoded.typename}; the graph has nodes of type ${KIND_LIST}.`,
    );
  }
  return { kind: decoded.typename, key: decoded.id };
}

/** The node a global ID names, looked up by its key (one query); unknown keys are NOT_FOUND errors. */
export async function resolveEntity(prisma: PrismaClient, globalId: string, argument = 'id'): Promise<GraphNodeRef> {
  const { kind, key } = decodeEntityId(globalId, argument);
  const row = await findByKey(prisma, kind, key);
  if (!row) {
    throw new GraphInputError(
      `${argument}: no ${kind} has the ID "${truncate(globalId, 60)}" (key "${truncate(key, 80)}").`,
      'NOT_FOUND',
    );
  }
  return { kind, dbId: row.dbId, key: row.key, id: encodeGlobalID(kind, row.key), label: row.label, distance: 0 };
}

const FORMER_KEY_KINDS = { Person: 'PERSON', Organization: 'ORGANIZATION', Event: 'EVENT' } as const;

/**
 * The key a node has now, given one it may have had: the key of a node merged into another,
 * or an article's key for a node it resolved to, names the node it became. One indexed query.
 */
export async function currentKey(prisma: PrismaClient, kind: 'Person' | 'Organization' | 'Event', key: string) {
  const former = await prisma.nodeKey.findUnique({
    where: { kind_key: { kind: FORMER_KEY_KINDS[kind], key } },
    select: {
      person: { select: { key: true } },
      organization: { select: { key: true } },
      event: { select: { key: true } },
    },
  });
  return former?.person?.key ?? former?.organization?.key ?? former?.event?.key ?? key;
}

async function findByKey(prisma: PrismaClient, kind: NodeKind, rawKey: string) {
  const key =
    kind === 'Person' || kind === 'Organization' || kind === 'Event' ? await currentKey(prisma, kind, rawKey) : rawKey;
  switch (kind) {
    case 'Person': {
      const r = await prisma.person.findUnique({ where: { key }, select: { id: true, key: true, name: true } });
      return r && { dbId: r.id, key: r.key, label: r.name };
    }
    case 'Organization': {
      const r = await prisma.organization.findUnique({ where: { key }, select: { id: true, key: true, name: true } });
      return r && { dbId: r.id, key: r.key, label: r.name };
    }
    case 'Country': {
      // Country IDs are built from the upper-case alpha-2 code; nothing else is a valid key.
      if (!/^[A-Z]{2}$/.test(key)) return null;
      const r = await prisma.country.findUnique({ where: { code: key }, select: { code: true, name: true } });
      return r && { dbId: r.code, key: r.code, label: r.name };
    }
    case 'Event': {
      const r = await prisma.event.findUnique({ where: { key }, select: { id: true, key: true, title: true } });
      return r && { dbId: r.id, key: r.key, label: r.title };
    }
    case 'Statement': {
      const r = await prisma.statement.findUnique({ where: { key }, select: { id: true, key: true, text: true } });
      return r && { dbId: r.id, key: r.key, label: r.text };
    }
    case 'Article': {
      const r = await prisma.article.findUnique({ where: { key }, select: { id: true, key: true, title: true } });
      return r && { dbId: r.id, key: r.key, label: r.title };
    }
  }
}

/** Label column of each kind's table, for describeNodes. */
const LABEL: Record<NodeKind, { table: string; key: string; label: string; id: string }> = {
  Person: { table: '"Person"', id: 'id', key: 'key', label: 'name' },
  Organization: { table: '"Organization"', id: 'id', key: 'key', label: 'name' },
  Country: { table: '"Country"', id: 'code', key: 'code', label: 'name' },
  Event: { table: '"Event"', id: 'id', key: 'key', label: 'title' },
  Statement: { table: '"Statement"', id: 'id', key: 'key', label: 'text' },
  Article: { table: '"Article"', id: 'id', key: 'key', label: 'title' },
};

/**
 * Keys, global IDs and labels of the given nodes (internal ids), in one statement (a UNION ALL
 * of primary-key lookups). Nodes that no longer exist are left out.
 */
export async function describeNodes(
  prisma: PrismaClient,
  ids: Iterable<NodeId>,
): Promise<Map<NodeId, Omit<GraphNodeRef, 'distance'>>> {
  const byKind = new Map<NodeKind, (number | string)[]>();
  for (const id of ids) {
    const { kind, dbId } = parseNodeId(id);
    const list = byKind.get(kind) ?? [];
    byKind.set(kind, list);
    list.push(dbId);
  }
  const parts: Prisma.Sql[] = [];
  for (const kind of NODE_KINDS) {
    const list = byKind.get(kind);
    if (!list?.length) continue;
    const { table, id, key, label } = LABEL[kind];
    const array = kind === 'Country' ? Prisma.sql`${list}::bpchar[]` : Prisma.sql`${list}::int[]`;
    parts.push(
      Prisma.sql`SELECT ${kind}::text AS kind, ${Prisma.raw(id)}::text AS id, ${Prisma.raw(key)}::text AS key, ${Prisma.raw(label)}::text AS label
        FROM ${Prisma.raw(table)} WHERE ${Prisma.raw(id)} = ANY(${array})`,
    );
  }
  const result = new Map<NodeId, Omit<GraphNodeRef, 'distance'>>();
  if (parts.length === 0) return result;
  const rows = await prisma.$queryRaw<{ kind: NodeKind; id: string; key: string; label: string }[]>(
    Prisma.join(parts, ' UNION ALL '),
  );
  for (const row of rows) {
    const dbId = row.kind === 'Country' ? row.id : Number(row.id);
    result.set(nodeId(row.kind, dbId), {
      kind: row.kind,
      dbId,
      key: row.key,
      id: encodeGlobalID(row.kind, row.key),
      label: row.label,
    });
  }
  return result;
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
