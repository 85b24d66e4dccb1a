/**
 * Merging two nodes that are one entity (a curator's decision): everything that points at the
 * merged node is moved to the kept one (statements, roles, participations, mentions, reports,
 * relations, resolutions, former keys), its names become the kept node's aliases, its key a
 * former key of the kept node (so its global ID keeps resolving), and it is deleted. One
 * transaction, serialized with ingestion.
 */

import { announceChange } from '../changes.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { decodeEntityId } from '../graph/nodes.js';
import { refreshEvents } from '../ingest/events.js';
import { INGEST_LOCK } from '../ingest/write.js';
import { organizationNameKeys, personNameKeys } from '../resolve/names.js';

type Tx = Prisma.TransactionClient;
export type MergeKind = 'Person' | 'Organization' | 'Event';

/** A merge a curator asked for that cannot be done; nothing was changed. */
export class MergeError extends Error {
  override name = 'MergeError';
}

export interface MergeOutcome {
  kind: MergeKind;
  keptId: number;
  keptKey: string;
  mergedKey: string;
  /** Rows moved from the merged node to the kept one, by table. */
  moved: Record<string, number>;
}

const union = (...lists: (readonly (string | null | undefined)[])[]) => [
  ...new Set(lists.flat().filter((x): x is string => typeof x === 'string' && x.length > 0)),
];

export async function mergeEntities(prisma: PrismaClient, keepId: string, mergeId: string): Promise<MergeOutcome> {
  const outcome = await merge(prisma, keepId, mergeId);
  announceChange({ kind: 'node', type: outcome.kind, id: outcome.keptId });
  return outcome;
}

