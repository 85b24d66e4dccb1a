/** Persons, the roles articles give them, and what they said. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { personSpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { currentKey } from '../graph/nodes.js';
import { articleForEvidence, Evidence } from './evidence.js';
import { PersonFilter } from './filters.js';
import { keysetPage, listOf } from './lists.js';
import { PersonOrder } from './ordering.js';
import { statementList } from './statement.js';

export const Person = builder.prismaNode('Person', {
  id: { field: 'key' },
  // node(id:) answers null for a row that does not exist, instead of an internal error.
  nullable: true,
  // The ID of a node merged into this one (or an article's key for it) still finds it.
  findUnique: async (key) => ({ key: await currentKey(prisma, 'Person', key) }),
  description: 'A person named in an article.',
  fields: (t) => ({
    name: t.exposeString('name'),
    version: t.exposeInt('version', { description: 'Incremented by every curation edit: pass it as expectedVersion.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the articles use, e.g. a surname alone.' }),
    statementCount: t.exposeInt('statementCount', { description: 'Number of statements made (kept by the database).' }),
    roles: t.relation('roles', { query: { orderBy: { id: 'asc' } } }),
    statements: t.relatedConnection('statements', {
      description: 'What this person said; by default in the order it was recorded.',
      cursor: 'id',
      totalCount: true,
      args: statementList.args,
      query: (args) => statementList.query(args),
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
      resolve: (role) => ({
        article: role.article,
        start: role.evidenceStart,
        end: role.evidenceEnd,
        text: role.evidenceText,
      }),
    }),
  }),
});

const personList = listOf<Prisma.PersonWhereInput, Prisma.PersonOrderByWithRelationInput>(
  personSpec,
  PersonFilter,
  PersonOrder,
  ['ID_ASC'],
);

builder.queryFields((t) => ({
  persons: t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    description: 'Persons, filtered and ordered (e.g. by number of statements made).',
    args: personList.args,
    totalCount: (_root, args) => prisma.person.count({ where: personList.where(args.where) }),
    resolve: (query, _root, args) => prisma.person.findMany(keysetPage(query, personList.query(args), 'id')),
  }),
}));
