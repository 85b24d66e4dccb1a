/**
 * Writes one prepared article into the graph, inside the caller's transaction: resolves its
 * entities against the graph (src/resolve), creates or updates the nodes, and writes the
 * article's own facts with their evidence. A replaced article's old facts are taken out first
 * and nodes that nothing supports any more are deleted at the end.
 *
 * Ingestions are serialized by a transaction-level advisory lock: resolution reads the graph
 * to decide what to create, and two concurrent decisions on the same new name would otherwise
 * both create it. The unique keys remain as a second line of defence.
 */
import type { Annotation, DateValue, Span } from '../annotations/format.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { EntityKind } from '../generated/prisma/enums.js';
import { type Decision, type PreviousResolution, ResolveGraph, resolveAnnotation } from '../resolve/index.js';
import { organizationNameKeys, personNameKeys } from '../resolve/names.js';
import {
  type AmbiguousDecision,
  AnnotationInvalidError,
  ArticleConflictError,
  UnresolvedEntitiesError,
} from './errors.js';
import { refreshEvents } from './events.js';
import type { PreparedArticle } from './prepare.js';
import { clearArticleFacts, collectGarbage, type SupportedNodes, supportedBy } from './remove.js';

type Tx = Prisma.TransactionClient;

/** Any constant will do, as long as every ingestion (and merge) takes the same one. */
export const INGEST_LOCK = 4_270_001;

export type IngestStatus = 'CREATED' | 'REPLACED' | 'UNCHANGED';

export interface EntityCounts {
  created: number;
  resolved: number;
}

export interface WriteOutcome {
  status: IngestStatus;
  articleId: number;
  articleKey: string;
  /** The article's version after this write (unchanged for UNCHANGED). */
  articleVersion: number;
  counts: { statements: number; events: number; eventRelations: number; roles: number; mentions: number };
  entities: { persons: EntityCounts; organizations: EntityCounts; events: EntityCounts; countries: EntityCounts };
  decisions: Decision[];
  removed: SupportedNodes;
  /** Statements this version adds (by id): not in the article before. For live updates. */
  addedStatementIds: number[];
  /** Statements of the article before that this version changes (words, speaker, countries, date…). */
  changedStatementIds: number[];
}

export interface WriteOptions {
  /** Who ingests: an API key's name, or "cli". */
  ingestedBy: string;
  /** Rewrite even when the text and annotation are unchanged. */
  force?: boolean;
}

/** A date as the database stores it: the first day of what is known, plus its precision. */
export function toDbDate(date: DateValue | null) {
  if (!date) return { date: null, precision: null, basis: null };
  const [year, month = '01', day = '01'] = date.value.split('-');
  return { date: new Date(`${year}-${month}-${day}T00:00:00Z`), precision: date.precision, basis: date.basis };
}

const spanColumns = (span: Span) => ({ start: span.start, end: span.end, text: span.text });
const union = (a: readonly string[], b: readonly (string | null | undefined)[]) => [
  ...new Set([...a, ...b.filter((x): x is string => typeof x === 'string' && x.length > 0)]),
];

