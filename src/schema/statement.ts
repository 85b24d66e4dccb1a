/** Statements: who said what, about which countries, with the exact words as evidence. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { statementSpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DatePrecision, StatementKind } from './enums.js';
import { articleForEvidence, Evidence } from './evidence.js';
import { StatementFilter } from './filters.js';
import { keysetPage, listOf } from './lists.js';
import { StatementOrder } from './ordering.js';
import { Organization } from './organization.js';
import { Person } from './person.js';

export const Speaker = builder.unionType('Speaker', {
  description: 'Who made a statement: a person, or an organization speaking as one ("Kazakh authorities affirm").',
  types: [Person, Organization],
});

export const Statement = builder.prismaNode('Statement', {
  id: { field: 'key' },
  // node(id:) answers null for a row that does not exist, instead of an internal error.
  nullable: true,
  description: 'Something a speaker said, exactly as the article words it, with its evidence.',
  fields: (t) => ({
    text: t.exposeString('text', {
      description: 'The words said, exactly as in the article (equal to evidence.text).',
    }),
    kind: t.expose('kind', { type: StatementKind }),
    saidOn: t.expose('saidOn', {
      type: 'Date',
      nullable: true,
      description: 'When it was said, if the article tells.',
    }),
    saidOnPrecision: t.expose('saidOnPrecision', { type: DatePrecision, nullable: true }),
    saidOnBasis: t.exposeString('saidOnBasis', {
      nullable: true,
      description: 'How saidOn was resolved from the text, e.g. "on Monday" in an article datelined January 10.',
    }),
    speaker: t.field({
      type: Speaker,
      select: (_args, _ctx, nestedSelection) => ({
        speakerPerson: nestedSelection(true, [], 'Person'),
        speakerOrganization: nestedSelection(true, [], 'Organization'),
      }),
      // The database guarantees exactly one speaker (Statement_one_speaker).
      resolve: (statement) =>
        statement.speakerPerson
          ? Person.addBrand(statement.speakerPerson)
          : Organization.addBrand(statement.speakerOrganization as NonNullable<typeof statement.speakerOrganization>),
    }),
    about: t.relation('about', {
      description: 'The countries the statement is about (not merely the speaker’s country).',
      query: { orderBy: { code: 'asc' } },
    }),
    occasion: t.relation('occasion', { nullable: true, description: 'The event at which it was said.' }),
    article: t.relation('article'),
    evidence: t.field({
      type: Evidence,
      description: 'The span of the article holding the words said.',
      select: (_args, _ctx, nestedSelection) => ({
        start: true,
        end: true,
        text: true,
        article: articleForEvidence(nestedSelection),
      }),
      resolve: (s) => ({ article: s.article, start: s.start, end: s.end, text: s.text }),
    }),
    attribution: t.field({
      type: Evidence,
      nullable: true,
      description: 'The words attributing the statement to its speaker, e.g. "Lukashenko said on Monday".',
      select: (_args, _ctx, nestedSelection) => ({
        attributionStart: true,
        attributionEnd: true,
        attributionText: true,
        article: articleForEvidence(nestedSelection),
      }),
      resolve: (s) =>
        s.attributionText === null
          ? null
          : {
              article: s.article,
              start: s.attributionStart as number,
              end: s.attributionEnd as number,
              text: s.attributionText,
            },
    }),
    restatements: t.relation('mentions', {
      description: 'Other places the article restates this statement (headline, lede).',
      query: { orderBy: { start: 'asc' } },
    }),
    note: t.exposeString('note', { nullable: true, description: 'Editorial remarks, e.g. words the agency inserted.' }),
  }),
});

export const statementList = listOf<Prisma.StatementWhereInput, Prisma.StatementOrderByWithRelationInput>(
  statementSpec,
  StatementFilter,
  StatementOrder,
  ['ID_ASC'],
);

builder.queryFields((t) => ({
  statements: t.prismaConnection({
    type: 'Statement',
    cursor: 'id',
    description: 'Statements, filtered and ordered; totalCount is counted only when selected.',
    args: statementList.args,
    totalCount: (_root, args) => prisma.statement.count({ where: statementList.where(args.where) }),
    resolve: (query, _root, args) => prisma.statement.findMany(keysetPage(query, statementList.query(args), 'id')),
  }),
}));
