/**
 * The curation edits of an article's facts (statements, events, roles, participants, event
 * relations), each a change to the article's annotation document (see document.ts). Spans are
 * given with their text, and must be the article's words: ingestion checks them.
 */
import type { Annotation, DateValue, Span } from '../annotations/format.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { EventKind, EventRelationType, ParticipantRole, StatementKind } from '../generated/prisma/enums.js';
import { type ArticleEdit, editArticleDocument } from './document.js';
import { CurationInputError } from './errors.js';
import { articleOf, ensurePerson, freeLocalKey, localKeyIn, nodeOf, referenceIn, statementOf } from './references.js';

type Statement = Annotation['statements'][number];
type Event = Annotation['events'][number];

export interface Curator {
  prisma: PrismaClient;
  actor: string;
}

/** A field left out is left as it is; null (where allowed) removes the value. */
export interface StatementFields {
  kind?: StatementKind | null;
  speaker?: string | null;
  text?: Span | null;
  attribution?: Span | null;
  about?: string[] | null;
  saidOn?: DateValue | null;
  occasion?: string | null;
  note?: string | null;
}

/** The statement fields a curator gave, as the document writes them. */
async function statementPatch(c: Curator, articleId: number, f: StatementFields): Promise<Partial<Statement>> {
  const patch: Partial<Statement> = {};
  if (f.kind) patch.kind = f.kind;
  if (f.text) patch.text = f.text;
  if (f.attribution !== undefined) patch.attribution = f.attribution;
  if (f.about) patch.about = f.about;
  if (f.saidOn !== undefined) patch.saidOn = f.saidOn;
  if (f.note !== undefined) patch.note = f.note;
  if (f.speaker) {
    const node = await nodeOf(c.prisma, 'speaker', f.speaker, ['Person', 'Organization']);
    const ref = await referenceIn(c.prisma, articleId, node);
    patch.speaker = node.type === 'Person' ? { person: ref } : { organization: ref };
  }
  if (f.occasion !== undefined) {
    patch.occasion =
      f.occasion === null
        ? null
        : await referenceIn(c.prisma, articleId, await nodeOf(c.prisma, 'occasion', f.occasion, ['Event']));
  }
  return patch;
}

export async function createStatement(
  c: Curator,
  input: StatementFields & { article: string; expectedVersion: number; key?: string | null },
): Promise<ArticleEdit> {
  const article = await articleOf(c.prisma, 'article', input.article);
  if (!input.kind || !input.speaker || !input.text)
    throw new CurationInputError('input', 'kind, speaker and text are required');
  const patch = await statementPatch(c, article.id, input);
  return editArticleDocument(c.prisma, article.id, input.expectedVersion, c.actor, {
    operation: 'CREATE_STATEMENT',
    targetType: 'Statement',
    targetKey: async (_tx, _articleId, localKey) => `${article.key}/${localKey}`,
    apply: (doc) => {
      const words = (input.text as Span).text.toLowerCase().split(/\W+/).slice(0, 6).join('-');
      const key =
        input.key ??
        freeLocalKey(
          doc.statements.map((s) => s.key),
          words,
        );
      if (doc.statements.some((s) => s.key === key))
        throw new CurationInputError('key', `the article already has a statement ${key}`);
      const statement: Statement = {
        key,
        kind: patch.kind as Statement['kind'],
        speaker: patch.speaker as Statement['speaker'],
        text: patch.text as Span,
        attribution: patch.attribution ?? null,
        about: patch.about ?? [],
        saidOn: patch.saidOn ?? null,
        occasion: patch.occasion ?? null,
        restatedIn: [],
        note: patch.note ?? null,
      };
      doc.statements.push(statement);
      return { before: null, after: statement, localKey: key, find: (d) => d.statements.find((s) => s.key === key) };
    },
  });
}

export async function updateStatement(
  c: Curator,
  input: StatementFields & { id: string; expectedVersion: number },
): Promise<ArticleEdit> {
  const statement = await statementOf(c.prisma, input.id);
  const patch = await statementPatch(c, statement.articleId, input);
  return editArticleDocument(c.prisma, statement.articleId, input.expectedVersion, c.actor, {
    operation: 'UPDATE_STATEMENT',
    targetType: 'Statement',
    targetKey: statement.key,
    apply: (doc) => {
      const index = doc.statements.findIndex((s) => s.key === statement.localKey);
      if (index < 0) throw new CurationInputError('id', 'the statement is not in its article’s stored document');
      const before = doc.statements[index] as Statement;
      const after = { ...before, ...patch };
      doc.statements[index] = after;
      return { before, after, find: (d) => d.statements.find((s) => s.key === statement.localKey) };
    },
  });
}