async function merge(prisma: PrismaClient, keepId: string, mergeId: string): Promise<MergeOutcome> {
  const keep = decodeEntityId(keepId, 'keep');
  const merge = decodeEntityId(mergeId, 'merge');
  if (keep.kind !== merge.kind)
    throw new MergeError(`keep is a ${keep.kind} and merge a ${merge.kind}: only nodes of one kind merge`);
  if (keep.kind !== 'Person' && keep.kind !== 'Organization' && keep.kind !== 'Event') {
    throw new MergeError(`${keep.kind} nodes cannot be merged: only persons, organizations and events`);
  }
  const kind = keep.kind;
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)`;
      const [kept, merged] = await Promise.all([nodeByKey(tx, kind, keep.key), nodeByKey(tx, kind, merge.key)]);
      if (!kept) throw new MergeError(`keep: no ${kind} has the ID ${keepId}`);
      if (!merged) throw new MergeError(`merge: no ${kind} has the ID ${mergeId}`);
      if (kept.id === merged.id) throw new MergeError('keep and merge are the same node');
      const moved = await MOVE[kind](tx, kept.id, merged.id);
      await tx.nodeKey.updateMany({ where: { [FK[kind]]: merged.id }, data: { [FK[kind]]: kept.id } });
      moved.formerKeys = (moved.formerKeys ?? 0) + 1;
      // The node is deleted before its key becomes a former key: keys are unique across both.
      if (kind === 'Person') await tx.person.delete({ where: { id: merged.id } });
      if (kind === 'Organization') await tx.organization.delete({ where: { id: merged.id } });
      if (kind === 'Event') await tx.event.delete({ where: { id: merged.id } });
      await tx.nodeKey.create({ data: { kind: KIND[kind], key: merged.key, origin: 'merged', [FK[kind]]: kept.id } });
      if (kind === 'Event') await refreshEvents(tx, [kept.id]);
      return { kind, keptId: kept.id, keptKey: kept.key, mergedKey: merged.key, moved };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

const KIND = { Person: 'PERSON', Organization: 'ORGANIZATION', Event: 'EVENT' } as const;
const FK = { Person: 'personId', Organization: 'organizationId', Event: 'eventId' } as const;

async function nodeByKey(tx: Tx, kind: MergeKind, key: string) {
  const direct =
    kind === 'Person'
      ? await tx.person.findUnique({ where: { key }, select: { id: true, key: true } })
      : kind === 'Organization'
        ? await tx.organization.findUnique({ where: { key }, select: { id: true, key: true } })
        : await tx.event.findUnique({ where: { key }, select: { id: true, key: true } });
  if (direct) return direct;
  const former = await tx.nodeKey.findUnique({
    where: { kind_key: { kind: KIND[kind], key } },
    select: { personId: true, organizationId: true, eventId: true },
  });
  const id = former?.personId ?? former?.organizationId ?? former?.eventId;
  if (!id) return null;
  return nodeByKey(tx, kind, (await keyOf(tx, kind, id)) as string);
}

async function keyOf(tx: Tx, kind: MergeKind, id: number) {
  if (kind === 'Person') return (await tx.person.findUnique({ where: { id }, select: { key: true } }))?.key;
  if (kind === 'Organization') return (await tx.organization.findUnique({ where: { id }, select: { key: true } }))?.key;
  return (await tx.event.findUnique({ where: { id }, select: { key: true } }))?.key;
}

type Mover = (tx: Tx, keep: number, merge: number) => Promise<Record<string, number>>;

const MOVE: Record<MergeKind, Mover> = {
  async Person(tx, keep, merge) {
    const moved = {
      statements: (
        await tx.statement.updateMany({ where: { speakerPersonId: merge }, data: { speakerPersonId: keep } })
      ).count,
      roles: (await tx.role.updateMany({ where: { personId: merge }, data: { personId: keep } })).count,
      participations: (await tx.eventParticipant.updateMany({ where: { personId: merge }, data: { personId: keep } }))
        .count,
      mentions: (await tx.mention.updateMany({ where: { personId: merge }, data: { personId: keep } })).count,
      resolutions: (await tx.resolution.updateMany({ where: { personId: merge }, data: { personId: keep } })).count,
    };
    const [k, m] = await Promise.all([
      tx.person.findUniqueOrThrow({ where: { id: keep } }),
      tx.person.findUniqueOrThrow({ where: { id: merge } }),
    ]);
    const aliases = union(k.aliases, [m.name], m.aliases).filter((a) => a !== k.name);
    await tx.person.update({ where: { id: keep }, data: { aliases, nameKeys: personNameKeys(k.name, aliases) } });
    return moved;
  },

  async Organization(tx, keep, merge) {
    const moved = {
      statements: (
        await tx.statement.updateMany({
          where: { speakerOrganizationId: merge },
          data: { speakerOrganizationId: keep },
        })
      ).count,
      roles: (await tx.role.updateMany({ where: { organizationId: merge }, data: { organizationId: keep } })).count,
      participations: (
        await tx.eventParticipant.updateMany({ where: { organizationId: merge }, data: { organizationId: keep } })
      ).count,
      mentions: (await tx.mention.updateMany({ where: { organizationId: merge }, data: { organizationId: keep } }))
        .count,
      resolutions: (
        await tx.resolution.updateMany({ where: { organizationId: merge }, data: { organizationId: keep } })
      ).count,
      articles: (await tx.article.updateMany({ where: { sourceId: merge }, data: { sourceId: keep } })).count,
      children: (
        await tx.organization.updateMany({ where: { parentId: merge, NOT: { id: keep } }, data: { parentId: keep } })
      ).count,
    };
    const [k, m] = await Promise.all([
      tx.organization.findUniqueOrThrow({ where: { id: keep } }),
      tx.organization.findUniqueOrThrow({ where: { id: merge } }),
    ]);
    const aliases = union(k.aliases, [m.name], m.aliases).filter((a) => a !== k.name);
    const acronym = k.acronym ?? m.acronym;
    // What the kept node lacks, the merged one may know (its lead country with its evidence).
    const lead =
      k.leadCountryCode === null && m.leadCountryCode !== null
        ? {
            leadCountryCode: m.leadCountryCode,
            leadCountryArticleId: m.leadCountryArticleId,
            leadCountryEvidenceStart: m.leadCountryEvidenceStart,
            leadCountryEvidenceEnd: m.leadCountryEvidenceEnd,
            leadCountryEvidenceText: m.leadCountryEvidenceText,
          }
        : {};
    await tx.organization.update({
      where: { id: keep },
      data: {
        aliases,
        acronym,
        countryCode: k.countryCode ?? m.countryCode,
        parentId: k.parentId === merge ? m.parentId : (k.parentId ?? (m.parentId === keep ? null : m.parentId)),
        nameKeys: organizationNameKeys(k.name, acronym, aliases),
        ...lead,
      },
    });
    return moved;
  },

  async Event(tx, keep, merge) {
    const both = await tx.eventReport.findMany({
      where: { eventId: { in: [keep, merge] } },
      select: { eventId: true, articleId: true, article: { select: { key: true } } },
    });
    const keptArticles = new Set(both.filter((r) => r.eventId === keep).map((r) => r.articleId));
    const clash = both.find((r) => r.eventId === merge && keptArticles.has(r.articleId));
    if (clash) {
      throw new MergeError(
        `article ${clash.article.key} reports both events separately: make them one event in its annotation and ingest it again`,
      );
    }
    // Relations between the two would become an event's relation to itself, and a relation
    // an article states of both would be stated twice.
    await tx.eventRelation.deleteMany({
      where: {
        OR: [
          { fromId: keep, toId: merge },
          { fromId: merge, toId: keep },
        ],
      },
    });
    await tx.$executeRaw`DELETE FROM "EventRelation" m USING "EventRelation" k
      WHERE (m."fromId" = ${merge} AND k."fromId" = ${keep} AND m."toId" = k."toId"
          OR m."toId" = ${merge} AND k."toId" = ${keep} AND m."fromId" = k."fromId")
        AND m."articleId" = k."articleId" AND m.type = k.type`;
    const moved = {
      reports: (await tx.eventReport.updateMany({ where: { eventId: merge }, data: { eventId: keep } })).count,
      participants: (await tx.eventParticipant.updateMany({ where: { eventId: merge }, data: { eventId: keep } }))
        .count,
      relationsFrom: (await tx.eventRelation.updateMany({ where: { fromId: merge }, data: { fromId: keep } })).count,
      relationsTo: (await tx.eventRelation.updateMany({ where: { toId: merge }, data: { toId: keep } })).count,
      statements: (await tx.statement.updateMany({ where: { occasionId: merge }, data: { occasionId: keep } })).count,
      mentions: (await tx.mention.updateMany({ where: { eventId: merge }, data: { eventId: keep } })).count,
      resolutions: (await tx.resolution.updateMany({ where: { eventId: merge }, data: { eventId: keep } })).count,
      subEvents: (await tx.event.updateMany({ where: { parentId: merge }, data: { parentId: keep } })).count,
      childReports: (await tx.eventReport.updateMany({ where: { parentId: merge }, data: { parentId: keep } })).count,
    };
    await tx.eventReport.updateMany({ where: { eventId: keep, parentId: keep }, data: { parentId: null } });
    return moved;
  },
};
