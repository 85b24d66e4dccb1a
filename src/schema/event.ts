/** Events: what happened, when (with precision), where, who took part, and the evidence. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { eventSpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { currentKey } from '../graph/nodes.js';
import { Country } from './country.js';
import { DatePrecision, EventKind, EventRelationType, ParticipantRole } from './enums.js';
import { articleForEvidence, Evidence } from './evidence.js';
import { EventFilter } from './filters.js';
import { keysetPage, listOf } from './lists.js';
import { EventOrder } from './ordering.js';
import { Organization } from './organization.js';
import { Person } from './person.js';
import { statementList } from './statement.js';

export const Actor = builder.unionType('Actor', {
  description: 'Who takes part in an event: a person, an organization or a country.',
  types: [Person, Organization, Country],
});

export const Event = builder.prismaNode('Event', {
  id: { field: 'key' },
  // node(id:) answers null for a row that does not exist, instead of an internal error.
  nullable: true,
  // The ID of a node merged into this one (or an article's key for it) still finds it.
  findUnique: async (key) => ({ key: await currentKey(prisma, 'Event', key) }),
  description:
    'Something that happened, as one or more articles report it (see reports). Its title, kind and evidence are those of its first report; each date is the most precise any report gives. Sub-events are its phases.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'A short curated title (not a quote; see evidence).' }),
    kind: t.expose('kind', { type: EventKind }),
    startDate: t.expose('startDate', { type: 'Date', nullable: true }),
    startPrecision: t.expose('startPrecision', { type: DatePrecision, nullable: true }),
    startBasis: t.exposeString('startBasis', {
      nullable: true,
      description: 'How startDate was resolved from the text.',
    }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    endPrecision: t.expose('endPrecision', { type: DatePrecision, nullable: true }),
    endBasis: t.exposeString('endBasis', { nullable: true, description: 'How endDate was resolved from the text.' }),
    country: t.relation('country', { nullable: true }),
    location: t.exposeString('location', { nullable: true, description: 'The place, as the article words it.' }),
    parent: t.relation('parent', { nullable: true, description: 'The larger event this one is a phase of.' }),
    subEvents: t.relatedConnection('subEvents', {
      cursor: 'id',
      totalCount: true,
      args: eventList.args,
      query: (args) => eventList.query(args),
    }),
    participants: t.relation('participants', {
      description: 'Who took part, according to every article that reports it.',
      query: { orderBy: { id: 'asc' } },
    }),
    reports: t.relation('reports', {
      description:
        'Every article’s report of this event, with its own wording, dates and evidence; the first is the primary one.',
      query: { orderBy: [{ articleId: 'asc' }, { id: 'asc' }] },
    }),
    relations: t.relation('relationsFrom', {
      description: 'How the text connects this event to later ones ("escalating into", "as a result").',
      query: { orderBy: { id: 'asc' } },
    }),
    relatedFrom: t.relation('relationsTo', {
      description: 'Events the text connects to this one (the other end of their relations).',
      query: { orderBy: { id: 'asc' } },
    }),
    statements: t.relatedConnection('statements', {
      description: 'Statements made at this event.',
      cursor: 'id',
      totalCount: true,
      args: statementList.args,
      query: (args) => statementList.query(args),
    }),
    article: t.relation('article', { description: 'The article of the primary report.' }),
    evidence: t.field({
      type: Evidence,
      description: 'The primary report’s evidence: the sentence or clause stating the event.',
      select: (_args, _ctx, nestedSelection) => ({
        evidenceStart: true,
        evidenceEnd: true,
        evidenceText: true,
        article: articleForEvidence(nestedSelection),
      }),
      resolve: (e) => ({ article: e.article, start: e.evidenceStart, end: e.evidenceEnd, text: e.evidenceText }),
    }),
  }),
});

/**
 * The select of an evidence field of a row with an evidence span and an article (reports and
 * relations). A function: Evidence is not initialized yet when this module is first evaluated.
 */
const evidenceSelect = (
  _args: unknown,
  _ctx: unknown,
  nestedSelection: (selection: true, path: string[]) => unknown,
) => ({
  evidenceStart: true as const,
  evidenceEnd: true as const,
  evidenceText: true as const,
  article: articleForEvidence(nestedSelection),
});

export const EventReport = builder.prismaObject('EventReport', {
  description: 'One article’s report of an event: what it says of it, in its own words and dates.',
  fields: (t) => ({
    article: t.relation('article'),
    event: t.relation('event'),
    localKey: t.exposeString('localKey', { description: 'The key the article’s annotation gave the event.' }),
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: EventKind }),
    startDate: t.expose('startDate', { type: 'Date', nullable: true }),
    startPrecision: t.expose('startPrecision', { type: DatePrecision, nullable: true }),
    startBasis: t.exposeString('startBasis', { nullable: true }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    endPrecision: t.expose('endPrecision', { type: DatePrecision, nullable: true }),
    endBasis: t.exposeString('endBasis', { nullable: true }),
    location: t.exposeString('location', { nullable: true }),
    parent: t.relation('parent', { nullable: true, description: 'The larger event, as this article states it.' }),
    evidence: t.field({
      type: Evidence,
      select: evidenceSelect,
      resolve: (r) => ({ article: r.article, start: r.evidenceStart, end: r.evidenceEnd, text: r.evidenceText }),
    }),
  }),
});

export const EventRelation = builder.prismaObject('EventRelation', {
  description: 'How an article connects two events, with the connecting words as evidence.',
  fields: (t) => ({
    type: t.expose('type', { type: EventRelationType }),
    from: t.relation('from', { description: 'The earlier event, or the cause.' }),
    to: t.relation('to', { description: 'The later event, or the consequence.' }),
    article: t.relation('article'),
    evidence: t.field({
      type: Evidence,
      select: evidenceSelect,
      resolve: (r) => ({ article: r.article, start: r.evidenceStart, end: r.evidenceEnd, text: r.evidenceText }),
    }),
  }),
});

export const EventParticipant = builder.prismaObject('EventParticipant', {
  description: 'An actor taking part in an event, and in what role, according to one article.',
  fields: (t) => ({
    role: t.expose('role', { type: ParticipantRole }),
    event: t.relation('event'),
    article: t.relation('article', { description: 'The article that says so.' }),
    actor: t.field({
      type: Actor,
      select: (_args, _ctx, nestedSelection) => ({
        person: nestedSelection(true, [], 'Person'),
        organization: nestedSelection(true, [], 'Organization'),
        country: nestedSelection(true, [], 'Country'),
      }),
      // The database guarantees exactly one actor (EventParticipant_one_actor).
      resolve: (p) => {
        if (p.person) return Person.addBrand(p.person);
        if (p.organization) return Organization.addBrand(p.organization);
        return Country.addBrand(p.country as NonNullable<typeof p.country>);
      },
    }),
  }),
});

export const eventList = listOf<Prisma.EventWhereInput, Prisma.EventOrderByWithRelationInput>(
  eventSpec,
  EventFilter,
  EventOrder,
  ['START_DATE_ASC'],
);

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: 'Event',
    cursor: 'id',
    description: 'Events, filtered and ordered; by default by start date (unknown dates last).',
    args: eventList.args,
    totalCount: (_root, args) => prisma.event.count({ where: eventList.where(args.where) }),
    resolve: (query, _root, args) => prisma.event.findMany(keysetPage(query, eventList.query(args), 'id')),
  }),
}));