export async function deleteStatement(
  c: Curator,
  input: { id: string; expectedVersion: number },
): Promise<ArticleEdit> {
  const statement = await statementOf(c.prisma, input.id);
  return editArticleDocument(c.prisma, statement.articleId, input.expectedVersion, c.actor, {
    operation: 'DELETE_STATEMENT',
    targetType: 'Statement',
    targetKey: statement.key,
    apply: (doc) => {
      const before = doc.statements.find((s) => s.key === statement.localKey);
      doc.statements = doc.statements.filter((s) => s !== before);
      return { before, after: null };
    },
  });
}

export interface EventFields {
  title?: string | null;
  kind?: EventKind | null;
  start?: DateValue | null;
  end?: DateValue | null;
  country?: string | null;
  location?: string | null;
  parent?: string | null;
  evidence?: Span | null;
}

async function eventPatch(c: Curator, articleId: number, f: EventFields): Promise<Partial<Event>> {
  const patch: Partial<Event> = {};
  if (f.title) patch.title = f.title;
  if (f.kind) patch.kind = f.kind;
  if (f.evidence) patch.evidence = f.evidence;
  for (const field of ['start', 'end', 'country', 'location'] as const) {
    if (f[field] !== undefined) (patch as Record<string, unknown>)[field] = f[field];
  }
  if (f.parent !== undefined) {
    patch.parent =
      f.parent === null
        ? null
        : await referenceIn(c.prisma, articleId, await nodeOf(c.prisma, 'parent', f.parent, ['Event']));
  }
  return patch;
}

/** The article whose report of an event is edited (by default its primary report's), and the report's key. */
async function reportOf(c: Curator, eventId: string, articleId: string | null | undefined) {
  const event = await nodeOf(c.prisma, 'id', eventId, ['Event']);
  const article = articleId
    ? await articleOf(c.prisma, 'article', articleId)
    : await c.prisma.event
        .findUniqueOrThrow({
          where: { id: event.id as number },
          select: { article: { select: { id: true, key: true } } },
        })
        .then((e) => e.article);
  const localKey = await localKeyIn(c.prisma, article.id, event);
  if (!localKey) throw new CurationInputError('article', `article ${article.key} does not report event ${event.key}`);
  return { event, article, localKey };
}

export async function createEvent(
  c: Curator,
  input: EventFields & { article: string; expectedVersion: number; key?: string | null },
): Promise<ArticleEdit> {
  const article = await articleOf(c.prisma, 'article', input.article);
  if (!input.title || !input.kind || !input.evidence)
    throw new CurationInputError('input', 'title, kind and evidence are required');
  const patch = await eventPatch(c, article.id, input);
  return editArticleDocument(c.prisma, article.id, input.expectedVersion, c.actor, {
    operation: 'CREATE_EVENT',
    targetType: 'Event',
    // The node the new report resolved to: an event of its own, or one another article reported.
    targetKey: async (tx, articleId, localKey) =>
      (
        await tx.resolution.findUniqueOrThrow({
          where: { articleId_kind_localKey: { articleId, kind: 'EVENT', localKey } },
          select: { event: { select: { key: true } } },
        })
      ).event?.key ?? localKey,
    apply: (doc) => {
      const key =
        input.key ??
        freeLocalKey(
          doc.events.map((e) => e.key),
          (input.title as string).toLowerCase(),
        );
      if (doc.events.some((e) => e.key === key))
        throw new CurationInputError('key', `the article already has an event ${key}`);
      const event: Event = {
        key,
        title: patch.title as string,
        kind: patch.kind as Event['kind'],
        start: patch.start ?? null,
        end: patch.end ?? null,
        country: patch.country ?? null,
        location: patch.location ?? null,
        parent: patch.parent ?? null,
        participants: [],
        evidence: patch.evidence as Span,
        mentions: [],
      };
      doc.events.push(event);
      return { before: null, after: event, localKey: key, find: (d) => d.events.find((e) => e.key === key) };
    },
  });
}

