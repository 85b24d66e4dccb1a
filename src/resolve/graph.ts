/**
 * What resolution reads from the graph: candidate nodes for a description, found through
 * indexes (the GIN-indexed `nameKeys`, keys and former keys, events by kind and country), at
 * most CANDIDATE_LIMIT of each. Works on a transaction (ingestion) or on the client (drafting).
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { DatePrecision, EntityKind, EventKind } from '../generated/prisma/enums.js';
import type { EventCandidate } from './events.js';
import { contentWords } from './names.js';
import type { OrganizationCandidate } from './organizations.js';
import type { PersonCandidate } from './persons.js';

export type Db = PrismaClient | Prisma.TransactionClient;

/** Enough for any real name collision; a description matching more is reported, not guessed. */
export const CANDIDATE_LIMIT = 200;

/** What a description is looked up by: its name keys (src/resolve/names.ts) and its own key. */
export interface CandidateRequest {
  nameKeys: readonly string[];
  localKey: string;
}

/** A candidate found for one request of a batch: it shares a name key, or has the request's key. */
function matchesRequest(
  c: { key: string; nameKeys: readonly string[]; formerKeys: readonly string[] },
  r: CandidateRequest,
) {
  return c.key === r.localKey || c.formerKeys.includes(r.localKey) || c.nameKeys.some((k) => r.nameKeys.includes(k));
}

export interface NodeRef {
  id: number;
  key: string;
  label: string;
}

export class ResolveGraph {
  constructor(private readonly db: Db) {}

  /**
   * Candidates for several person descriptions in one query (an article's persons at once);
   * each description gets the candidates that share a name key with it or have its key.
   */
  async personCandidates(requests: readonly CandidateRequest[]): Promise<PersonCandidate[][]> {
    if (requests.length === 0) return [];
    const localKeys = requests.map((r) => r.localKey);
    const rows = await this.db.person.findMany({
      where: {
        OR: [
          { nameKeys: { hasSome: [...new Set(requests.flatMap((r) => r.nameKeys))] } },
          { key: { in: localKeys } },
          { formerKeys: { some: { kind: 'PERSON', key: { in: localKeys } } } },
        ],
      },
      select: {
        id: true,
        key: true,
        name: true,
        aliases: true,
        nameKeys: true,
        formerKeys: { select: { key: true } },
        roles: { select: { title: true, countryCode: true, organizationId: true }, take: 50 },
      },
      orderBy: { id: 'asc' },
      take: CANDIDATE_LIMIT * requests.length,
    });
    const candidates = rows.map((r) => ({
      id: r.id,
      key: r.key,
      name: r.name,
      aliases: r.aliases,
      nameKeys: r.nameKeys,
      formerKeys: r.formerKeys.map((k) => k.key),
      roleTitles: [...new Set(r.roles.map((x) => x.title))],
      roleCountries: [...new Set(r.roles.flatMap((x) => (x.countryCode ? [x.countryCode] : [])))],
      roleOrganizationIds: [...new Set(r.roles.flatMap((x) => (x.organizationId ? [x.organizationId] : [])))],
    }));
    return requests.map((request) => candidates.filter((c) => matchesRequest(c, request)).slice(0, CANDIDATE_LIMIT));
  }

  /** Candidates for several organization descriptions in one query, as personCandidates. */
  async organizationCandidates(requests: readonly CandidateRequest[]): Promise<OrganizationCandidate[][]> {
    if (requests.length === 0) return [];
    const localKeys = requests.map((r) => r.localKey);
    const rows = await this.db.organization.findMany({
      where: {
        OR: [
          { nameKeys: { hasSome: [...new Set(requests.flatMap((r) => r.nameKeys))] } },
          { key: { in: localKeys } },
          { formerKeys: { some: { kind: 'ORGANIZATION', key: { in: localKeys } } } },
        ],
      },
      select: {
        id: true,
        key: true,
        name: true,
        acronym: true,
        aliases: true,
        nameKeys: true,
        kind: true,
        parentId: true,
        countryCode: true,
        formerKeys: { select: { key: true } },
      },
      orderBy: { id: 'asc' },
      take: CANDIDATE_LIMIT * requests.length,
    });
    const candidates = rows.map((r) => ({ ...r, formerKeys: r.formerKeys.map((k) => k.key) }));
    return requests.map((request) => candidates.filter((c) => matchesRequest(c, request)).slice(0, CANDIDATE_LIMIT));
  }

