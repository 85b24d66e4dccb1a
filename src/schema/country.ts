/** Countries: ISO 3166-1 reference data, and what the graph says about each of them. */
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { StringFilter, stringWhere } from './filters.js';

export const Country = builder.prismaNode('Country', {
  id: { field: 'code' },
  // node(id:) answers null for a row that does not exist, instead of an internal error.
  nullable: true,
  description: 'A country of ISO 3166-1. Its ID is built from its alpha-2 code.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISO 3166-1 alpha-2 code, e.g. UZ.' }),
    alpha3: t.exposeString('alpha3', { description: 'ISO 3166-1 alpha-3 code, e.g. UZB.' }),
    numericCode: t.exposeString('numeric', { nullable: true, description: 'ISO 3166-1 numeric code.' }),
    name: t.exposeString('name'),
    officialName: t.exposeString('officialName'),
    demonyms: t.exposeStringList('demonyms'),
    aliases: t.exposeStringList('aliases', {
      description: 'Other names: spellings from the reference data and names seen in articles (e.g. "Kazakh").',
    }),
    region: t.exposeString('region', { nullable: true }),
    subregion: t.exposeString('subregion', { nullable: true }),
    statementsAbout: t.relatedConnection('statementsAbout', {
      description: 'Statements about this country, in the order they were recorded.',
      cursor: 'id',
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
    }),
    events: t.relatedConnection('events', {
      description: 'Events that took place in this country.',
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ startDate: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] },
    }),
    ledOrganizations: t.relation('ledOrganizations', { description: 'Organizations this country leads.' }),
    mentions: t.relatedConnection('mentions', { cursor: 'id', totalCount: true, query: { orderBy: { id: 'asc' } } }),
  }),
});

const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}$/, 'code must be an ISO 3166-1 alpha-2 or alpha-3 code, e.g. "UZ" or "UZB"')
  .transform((code) => code.toUpperCase());

interface CountryFilterShape {
  code?: string | null;
  name?: Parameters<typeof stringWhere>[0];
}

export const CountryFilter = builder.inputRef<CountryFilterShape>('CountryFilter').implement({
  fields: (t) => ({
    code: t.string({ description: 'Alpha-2 or alpha-3 code, any case.', validate: countryCode }),
    name: t.field({ type: StringFilter }),
  }),
});

/** Prisma `where` for a CountryFilter: a 3-letter code matches alpha3, a 2-letter one the code. */
export function countryWhere(filter: CountryFilterShape | null | undefined) {
  if (!filter) return undefined;
  const code = filter.code ?? undefined;
  return {
    ...(code && (code.length === 3 ? { alpha3: code } : { code })),
    ...(filter.name && { name: stringWhere(filter.name) }),
  };
}

builder.queryFields((t) => ({
  country: t.prismaField({
    type: 'Country',
    description:
      'A country by its ISO 3166-1 alpha-2 or alpha-3 code, in any case ("uz", "UZB"). An unknown code is an error.',
    args: { code: t.arg.string({ required: true, validate: countryCode }) },
    resolve: async (query, _root, { code }) => {
      const country = await prisma.country.findFirst({
        ...query,
        where: code.length === 3 ? { alpha3: code } : { code },
      });
      if (!country) {
        throw new GraphQLError(`Unknown country code "${code}": no ISO 3166-1 country has this code.`, {
          extensions: { code: 'NOT_FOUND' },
        });
      }
      return country;
    },
  }),
  countries: t.prismaConnection({
    type: 'Country',
    cursor: 'code',
    args: { where: t.arg({ type: CountryFilter }) },
    totalCount: (_root, args) => prisma.country.count({ where: countryWhere(args.where) }),
    resolve: (query, _root, args) =>
      prisma.country.findMany({ ...query, where: countryWhere(args.where), orderBy: { code: 'asc' } }),
  }),
}));
