/** Articles: the sources every fact in the graph points back to. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { articleSpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DatePrecision } from './enums.js';
import { eventList } from './event.js';
import { ArticleFilter } from './filters.js';
import { keysetPage, listOf } from './lists.js';
import { ArticleOrder } from './ordering.js';
import { statementList } from './statement.js';

export const Article = builder.prismaNode('Article', {
  id: { field: 'key' },
  // node(id:) answers null for a row that does not exist, instead of an internal error.
  nullable: true,
  // Select mode: the body is loaded only when a query asks for it, not with every evidence span.
  select: { id: true, key: true },
  description: 'A news article, with the exact text that evidence spans point into.',
  fields: (t) => ({
    title: t.exposeString('title'),
    subtitle: t.exposeString('subtitle', { nullable: true }),
    body: t.exposeString('body', { description: 'The full text, byte for byte as received.' }),
    language: t.exposeString('language'),
    dateline: t.exposeString('dateline', { nullable: true }),
    publishedOn: t.expose('publishedOn', { type: 'Date' }),
    publishedOnPrecision: t.expose('publishedOnPrecision', { type: DatePrecision }),
    publishedOnBasis: t.exposeString('publishedOnBasis', { description: 'How publishedOn was resolved.' }),
    url: t.exposeString('url', { nullable: true }),
    contentHash: t.exposeString('contentHash', { description: 'sha256 of body, hex.' }),
    synthetic: t.exposeBoolean('synthetic', {
      description: 'Made up for tests or demonstrations, not news: never cite it as a source.',
    }),
    ingestedBy: t.exposeString('ingestedBy', {
      nullable: true,
      description: 'Who ingested it: an API key’s name or "cli".',
    }),
    reviewedBy: t.exposeString('reviewedBy', {
      nullable: true,
      description: 'Who reviewed its drafted annotation before ingestion (null: curated by hand).',
    }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version', {
      description:
        'Incremented by every ingestion and curation edit: pass it as expectedVersion to edit the article’s facts.',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last ingested or replaced.' }),
    annotation: t.expose('annotation', {
      type: 'JSON',
      nullable: true,
      description: 'The kg-annotation/1 document its facts were built from, as ingested (countries as alpha-2 codes).',
    }),
    resolutions: t.relatedConnection('resolutions', {
      description: 'How each entity of its annotation was resolved to a node.',
      cursor: 'id',
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
    }),
    source: t.relation('source'),
    statements: t.relatedConnection('statements', {
      cursor: 'id',
      totalCount: true,
      args: statementList.args,
      query: (args) => statementList.query(args),
    }),
    events: t.prismaConnection({
      type: 'Event',
      cursor: 'id',
      description: 'The events it reports (also those another article reported first).',
      args: eventList.args,
      totalCount: (article, args) =>
        prisma.event.count({
          where: { AND: [eventList.where(args.where), { reports: { some: { articleId: article.id } } }] },
        }),
      resolve: (query, article, args) => {
        const page = eventList.query(args);
        return prisma.event.findMany({
          ...query,
          ...page,
          where: { AND: [page.where, { reports: { some: { articleId: article.id } } }] },
        });
      },
    }),
  }),
});

const articleList = listOf<Prisma.ArticleWhereInput, Prisma.ArticleOrderByWithRelationInput>(
  articleSpec,
  ArticleFilter,
  ArticleOrder,
  ['PUBLISHED_ON_DESC'],
);

builder.queryFields((t) => ({
  articles: t.prismaConnection({
    type: 'Article',
    cursor: 'id',
    description: 'Articles, filtered and ordered; by default newest first.',
    args: articleList.args,
    totalCount: (_root, args) => prisma.article.count({ where: articleList.where(args.where) }),
    resolve: (query, _root, args) => prisma.article.findMany(keysetPage(query, articleList.query(args), 'id')),
  }),
}));
