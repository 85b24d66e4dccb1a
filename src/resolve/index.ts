/**
 * Entity resolution: decides, for every country, organization, person and event an
 * annotation describes, which node of the graph it is, or that it is a new one, or that it
 * cannot be decided without a curator. One module for ingestion and drafting.
 *
 * Order matters: organizations first (parents before children), so persons can be compared
 * by the organizations of their roles, and events last (parents first), compared by their
 * resolved participants. Hints (`resolve`) and the article's own earlier resolutions (when it
 * is re-ingested) come before the rules.
 */
import type { Annotation } from '../annotations/format.js';
import type { CountryDesignation, Problem } from '../annotations/validate.js';
import { decodeEntityId } from '../graph/nodes.js';
import { GraphInputError } from '../graph/types.js';
import { type EventDescription, periodOf, scoreEvent } from './events.js';
import type { ResolveGraph } from './graph.js';
import { contentWords, organizationNameKeys, personNameKeys } from './names.js';
import { scoreOrganization } from './organizations.js';
import { scorePerson } from './persons.js';
import { type Decision, decide, type EntityKind, type Match, WEAK } from './types.js';

export { ResolveGraph } from './graph.js';
export * from './types.js';

type Hint = Annotation['persons'][number]['resolve'];
type NodeKind = Exclude<EntityKind, 'COUNTRY'>;

/** How an entity resolved when its article was last ingested. */
export interface PreviousResolution {
  nodeId: number | string;
  rule: Match['rule'];
  score: number;
  reason: string;
}

export interface ResolveOptions {
  /** This article's resolutions from its last ingestion: `${kind}:${localKey}` → what they were. */
  previous?: ReadonlyMap<string, PreviousResolution>;
}

export interface Resolution {
  /** One decision per entity the document defines or references, in resolution order. */
  decisions: Decision[];
  /** Mistakes in the document found while resolving: bad hints, two entities that are one node. */
  problems: Problem[];
  /** Node id of each local key that resolved to an existing node: `${kind}:${localKey}`. */
  existing: Map<string, number | string>;
}

const GLOBAL_TYPE: Record<NodeKind, string> = { PERSON: 'Person', ORGANIZATION: 'Organization', EVENT: 'Event' };

const toDate = (value: string) => {
  const [y, m = '01', d = '01'] = value.split('-');
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
};
const dated = (v: { value: string; precision: 'DAY' | 'MONTH' | 'YEAR' } | null) =>
  v ? { date: toDate(v.value), precision: v.precision } : null;

/** Graph references: keys the document uses without defining them (already checked to exist). */
export type GraphReference = { kind: 'person' | 'organization' | 'event'; key: string };

