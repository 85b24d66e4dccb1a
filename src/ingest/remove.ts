/**
 * Taking an article's facts out of the graph, for a replacement or a deletion, without
 * touching what other articles contribute: its statements, roles, mentions, participations,
 * event reports and relations, resolutions and lead-country claims go; the nodes it resolved
 * to stay as long as another article supports them (has a Resolution for them).
 */
import type { Prisma } from '../generated/prisma/client.js';
import { refreshEvents } from './events.js';

type Tx = Prisma.TransactionClient;

/** The nodes an article supports, from its resolutions. */
export interface SupportedNodes {
  persons: number[];
  organizations: number[];
  events: number[];
}

export async function supportedBy(tx: Tx, articleId: number): Promise<SupportedNodes> {
  const rows = await tx.resolution.findMany({
    where: { articleId },
    select: { personId: true, organizationId: true, eventId: true },
  });
  const ids = (pick: (r: (typeof rows)[number]) => number | null) => [
    ...new Set(rows.flatMap((r) => (pick(r) === null ? [] : [pick(r) as number]))),
  ];
  return {
    persons: ids((r) => r.personId),
    organizations: ids((r) => r.organizationId),
    events: ids((r) => r.eventId),
  };
}

/** Deletes everything the article contributed but the article row and the nodes. */
export async function clearArticleFacts(tx: Tx, articleId: number): Promise<void> {
  // Statements cascade to their about-countries and restatement mentions.
  await tx.statement.deleteMany({ where: { articleId } });
  await tx.role.deleteMany({ where: { articleId } });
  await tx.mention.deleteMany({ where: { articleId } });
  await tx.eventParticipant.deleteMany({ where: { articleId } });
  await tx.eventRelation.deleteMany({ where: { articleId } });
  await tx.eventReport.deleteMany({ where: { articleId } });
  await tx.resolution.deleteMany({ where: { articleId } });
  await tx.organization.updateMany({
    where: { leadCountryArticleId: articleId },
    data: {
      leadCountryCode: null,
      leadCountryArticleId: null,
      leadCountryEvidenceStart: null,
      leadCountryEvidenceEnd: null,
      leadCountryEvidenceText: null,
    },
  });
}

/**
 * Deletes the nodes among `candidates` that no article supports any more, and re-derives the
 * events that remain from their reports. Returns what was deleted.
 */
export async function collectGarbage(tx: Tx, candidates: SupportedNodes): Promise<SupportedNodes> {
  const deletedEvents = await refreshEvents(tx, candidates.events);
  const orphans = { resolutions: { none: {} } };
  const persons = await tx.person.findMany({
    where: { id: { in: candidates.persons }, ...orphans },
    select: { id: true },
  });
  const organizations = await tx.organization.findMany({
    where: { id: { in: candidates.organizations }, ...orphans, articles: { none: {} } },
    select: { id: true },
  });
  const personIds = persons.map((p) => p.id);
  const organizationIds = organizations.map((o) => o.id);
  if (personIds.length > 0) await tx.person.deleteMany({ where: { id: { in: personIds } } });
  if (organizationIds.length > 0) await tx.organization.deleteMany({ where: { id: { in: organizationIds } } });
  return { persons: personIds, organizations: organizationIds, events: deletedEvents };
}
