/** Organizations: news agencies, intergovernmental bodies, governments, armed forces. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { OrganizationKind } from './enums.js';
import { Evidence, articleForEvidence } from './evidence.js';
import { StringFilter, type StringFilterShape, stringWhere } from './filters.js';

export const Organization = builder.prismaNode('Organization', {
  id: { field: 'key' },
  // node(id:) answers null for a row that does not exist, instead of an internal error.
  nullable: true,
  description: 'An organization named in an article.',
  fields: (t) => ({
    name: t.exposeString('name'),
    acronym: t.exposeString('acronym', { nullable: true }),
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
    statements: t.relatedConnection('statements', {
      description: 'What this organization said, as a speaker.',
      cursor: 'id',
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
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

interface OrganizationFilterShape {
  name?: StringFilterShape | null;
  acronym?: StringFilterShape | null;
  kind?: (typeof OrganizationKind)['$inferType'] | null;
}

const OrganizationFilter = builder.inputRef<OrganizationFilterShape>('OrganizationFilter').implement({
  fields: (t) => ({
    name: t.field({ type: StringFilter }),
    acronym: t.field({ type: StringFilter }),
    kind: t.field({ type: OrganizationKind }),
  }),
});

function organizationWhere(filter: OrganizationFilterShape | null | undefined) {
  return {
    ...(filter?.name && { name: stringWhere(filter.name) }),
    ...(filter?.acronym && { acronym: stringWhere(filter.acronym) }),
    ...(filter?.kind && { kind: filter.kind }),
  };
}

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: 'Organization',
    cursor: 'id',
    args: { where: t.arg({ type: OrganizationFilter }) },
    totalCount: (_root, args) => prisma.organization.count({ where: organizationWhere(args.where) }),
    resolve: (query, _root, args) =>
      prisma.organization.findMany({ ...query, where: organizationWhere(args.where), orderBy: { id: 'asc' } }),
  }),
}));