export async function resolveAnnotation(
  graph: ResolveGraph,
  annotation: Annotation,
  countries: readonly CountryDesignation[],
  references: readonly GraphReference[],
  options: ResolveOptions = {},
): Promise<Resolution> {
  const out: Resolution = { decisions: [], problems: [], existing: new Map() };
  const record = (decision: Decision) => {
    out.decisions.push(decision);
    if (decision.outcome === 'existing')
      out.existing.set(`${decision.kind}:${decision.localKey}`, decision.match.nodeId);
  };
  const nodeOf = (kind: NodeKind, key: string | null) =>
    key === null ? null : ((out.existing.get(`${kind}:${key}`) as number | undefined) ?? null);

  for (const c of countries) {
    const byName = ['code', 'name', 'official', 'alternative', 'alias'].includes(c.kind);
    record({
      kind: 'COUNTRY',
      localKey: c.designation,
      description: { designation: c.designation },
      outcome: 'existing',
      match: {
        nodeId: c.code,
        key: c.code,
        label: c.code,
        rule: byName ? 'COUNTRY_NAME' : 'COUNTRY_DEMONYM',
        score: 1,
        reason: `"${c.designation}" is ${c.code}'s ${c.kind === 'code' ? 'ISO code' : c.kind}`,
      },
    });
  }

  for (const ref of references) {
    const kind = ref.kind.toUpperCase() as NodeKind;
    const node = await graph.nodeByKey(kind, ref.key);
    if (!node) continue; // validation already reported it
    record({
      kind,
      localKey: ref.key,
      description: { reference: ref.key },
      outcome: 'existing',
      match: { nodeId: node.id, key: node.key, label: node.label, rule: 'KEY', score: 1, reason: 'referred to by key' },
    });
  }

  /** A hint's decision, or null when there is none; a bad hint is a problem. */
  const fromHint = async (kind: NodeKind, localKey: string, hint: Hint, path: string) => {
    if (!hint) return null;
    const base = { kind, localKey, description: {} };
    if (hint === 'new') {
      return {
        ...base,
        outcome: 'create',
        rule: 'HINT_NEW',
        score: 1,
        reason: 'resolve: "new" in the annotation',
      } as const;
    }
    let key: string;
    let rule: Match['rule'];
    if ('id' in hint) {
      rule = 'HINT_ID';
      try {
        const decoded = decodeEntityId(hint.id, 'resolve.id');
        if (decoded.kind !== GLOBAL_TYPE[kind]) {
          out.problems.push({
            path: `${path}.resolve.id`,
            message: `is the ID of a ${decoded.kind}, not a ${GLOBAL_TYPE[kind]}`,
          });
          return null;
        }
        key = decoded.key;
      } catch (error) {
        if (!(error instanceof GraphInputError)) throw error;
        out.problems.push({ path: `${path}.resolve.id`, message: 'is not a valid global ID' });
        return null;
      }
    } else {
      rule = 'HINT_KEY';
      key = hint.key;
    }
    const node = await graph.nodeByKey(kind, key);
    if (!node) {
      out.problems.push({ path: `${path}.resolve`, message: `no ${GLOBAL_TYPE[kind]} has the key "${key}"` });
      return null;
    }
    return {
      ...base,
      outcome: 'existing',
      match: { nodeId: node.id, key: node.key, label: node.label, rule, score: 1, reason: 'named by the resolve hint' },
    } as const;
  };

  /**
   * A re-ingested article keeps its earlier resolution of an entity while that node is still a
   * candidate, with the earlier rule and reason: re-ingesting changes no audit trail.
   */
  const withPrevious = (kind: NodeKind, localKey: string, decision: Decision, matches: (Match | null)[]): Decision => {
    const previous = options.previous?.get(`${kind}:${localKey}`);
    if (previous === undefined) return decision;
    const again = matches.find((m) => m && m.nodeId === previous.nodeId && m.score >= WEAK);
    if (!again) return decision;
    const { rule, score, reason } = previous;
    return {
      kind,
      localKey,
      description: decision.description,
      outcome: 'existing',
      match: { ...again, rule, score, reason },
    };
  };

  // One candidate query for all the organizations, one for all the persons.
  const orgOrder = parentsFirst(annotation.organizations);
  const orgCandidates = await graph.organizationCandidates(
    orgOrder.map((o) => ({ nameKeys: organizationNameKeys(o.name, o.acronym, o.aliases), localKey: o.key })),
  );
  const personCandidates = await graph.personCandidates(
    annotation.persons.map((p) => ({ nameKeys: personNameKeys(p.name, p.aliases), localKey: p.key })),
  );

  for (const [orgIndex, org] of orgOrder.entries()) {
    const path = `$.organizations[${annotation.organizations.indexOf(org)}]`;
    const description = {
      name: org.name,
      acronym: org.acronym,
      aliases: org.aliases,
      kind: org.kind,
      parent: org.parent,
      country: org.country,
    };
    const hinted = await fromHint('ORGANIZATION', org.key, org.resolve, path);
    if (hinted) {
      record({ ...hinted, description });
      continue;
    }
    const candidates = orgCandidates[orgIndex] ?? [];
    const local = {
      key: org.key,
      name: org.name,
      kind: org.kind,
      acronym: org.acronym,
      aliases: org.aliases,
      parentId: nodeOf('ORGANIZATION', org.parent),
      parentWords: [
        ...parentWordsOf(annotation, org.parent),
        ...(await graph.organizationWords(nodeOf('ORGANIZATION', org.parent))),
      ],
      countryCode: org.country,
    };
    const matches = candidates.map((c) => scoreOrganization(local, c));
    record(
      withPrevious(
        'ORGANIZATION',
        org.key,
        decide({ kind: 'ORGANIZATION', localKey: org.key, description }, matches),
        matches,
      ),
    );
  }

  for (const [i, person] of annotation.persons.entries()) {
    const path = `$.persons[${i}]`;
    const description = {
      name: person.name,
      aliases: person.aliases,
      roles: person.roles.map((r) => ({ title: r.title, country: r.country, organization: r.organization })),
    };
    const hinted = await fromHint('PERSON', person.key, person.resolve, path);
    if (hinted) {
      record({ ...hinted, description });
      continue;
    }
    const candidates = personCandidates[i] ?? [];
    const local = {
      key: person.key,
      name: person.name,
      aliases: person.aliases,
      roleTitles: person.roles.map((r) => r.title),
      roleCountries: person.roles.flatMap((r) => (r.country ? [r.country] : [])),
      roleOrganizationIds: person.roles.flatMap((r) => {
        const id = nodeOf('ORGANIZATION', r.organization);
        return id === null ? [] : [id];
      }),
    };
    const matches = candidates.map((c) => scorePerson(local, c));
    record(
      withPrevious(
        'PERSON',
        person.key,
        decide({ kind: 'PERSON', localKey: person.key, description }, matches),
        matches,
      ),
    );
  }

  for (const event of parentsFirst(annotation.events)) {
    const path = `$.events[${annotation.events.indexOf(event)}]`;
    const description = {
      title: event.title,
      kind: event.kind,
      start: event.start?.value ?? null,
      end: event.end?.value ?? null,
      country: event.country,
      location: event.location,
      parent: event.parent,
    };
    const hinted = await fromHint('EVENT', event.key, event.resolve, path);
    if (hinted) {
      record({ ...hinted, description });
      continue;
    }
    const participants = event.participants.flatMap(({ actor }) => {
      if ('country' in actor) return [`Country:${actor.country}`];
      const id = 'person' in actor ? nodeOf('PERSON', actor.person) : nodeOf('ORGANIZATION', actor.organization);
      return id === null ? [] : [`${'person' in actor ? 'Person' : 'Organization'}:${id}`];
    });
    const local: EventDescription = {
      key: event.key,
      title: event.title,
      kind: event.kind,
      start: dated(event.start),
      end: dated(event.end),
      countryCode: event.country,
      location: event.location,
      participants,
      parentId: nodeOf('EVENT', event.parent),
    };
    const first = local.start ?? local.end;
    const last = local.end ?? local.start;
    const candidates = await graph.eventCandidates({
      kind: event.kind,
      localKey: event.key,
      countryCode: event.country,
      location: event.location,
      participantEventIds: await graph.eventsWithParticipants({
        personIds: participants.filter((p) => p.startsWith('Person:')).map((p) => Number(p.slice(7))),
        organizationIds: participants.filter((p) => p.startsWith('Organization:')).map((p) => Number(p.slice(13))),
      }),
      window: first && last ? [periodOf(first)[0], periodOf(last)[1]] : null,
    });
    const matches = candidates.map((c) => scoreEvent(local, c));
    record(
      withPrevious('EVENT', event.key, decide({ kind: 'EVENT', localKey: event.key, description }, matches), matches),
    );
  }

  findCollisions(annotation, out);
  return out;
}