export async function updateEvent(
  c: Curator,
  input: EventFields & { id: string; article?: string | null; expectedVersion: number },
): Promise<ArticleEdit> {
  const { event, article, localKey } = await reportOf(c, input.id, input.article);
  const patch = await eventPatch(c, article.id, input);
  return editArticleDocument(c.prisma, article.id, input.expectedVersion, c.actor, {
    operation: 'UPDATE_EVENT',
    targetType: 'Event',
    targetKey: event.key,
    apply: (doc) => {
      const index = doc.events.findIndex((e) => e.key === localKey);
      if (index < 0) throw new CurationInputError('id', 'the event is not in the article’s stored document');
      const before = doc.events[index] as Event;
      const after = { ...before, ...patch };
      doc.events[index] = after;
      return { before, after, find: (d) => d.events.find((e) => e.key === localKey) };
    },
  });
}

/** Takes the event out of the article's report: its participants, relations and what pointed at it. */
export async function deleteEvent(
  c: Curator,
  input: { id: string; article?: string | null; expectedVersion: number },
): Promise<ArticleEdit> {
  const { event, article, localKey } = await reportOf(c, input.id, input.article);
  return editArticleDocument(c.prisma, article.id, input.expectedVersion, c.actor, {
    operation: 'DELETE_EVENT',
    targetType: 'Event',
    targetKey: event.key,
    apply: (doc) => {
      const before = doc.events.find((e) => e.key === localKey);
      doc.events = doc.events.filter((e) => e !== before);
      for (const s of doc.statements) if (s.occasion === localKey) s.occasion = null;
      for (const e of doc.events) if (e.parent === localKey) e.parent = null;
      doc.eventRelations = doc.eventRelations.filter((r) => r.from !== localKey && r.to !== localKey);
      return { before, after: null };
    },
  });
}

export async function createRole(
  c: Curator,
  input: {
    article: string;
    expectedVersion: number;
    person: string;
    title: string;
    country?: string | null;
    organization?: string | null;
    evidence: Span;
  },
): Promise<ArticleEdit> {
  const article = await articleOf(c.prisma, 'article', input.article);
  const person = await nodeOf(c.prisma, 'person', input.person, ['Person']);
  const personKey = await localKeyIn(c.prisma, article.id, person);
  const organization = input.organization
    ? await referenceIn(
        c.prisma,
        article.id,
        await nodeOf(c.prisma, 'organization', input.organization, ['Organization']),
      )
    : null;
  return editArticleDocument(c.prisma, article.id, input.expectedVersion, c.actor, {
    operation: 'CREATE_ROLE',
    targetType: 'Role',
    targetKey: `${person.key}|${input.title}`,
    apply: (doc) => {
      const entry = ensurePerson(doc, personKey, person);
      const role = { title: input.title, country: input.country ?? null, organization, evidence: input.evidence };
      entry.roles.push(role);
      return { before: null, after: { person: entry.key, ...role } };
    },
  });
}

export async function deleteRole(
  c: Curator,
  input: { article: string; expectedVersion: number; person: string; title: string },
): Promise<ArticleEdit> {
  const article = await articleOf(c.prisma, 'article', input.article);
  const person = await nodeOf(c.prisma, 'person', input.person, ['Person']);
  const personKey = await localKeyIn(c.prisma, article.id, person);
  return editArticleDocument(c.prisma, article.id, input.expectedVersion, c.actor, {
    operation: 'DELETE_ROLE',
    targetType: 'Role',
    targetKey: `${person.key}|${input.title}`,
    apply: (doc) => {
      const entry = doc.persons.find((p) => p.key === personKey);
      const roles = entry?.roles.filter((r) => r.title === input.title) ?? [];
      if (!entry || roles.length === 0) {
        throw new CurationInputError('title', `article ${article.key} gives ${person.label} no role "${input.title}"`);
      }
      entry.roles = entry.roles.filter((r) => r.title !== input.title);
      return { before: { person: entry.key, roles }, after: null };
    },
  });
}

type Participant = Event['participants'][number];

async function participantOf(
  c: Curator,
  input: { article: string; event: string; role: ParticipantRole; actor: string },
) {
  const { event, article, localKey } = await reportOf(c, input.event, input.article);
  const actor = await nodeOf(c.prisma, 'actor', input.actor, ['Person', 'Organization', 'Country']);
  const ref = actor.type === 'Country' ? (actor.id as string) : await referenceIn(c.prisma, article.id, actor);
  const participant: Participant = {
    role: input.role,
    actor:
      actor.type === 'Person'
        ? { person: ref }
        : actor.type === 'Organization'
          ? { organization: ref }
          : { country: ref },
  };
  return { event, article, localKey, actor, participant };
}