  /**
   * Events of `kind` that could be the same: in the same country (or, without one, sharing a
   * participant), whose dates do not exclude the window, or known by the local key.
   */
  async eventCandidates(query: {
    kind: EventKind;
    localKey: string;
    countryCode: string | null;
    location: string | null;
    participantEventIds: number[];
    window: [Date, Date] | null;
  }): Promise<EventCandidate[]> {
    const dated: Prisma.EventWhereInput = query.window
      ? {
          OR: [
            { startDate: null, endDate: null },
            {
              AND: [
                { OR: [{ startDate: null }, { startDate: { lte: query.window[1] } }] },
                { OR: [{ endDate: null }, { endDate: { gte: query.window[0] } }] },
              ],
            },
          ],
        }
      : {};
    const place: Prisma.EventWhereInput[] = [{ id: { in: query.participantEventIds } }];
    if (query.countryCode) place.push({ countryCode: query.countryCode });
    // Without a country, the place's own words ("Tamir Bay") find the events held there.
    const placeWords = query.location ? contentWords(query.location).filter((w) => w.length > 3) : [];
    for (const word of placeWords) place.push({ location: { contains: word, mode: 'insensitive' } });
    const rows = await this.db.event.findMany({
      where: {
        OR: [
          { key: query.localKey },
          { formerKeys: { some: { kind: 'EVENT', key: query.localKey } } },
          { kind: query.kind, AND: [dated, { OR: place }] },
        ],
      },
      select: {
        id: true,
        key: true,
        title: true,
        kind: true,
        startDate: true,
        startPrecision: true,
        endDate: true,
        endPrecision: true,
        countryCode: true,
        location: true,
        parentId: true,
        formerKeys: { select: { key: true } },
        participants: { select: { personId: true, organizationId: true, countryCode: true }, take: 100 },
      },
      orderBy: { id: 'asc' },
      take: CANDIDATE_LIMIT,
    });
    const dateOf = (date: Date | null, precision: DatePrecision | null) =>
      date && precision ? { date, precision } : null;
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      title: r.title,
      kind: r.kind,
      start: dateOf(r.startDate, r.startPrecision),
      end: dateOf(r.endDate, r.endPrecision),
      countryCode: r.countryCode,
      location: r.location,
      parentId: r.parentId,
      formerKeys: r.formerKeys.map((k) => k.key),
      participants: r.participants.map((p) =>
        p.personId !== null
          ? `Person:${p.personId}`
          : p.organizationId !== null
            ? `Organization:${p.organizationId}`
            : `Country:${p.countryCode}`,
      ),
    }));
  }

  private wordsCache = new Map<number, string[]>();

  /** The distinctive words of an organization's names and acronym (none for null). */
  async organizationWords(id: number | null): Promise<string[]> {
    if (id === null) return [];
    const cached = this.wordsCache.get(id);
    if (cached) return cached;
    const o = await this.db.organization.findUnique({
      where: { id },
      select: { name: true, acronym: true, aliases: true },
    });
    const words = o ? [o.name, ...o.aliases, ...(o.acronym ? [o.acronym] : [])].flatMap((n) => contentWords(n)) : [];
    this.wordsCache.set(id, words);
    return words;
  }

  /** Events in which these actors take part: where a country-less event's candidates are. */
  async eventsWithParticipants(actors: { personIds: number[]; organizationIds: number[] }): Promise<number[]> {
    if (actors.personIds.length + actors.organizationIds.length === 0) return [];
    const rows = await this.db.eventParticipant.findMany({
      where: { OR: [{ personId: { in: actors.personIds } }, { organizationId: { in: actors.organizationIds } }] },
      select: { eventId: true },
      distinct: ['eventId'],
      take: CANDIDATE_LIMIT,
    });
    return rows.map((r) => r.eventId);
  }

  /** A node by its key or a former key (resolve hints, graph references). */
  async nodeByKey(kind: Exclude<EntityKind, 'COUNTRY'>, key: string): Promise<NodeRef | null> {
    const direct =
      kind === 'PERSON'
        ? await this.db.person.findUnique({ where: { key }, select: { id: true, key: true, name: true } })
        : kind === 'ORGANIZATION'
          ? await this.db.organization.findUnique({ where: { key }, select: { id: true, key: true, name: true } })
          : await this.db.event
              .findUnique({ where: { key }, select: { id: true, key: true, title: true } })
              .then((e) => e && { id: e.id, key: e.key, name: e.title });
    if (direct) return { id: direct.id, key: direct.key, label: direct.name };
    const former = await this.db.nodeKey.findUnique({
      where: { kind_key: { kind, key } },
      select: {
        person: { select: { id: true, key: true, name: true } },
        organization: { select: { id: true, key: true, name: true } },
        event: { select: { id: true, key: true, title: true } },
      },
    });
    const node =
      former?.person ?? former?.organization ?? (former?.event && { ...former.event, name: former.event.title });
    return node ? { id: node.id, key: node.key, label: node.name } : null;
  }
}
