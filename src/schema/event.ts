/** Events: what happened, when (with precision), where, who took part, and the evidence. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { eventSpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { Country } from './country.js';
import { DatePrecision, EventKind, ParticipantRole } from './enums.js';
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
  description: 'Something that happened, as an article reports it. Sub-events are its phases.',
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
    participants: t.relation('participants', { query: { orderBy: { id: 'asc' } } }),
    statements: t.relatedConnection('statements', {
      description: 'Statements made at this event.',
      cursor: 'id',
      totalCount: true,
      args: statementList.args,
      query: (args) => statementList.query(args),
    }),
    article: t.relation('article'),
    evidence: t.field({
      type: Evidence,
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

export const EventParticipant = builder.prismaObject('EventParticipant', {
  description: 'An actor taking part in an event, and in what role.',
  fields: (t) => ({
    role: t.expose('role', { type: ParticipantRole }),
    event: t.relation('event'),
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