const sameParticipant = (a: Participant, b: Participant) =>
  a.role === b.role && JSON.stringify(a.actor) === JSON.stringify(b.actor);

export async function createEventParticipant(
  c: Curator,
  input: { article: string; expectedVersion: number; event: string; role: ParticipantRole; actor: string },
): Promise<ArticleEdit> {
  const p = await participantOf(c, input);
  return editArticleDocument(c.prisma, p.article.id, input.expectedVersion, c.actor, {
    operation: 'CREATE_EVENT_PARTICIPANT',
    targetType: 'EventParticipant',
    targetKey: `${p.event.key}|${input.role}|${p.actor.key}`,
    apply: (doc) => {
      const event = doc.events.find((e) => e.key === p.localKey) as Event;
      if (event.participants.some((x) => sameParticipant(x, p.participant))) {
        throw new CurationInputError('actor', `${p.actor.label} already takes part as ${input.role}`);
      }
      event.participants.push(p.participant);
      return { before: null, after: { event: event.key, ...p.participant } };
    },
  });
}

export async function deleteEventParticipant(
  c: Curator,
  input: { article: string; expectedVersion: number; event: string; role: ParticipantRole; actor: string },
): Promise<ArticleEdit> {
  const p = await participantOf(c, input);
  return editArticleDocument(c.prisma, p.article.id, input.expectedVersion, c.actor, {
    operation: 'DELETE_EVENT_PARTICIPANT',
    targetType: 'EventParticipant',
    targetKey: `${p.event.key}|${input.role}|${p.actor.key}`,
    apply: (doc) => {
      const event = doc.events.find((e) => e.key === p.localKey) as Event;
      if (!event.participants.some((x) => sameParticipant(x, p.participant))) {
        throw new CurationInputError(
          'actor',
          `${p.actor.label} does not take part as ${input.role} in this article’s report`,
        );
      }
      event.participants = event.participants.filter((x) => !sameParticipant(x, p.participant));
      return { before: { event: event.key, ...p.participant }, after: null };
    },
  });
}

async function relationEnds(c: Curator, articleId: number, from: string, to: string) {
  const [a, b] = [await nodeOf(c.prisma, 'from', from, ['Event']), await nodeOf(c.prisma, 'to', to, ['Event'])];
  return {
    from: a,
    to: b,
    fromRef: await referenceIn(c.prisma, articleId, a),
    toRef: await referenceIn(c.prisma, articleId, b),
  };
}

export async function createEventRelation(
  c: Curator,
  input: {
    article: string;
    expectedVersion: number;
    type: EventRelationType;
    from: string;
    to: string;
    evidence: Span;
  },
): Promise<ArticleEdit> {
  const article = await articleOf(c.prisma, 'article', input.article);
  const ends = await relationEnds(c, article.id, input.from, input.to);
  return editArticleDocument(c.prisma, article.id, input.expectedVersion, c.actor, {
    operation: 'CREATE_EVENT_RELATION',
    targetType: 'EventRelation',
    targetKey: `${input.type}|${ends.from.key}|${ends.to.key}`,
    apply: (doc) => {
      if (doc.eventRelations.some((r) => r.type === input.type && r.from === ends.fromRef && r.to === ends.toRef)) {
        throw new CurationInputError('type', 'the article already states this relation');
      }
      const relation = { type: input.type, from: ends.fromRef, to: ends.toRef, evidence: input.evidence };
      doc.eventRelations.push(relation);
      return { before: null, after: relation };
    },
  });
}

export async function deleteEventRelation(
  c: Curator,
  input: { article: string; expectedVersion: number; type: EventRelationType; from: string; to: string },
): Promise<ArticleEdit> {
  const article = await articleOf(c.prisma, 'article', input.article);
  const ends = await relationEnds(c, article.id, input.from, input.to);
  return editArticleDocument(c.prisma, article.id, input.expectedVersion, c.actor, {
    operation: 'DELETE_EVENT_RELATION',
    targetType: 'EventRelation',
    targetKey: `${input.type}|${ends.from.key}|${ends.to.key}`,
    apply: (doc) => {
      const before = doc.eventRelations.find(
        (r) => r.type === input.type && r.from === ends.fromRef && r.to === ends.toRef,
      );
      if (!before) throw new CurationInputError('type', `article ${article.key} does not state this relation`);
      doc.eventRelations = doc.eventRelations.filter((r) => r !== before);
      return { before, after: null };
    },
  });
}
