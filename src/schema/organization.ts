/** Organizations: news agencies, intergovernmental bodies, governments, armed forces. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { organizationSpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { currentKey } from '../graph/nodes.js';
import { OrganizationKind } from './enums.js';
import { articleForEvidence, Evidence } from './evidence.js';
import { OrganizationFilter } from './filters.js';
import { keysetPage, listOf } from './lists.js';
import { OrganizationOrder } from './ordering.js';
import { statementList } from './statement.js';

export const Organization = builder.prismaNode('Organization', {
  id: { field: 'key' },
  // node(id:) answers null for a row that does not exist, instead of an internal error.
  nullable: true,
  // The ID of a node merged into this one (or an article's key for it) still finds it.
  findUnique: async (key) => ({ key: await currentKey(prisma, 'Organization', key) }),
  description: 'An organization named in an article.',
  fields: (t) => ({
    name: t.exposeString('name'),
    acronym: t.exposeString('acronym', { nullable: true }),
    version: t.exposeInt('version', { description: 'Incremented by every curation edit: pass it as expectedVersion.' }),
    aliases: t.exposeStringList('aliases'),
    kind: t.expose('kind', { type: OrganizationKind }),
    parent: t.relation('parent', { nullable: true, description: 'The organization this one is part of.' }),
    children: t.relation('children', { description: 'Organizations that are part of this one.' }),
    country: t.relation('country', { nullable: true, description: 'The country it belongs to, if any.' }),
    leadCountry: t.relation('leadCountry', {
      nullable: true,
      description: 'The country that leads it, where an article says so (see leadCountryEvidence).',
    }),
    leadCountryEvidence: t.field({
      type: Evidence,
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({
        leadCountryEvidenceStart: true,
        leadCountryEvidenceEnd: true,
        leadCountryEvidenceText: true,
        leadCountryArticle: articleForEvidence(nestedSelection),
      }),
      resolve: (org) =>
        org.leadCountryArticle && org.leadCountryEvidenceText !== null
          ? {
              article: org.leadCountryArticle,
              start: org.leadCountryEvidenceStart as number,
              end: org.leadCountryEvidenceEnd as number,
              text: org.leadCountryEvidenceText,
            }
          : null,
    }),
    statementCount: t.exposeInt('statementCount', { description: 'Number of statements made (kept by the database).' }),
    statements: t.relatedConnection('statements', {
      description: 'What this organization said, as a speaker.',
      cursor: 'id',
      totalCount: true,
      args: statementList.args,
      query: (args) => statementList.query(args),
    }),
    articles: t.relatedConnection('articles', {
      description: 'Articles published by this organization (for news agencies).',
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ publishedOn: 'desc' }, { id: 'asc' }] },
    }),
    mentions: t.relatedConnection('mentions', { cursor: 'id', totalCount: true, query: { orderBy: { id: 'asc' } } }),
  }),
});

const organizationList = listOf<Prisma.OrganizationWhereInput, Prisma.OrganizationOrderByWithRelationInput>(
  organizationSpec,
  OrganizationFilter,
  OrganizationOrder,
  ['ID_ASC'],
);

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: 'Organization',
    cursor: 'id',
    description: 'Organizations, filtered and ordered.',
    args: organizationList.args,
    totalCount: (_root, args) => prisma.organization.count({ where: organizationList.where(args.where) }),
    resolve: (query, _root, args) =>
      prisma.organization.findMany(keysetPage(query, organizationList.query(args), 'id')),
  }),
}));