export async function writeArticle(tx: Tx, prepared: PreparedArticle, options: WriteOptions): Promise<WriteOutcome> {
  const a = prepared.annotation;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)`;

  const existing = await findExisting(tx, a);
  const sameText = await tx.article.findUnique({
    where: { contentHash: prepared.contentHash },
    select: { id: true, key: true },
  });
  if (sameText && sameText.id !== existing?.id) {
    throw new ArticleConflictError(
      a.article.key,
      sameText.key,
      `the same text is already stored as article ${sameText.key}`,
    );
  }
  const empty = { created: 0, resolved: 0 };
  if (
    existing &&
    !options.force &&
    existing.contentHash === prepared.contentHash &&
    existing.annotationHash === prepared.annotationHash
  ) {
    return {
      status: 'UNCHANGED',
      articleId: existing.id,
      articleKey: existing.key,
      articleVersion: existing.version,
      counts: { statements: 0, events: 0, eventRelations: 0, roles: 0, mentions: 0 },
      entities: { persons: empty, organizations: empty, events: empty, countries: empty },
      decisions: [],
      removed: { persons: [], organizations: [], events: [] },
      addedStatementIds: [],
      changedStatementIds: [],
    };
  }

  // A replacement starts from the article's earlier resolutions and without its earlier facts.
  const previous = new Map<string, PreviousResolution>();
  let formerlySupported: SupportedNodes = { persons: [], organizations: [], events: [] };
  let previousStatements = new Map<string, string>();
  if (existing) {
    for (const r of await tx.resolution.findMany({ where: { articleId: existing.id } })) {
      const nodeId = r.personId ?? r.organizationId ?? r.eventId ?? r.countryCode;
      if (nodeId !== null)
        previous.set(`${r.kind}:${r.localKey}`, { nodeId, rule: r.rule, score: r.score, reason: r.reason });
    }
    formerlySupported = await supportedBy(tx, existing.id);
    previousStatements = await statementFingerprints(tx, existing.id);
    await clearArticleFacts(tx, existing.id);
  }

  const resolution = await resolveAnnotation(new ResolveGraph(tx), a, prepared.countries, prepared.references, {
    previous,
  });
  if (resolution.problems.length > 0) throw new AnnotationInvalidError(a.article.key, resolution.problems);
  const unresolved = resolution.decisions.filter((d): d is AmbiguousDecision => d.outcome === 'ambiguous');
  if (unresolved.length > 0) throw new UnresolvedEntitiesError(a.article.key, unresolved);

  const decisionOf = (kind: EntityKind, key: string) =>
    resolution.decisions.find((d) => d.kind === kind && d.localKey === key) as Decision;
  const orgIds = await writeOrganizations(tx, a, decisionOf);
  const personIds = await writePersons(tx, a, decisionOf);
  const refs = (kind: EntityKind, ids: Map<string, number>) => (key: string) => {
    const id = ids.get(key) ?? (resolution.existing.get(`${kind}:${key}`) as number | undefined);
    if (id === undefined) throw new Error(`internal: no node for ${kind} ${key}`);
    return id;
  };
  const org = refs('ORGANIZATION', orgIds);
  const person = refs('PERSON', personIds);
  await addCountryAliases(tx, a.countries);

  const published = toDbDate(a.article.publishedOn);
  const articleData = {
    key: a.article.key,
    title: a.article.title.text,
    subtitle: a.article.subtitle?.text ?? null,
    body: prepared.text,
    language: a.article.language,
    dateline: a.article.dateline?.text ?? null,
    sourceId: org(a.article.source),
    publishedOn: published.date as Date,
    publishedOnPrecision: a.article.publishedOn.precision,
    publishedOnBasis: a.article.publishedOn.basis,
    url: a.article.url,
    contentHash: prepared.contentHash,
    annotationHash: prepared.annotationHash,
    // An accepted draft is stored with its review, so the stored document says how it got in.
    annotation: (a.draft && !a.review && prepared.review
      ? { ...a, review: { by: prepared.review.by, at: prepared.review.at.toISOString() } }
      : a) as unknown as Prisma.InputJsonValue,
    synthetic: a.article.synthetic,
    ingestedBy: options.ingestedBy,
    reviewedBy: prepared.review?.by ?? null,
    reviewedAt: prepared.review?.at ?? null,
  };
  const article = existing
    ? await tx.article.update({
        where: { id: existing.id },
        data: { ...articleData, version: { increment: 1 } },
        select: { id: true, version: true },
      })
    : await tx.article.create({ data: articleData, select: { id: true, version: true } });
  const articleId = article.id;

  await linkOrganizations(tx, a, articleId, orgIds, org);

  const roles = a.persons.flatMap((p) =>
    p.roles.map((role) => ({
      personId: person(p.key),
      title: role.title,
      countryCode: role.country,
      organizationId: role.organization ? org(role.organization) : null,
      articleId,
      evidenceStart: role.evidence.start,
      evidenceEnd: role.evidence.end,
      evidenceText: role.evidence.text,
    })),
  );
  await tx.role.createMany({ data: roles });

  const eventIds = await writeEvents(tx, a, articleId, decisionOf, resolution.existing);
  const event = refs('EVENT', eventIds);
  const participants = a.events.flatMap((e) =>
    e.participants.map((p) => ({
      eventId: event(e.key),
      articleId,
      role: p.role,
      personId: 'person' in p.actor ? person(p.actor.person) : null,
      organizationId: 'organization' in p.actor ? org(p.actor.organization) : null,
      countryCode: 'country' in p.actor ? p.actor.country : null,
    })),
  );
  await tx.eventParticipant.createMany({ data: participants });
  await tx.eventRelation.createMany({
    data: a.eventRelations.map((r) => ({
      type: r.type,
      fromId: event(r.from),
      toId: event(r.to),
      articleId,
      evidenceStart: r.evidence.start,
      evidenceEnd: r.evidence.end,
      evidenceText: r.evidence.text,
    })),
    skipDuplicates: true,
  });

  const statementIds = await writeStatements(tx, a, articleId, { person, org, event });

  const mentions: Prisma.MentionCreateManyInput[] = [
    ...a.persons.flatMap((p) => p.mentions.map((m) => ({ articleId, ...spanColumns(m), personId: person(p.key) }))),
    ...a.organizations.flatMap((o) =>
      o.mentions.map((m) => ({ articleId, ...spanColumns(m), organizationId: org(o.key) })),
    ),
    ...a.countries.flatMap((c) => c.mentions.map((m) => ({ articleId, ...spanColumns(m), countryCode: c.code }))),
    ...a.events.flatMap((e) => e.mentions.map((m) => ({ articleId, ...spanColumns(m), eventId: event(e.key) }))),
    ...a.statements.flatMap((s) =>
      s.restatedIn.map((m) => ({ articleId, ...spanColumns(m), statementId: statementIds.get(s.key) as number })),
    ),
  ];
  await tx.mention.createMany({ data: mentions });

  const targetOf = (d: Decision, id: number | string) => {
    switch (d.kind) {
      case 'PERSON':
        return { personId: id as number };
      case 'ORGANIZATION':
        return { organizationId: id as number };
      case 'EVENT':
        return { eventId: id as number };
      case 'COUNTRY':
        return { countryCode: id as string };
    }
  };
  const idsByKind = { PERSON: personIds, ORGANIZATION: orgIds, EVENT: eventIds, COUNTRY: new Map<string, number>() };
  await tx.resolution.createMany({
    data: resolution.decisions.flatMap((d) => {
      if (d.outcome === 'ambiguous') return [];
      const id = d.outcome === 'existing' ? d.match.nodeId : idsByKind[d.kind].get(d.localKey);
      if (id === undefined) return [];
      return [
        {
          articleId,
          kind: d.kind,
          localKey: d.localKey,
          description: d.description as Prisma.InputJsonValue,
          rule: d.outcome === 'existing' ? d.match.rule : d.rule,
          score: d.outcome === 'existing' ? d.match.score : d.score,
          reason: d.outcome === 'existing' ? d.match.reason : d.reason,
          ...targetOf(d, id),
        },
      ];
    }),
  });

  await refreshEvents(tx, eventIds.values());
  const removed = await collectGarbage(tx, formerlySupported);

  const count = (kind: EntityKind) => ({
    created: resolution.decisions.filter((d) => d.kind === kind && d.outcome === 'create').length,
    resolved: resolution.decisions.filter((d) => d.kind === kind && d.outcome === 'existing').length,
  });
  return {
    status: existing ? 'REPLACED' : 'CREATED',
    articleId,
    articleKey: a.article.key,
    articleVersion: article.version,
    counts: {
      statements: a.statements.length,
      events: a.events.length,
      eventRelations: a.eventRelations.length,
      roles: roles.length,
      mentions: mentions.length,
    },
    entities: {
      persons: count('PERSON'),
      organizations: count('ORGANIZATION'),
      events: count('EVENT'),
      countries: count('COUNTRY'),
    },
    decisions: resolution.decisions,
    removed,
    ...(await statementChanges(tx, articleId, previousStatements)),
  };
}

/** What a statement says, as one string per key: equal strings, same statement. */
async function statementFingerprints(tx: Tx, articleId: number): Promise<Map<string, string>> {
  const rows = await tx.statement.findMany({
    where: { articleId },
    select: {
      key: true,
      kind: true,
      text: true,
      start: true,
      end: true,
      attributionStart: true,
      attributionEnd: true,
      speakerPersonId: true,
      speakerOrganizationId: true,
      saidOn: true,
      saidOnPrecision: true,
      occasionId: true,
      note: true,
      about: { select: { code: true }, orderBy: { code: 'asc' } },
    },
  });
  return new Map(rows.map(({ key, ...rest }) => [key, JSON.stringify(rest)]));
}

/** The statements a version adds, and those it changes, compared with the version before. */
async function statementChanges(tx: Tx, articleId: number, before: Map<string, string>) {
  const after = await statementFingerprints(tx, articleId);
  const ids = new Map(
    (await tx.statement.findMany({ where: { articleId }, select: { key: true, id: true } })).map((s) => [s.key, s.id]),
  );
  const added: number[] = [];
  const changed: number[] = [];
  for (const [key, fingerprint] of after) {
    const id = ids.get(key) as number;
    if (!before.has(key)) added.push(id);
    else if (before.get(key) !== fingerprint) changed.push(id);
  }
  return { addedStatementIds: added.sort((x, y) => x - y), changedStatementIds: changed.sort((x, y) => x - y) };
}

/** The stored article this document is a version of: same key, else same URL. */
async function findExisting(tx: Tx, a: Annotation) {
  const select = { id: true, key: true, contentHash: true, annotationHash: true, version: true } as const;
  const byKey = await tx.article.findUnique({ where: { key: a.article.key }, select });
  const byUrl = a.article.url ? await tx.article.findFirst({ where: { url: a.article.url }, select }) : null;
  if (byKey && byUrl && byKey.id !== byUrl.id) {
    throw new ArticleConflictError(
      a.article.key,
      byUrl.key,
      `the key names article ${byKey.key} but the URL names article ${byUrl.key}`,
    );
  }
  return byKey ?? byUrl;
}

/** A key for a new node: the article's own key when no node has it, else with a number added. */
async function freeKey(tx: Tx, kind: Exclude<EntityKind, 'COUNTRY'>, wanted: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const key = n === 1 ? wanted : `${wanted}-${n}`;
    const taken =
      kind === 'PERSON'
        ? await tx.person.findUnique({ where: { key }, select: { id: true } })
        : kind === 'ORGANIZATION'
          ? await tx.organization.findUnique({ where: { key }, select: { id: true } })
          : await tx.event.findUnique({ where: { key }, select: { id: true } });
    const former = taken ? null : await tx.nodeKey.findUnique({ where: { kind_key: { kind, key } } });
    if (!taken && !former) return key;
  }
  throw new Error(`internal: no free key for ${kind} ${wanted}`);
}

/** Records that the article's key for a node names it, unless the key names something else. */
async function rememberKey(
  tx: Tx,
  kind: Exclude<EntityKind, 'COUNTRY'>,
  localKey: string,
  nodeKey: string,
  id: number,
) {
  if (localKey === nodeKey) return;
  const target =
    kind === 'PERSON' ? { personId: id } : kind === 'ORGANIZATION' ? { organizationId: id } : { eventId: id };
  if ((await freeKey(tx, kind, localKey)) !== localKey) return;
  await tx.nodeKey.create({ data: { kind, key: localKey, origin: 'resolved', ...target } });
}

type DecisionOf = (kind: EntityKind, key: string) => Decision;

async function writeOrganizations(tx: Tx, a: Annotation, decisionOf: DecisionOf): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const o of a.organizations) {
    const decision = decisionOf('ORGANIZATION', o.key);
    if (decision.outcome === 'existing') {
      const id = decision.match.nodeId as number;
      const node = await tx.organization.findUniqueOrThrow({ where: { id } });
      const aliases = union(node.aliases, [o.name !== node.name ? o.name : null, ...o.aliases]).filter(
        (x) => x !== node.name,
      );
      const acronym = node.acronym ?? o.acronym;
      await tx.organization.update({
        where: { id },
        data: {
          aliases,
          acronym,
          countryCode: node.countryCode ?? o.country,
          nameKeys: organizationNameKeys(node.name, acronym, aliases),
        },
      });
      await rememberKey(tx, 'ORGANIZATION', o.key, node.key, id);
      ids.set(o.key, id);
    } else {
      const created = await tx.organization.create({
        data: {
          key: await freeKey(tx, 'ORGANIZATION', o.key),
          name: o.name,
          acronym: o.acronym,
          aliases: o.aliases,
          kind: o.kind,
          countryCode: o.country,
          nameKeys: organizationNameKeys(o.name, o.acronym, o.aliases),
        },
        select: { id: true },
      });
      ids.set(o.key, created.id);
    }
  }
  return ids;
}

/** Parents and lead-country claims, once every organization has its row and the article exists. */
async function linkOrganizations(
  tx: Tx,
  a: Annotation,
  articleId: number,
  ids: Map<string, number>,
  org: (key: string) => number,
) {
  for (const o of a.organizations) {
    const id = ids.get(o.key) as number;
    const node = await tx.organization.findUniqueOrThrow({
      where: { id },
      select: { parentId: true, leadCountryArticleId: true },
    });
    const data: Prisma.OrganizationUncheckedUpdateInput = {};
    // What another article already established is not overwritten.
    if (o.parent && node.parentId === null && org(o.parent) !== id) data.parentId = org(o.parent);
    if (o.leadCountry && node.leadCountryArticleId === null) {
      data.leadCountryCode = o.leadCountry.code;
      data.leadCountryArticleId = articleId;
      data.leadCountryEvidenceStart = o.leadCountry.evidence.start;
      data.leadCountryEvidenceEnd = o.leadCountry.evidence.end;
      data.leadCountryEvidenceText = o.leadCountry.evidence.text;
    }
    if (Object.keys(data).length > 0) await tx.organization.update({ where: { id }, data });
  }
}

async function writePersons(tx: Tx, a: Annotation, decisionOf: DecisionOf): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const p of a.persons) {
    const decision = decisionOf('PERSON', p.key);
    if (decision.outcome === 'existing') {
      const id = decision.match.nodeId as number;
      const node = await tx.person.findUniqueOrThrow({
        where: { id },
        select: { key: true, name: true, aliases: true },
      });
      const aliases = union(node.aliases, [p.name, ...p.aliases]).filter((x) => x !== node.name);
      await tx.person.update({ where: { id }, data: { aliases, nameKeys: personNameKeys(node.name, aliases) } });
      await rememberKey(tx, 'PERSON', p.key, node.key, id);
      ids.set(p.key, id);
    } else {
      const created = await tx.person.create({
        data: {
          key: await freeKey(tx, 'PERSON', p.key),
          name: p.name,
          aliases: p.aliases,
          nameKeys: personNameKeys(p.name, p.aliases),
        },
        select: { id: true },
      });
      ids.set(p.key, created.id);
    }
  }
  return ids;
}

async function addCountryAliases(tx: Tx, countries: Annotation['countries']) {
  for (const country of countries) {
    if (country.aliases.length === 0) continue;
    const row = await tx.country.findUniqueOrThrow({ where: { code: country.code }, select: { aliases: true } });
    const aliases = union(row.aliases, country.aliases);
    if (aliases.length !== row.aliases.length)
      await tx.country.update({ where: { code: country.code }, data: { aliases } });
  }
}

/** The article's report of each event, on a node of its own or on the node it resolved to. */
async function writeEvents(
  tx: Tx,
  a: Annotation,
  articleId: number,
  decisionOf: DecisionOf,
  existing: Map<string, number | string>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const e of a.events) {
    const decision = decisionOf('EVENT', e.key);
    const start = toDbDate(e.start);
    const end = toDbDate(e.end);
    const report = {
      title: e.title,
      kind: e.kind,
      startDate: start.date,
      startPrecision: start.precision,
      startBasis: start.basis,
      endDate: end.date,
      endPrecision: end.precision,
      endBasis: end.basis,
      countryCode: e.country,
      location: e.location,
      evidenceStart: e.evidence.start,
      evidenceEnd: e.evidence.end,
      evidenceText: e.evidence.text,
    };
    let id: number;
    if (decision.outcome === 'existing') {
      id = decision.match.nodeId as number;
      const node = await tx.event.findUniqueOrThrow({ where: { id }, select: { key: true } });
      await rememberKey(tx, 'EVENT', e.key, node.key, id);
    } else {
      const created = await tx.event.create({
        data: { key: await freeKey(tx, 'EVENT', e.key), articleId, ...report },
        select: { id: true },
      });
      id = created.id;
    }
    ids.set(e.key, id);
    await tx.eventReport.create({ data: { eventId: id, articleId, localKey: e.key, ...report } });
  }
  // Parents as this article states them, once every event has its node.
  for (const e of a.events) {
    if (!e.parent) continue;
    const parentId = ids.get(e.parent) ?? (existing.get(`EVENT:${e.parent}`) as number);
    await tx.eventReport.update({
      where: { eventId_articleId: { eventId: ids.get(e.key) as number, articleId } },
      data: { parentId },
    });
  }
  return ids;
}

async function writeStatements(
  tx: Tx,
  a: Annotation,
  articleId: number,
  refs: { person: (key: string) => number; org: (key: string) => number; event: (key: string) => number },
): Promise<Map<string, number>> {
  const rows = await tx.statement.createManyAndReturn({
    data: a.statements.map((s) => {
      const saidOn = toDbDate(s.saidOn);
      return {
        key: `${a.article.key}/${s.key}`,
        articleId,
        kind: s.kind,
        text: s.text.text,
        start: s.text.start,
        end: s.text.end,
        attributionStart: s.attribution?.start ?? null,
        attributionEnd: s.attribution?.end ?? null,
        attributionText: s.attribution?.text ?? null,
        speakerPersonId: 'person' in s.speaker ? refs.person(s.speaker.person) : null,
        speakerOrganizationId: 'organization' in s.speaker ? refs.org(s.speaker.organization) : null,
        saidOn: saidOn.date,
        saidOnPrecision: saidOn.precision,
        saidOnBasis: saidOn.basis,
        occasionId: s.occasion ? refs.event(s.occasion) : null,
        note: s.note,
      };
    }),
    select: { id: true, key: true },
  });
  const ids = new Map(rows.map((r) => [r.key.slice(a.article.key.length + 1), r.id]));
  const pairs = a.statements.flatMap((s) => s.about.map((code) => [code, ids.get(s.key) as number] as const));
  if (pairs.length > 0) {
    // Prisma has no createMany for implicit many-to-many relations: one INSERT for all of them.
    await tx.$executeRaw`INSERT INTO "_StatementAbout" ("A", "B")
      SELECT * FROM unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::int[])`;
  }
  return ids;
}
