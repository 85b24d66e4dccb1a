/** Persons, the roles articles give them, and what they said. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { Evidence, articleForEvidence } from './evidence.js';
import { StringFilter, type StringFilterShape, stringWhere } from './filters.js';

export const Person = builder.prismaNode('Person', {
  id: { field: 'key' },
  // node(id:) answers null for a row that does not exist, instead of an internal error.
  nullable: true,
  description: 'A person named in an article.',
  fields: (t) => ({
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases', { description: 'Other names the articles use, e.g. a surname alone.' }),
    roles: t.relation('roles', { query: { orderBy: { id: 'asc' } } }),
    statements: t.relatedConnection('statements', {
      description: 'What this person said, in the order it was recorded.',
      cursor: 'id',
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
    }),
    participations: t.relation('participations', { query: { orderBy: { id: 'asc' } } }),
    mentions: t.relatedConnection('mentions', { cursor: 'id', totalCount: true, query: { orderBy: { id: 'asc' } } }),
  }),
});

export const Role = builder.prismaObject('Role', {
  description: 'A position an article says a person holds, e.g. "President of Belarus".',
  fields: (t) => ({
    title: t.exposeString('title'),
    person: t.relation('person'),
    country: t.relation('country', { nullable: true }),
    organization: t.relation('organization', { nullable: true }),
    evidence: t.field({
      type: Evidence,
      select: (_args, _ctx, nestedSelection) => ({
        evidenceStart: true,
        evidenceEnd: true,
        evidenceText: true,
        article: articleForEvidence(nestedSelection),
      }),
      resolve: (role) => ({ article: role.article, start: role.evidenceStart, end: role.evidenceEnd, text: role.evidenceText }),
    }),
  }),
});

interface PersonFilterShape {
  name?: StringFilterShape | null;
}

const PersonFilter = builder.inputRef<PersonFilterShape>('PersonFilter').implement({
  fields: (t) => ({
    name: t.field({ type: StringFilter }),
  }),
});

function personWhere(filter: PersonFilterShape | null | undefined) {
  return filter?.name ? { name: stringWhere(filter.name) } : {};
}

builder.queryFields((t) => ({
  persons: t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    args: { where: t.arg({ type: PersonFilter }) },
    totalCount: (_root, args) => prisma.person.count({ where: personWhere(args.where) }),
    resolve: (query, _root, args) =>
      prisma.person.findMany({ ...query, where: personWhere(args.where), orderBy: { id: 'asc' } }),
  }),
}));