/** The distinctive words of a parent organization's names, as the document gives them. */
function parentWordsOf(annotation: Annotation, key: string | null): string[] {
  const parent = annotation.organizations.find((o) => o.key === key);
  if (!parent) return [];
  return [parent.name, ...parent.aliases, ...(parent.acronym ? [parent.acronym] : [])].flatMap((n) => contentWords(n));
}

/** Items ordered so that an item's parent (if it is in the list) comes before it. */
function parentsFirst<T extends { key: string; parent: string | null }>(items: readonly T[]): T[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const visit = (item: T, depth: number) => {
    if (placed.has(item.key) || depth > items.length) return;
    const parent = item.parent ? byKey.get(item.parent) : undefined;
    if (parent) visit(parent, depth + 1);
    placed.add(item.key);
    ordered.push(item);
  };
  for (const item of items) visit(item, 0);
  return ordered;
}

/** Two entities of one document resolving to one node are one entity written twice. */
function findCollisions(annotation: Annotation, out: Resolution) {
  const sections = { PERSON: 'persons', ORGANIZATION: 'organizations', EVENT: 'events' } as const;
  const seen = new Map<string, string>();
  for (const d of out.decisions) {
    if (d.outcome !== 'existing' || d.kind === 'COUNTRY' || (d.description as { reference?: string }).reference)
      continue;
    const node = `${d.kind}:${d.match.nodeId}`;
    const other = seen.get(node);
    if (other === undefined) {
      seen.set(node, d.localKey);
      continue;
    }
    const section = sections[d.kind];
    const index = (annotation[section] as { key: string }[]).findIndex((e) => e.key === d.localKey);
    out.problems.push({
      path: `$.${section}[${index}]`,
      message: `"${d.localKey}" and "${other}" both resolve to ${d.match.label} (${d.match.key}): they are one entity; write it once, or give one of them a resolve hint`,
    });
  }
}
