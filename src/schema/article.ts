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
    source: t.relation('source'),
    statements: t.relatedConnection('statements', {
      cursor: 'id',
      totalCount: true,
      args: statementList.args,
      query: (args) => statementList.query(args),
    }),
    events: t.relatedConnection('events', {
      cursor: 'id',
      totalCount: true,
      args: eventList.args,
      query: (args) => eventList.query(args),
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
