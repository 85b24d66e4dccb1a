/** Countries: ISO 3166-1 reference data, and what the graph says about each of them. */
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { countrySpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { eventList } from './event.js';
import { CountryFilter } from './filters.js';
import { keysetPage, listOf } from './lists.js';
import { CountryOrder } from './ordering.js';
import { statementList } from './statement.js';

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
    statementCount: t.exposeInt('statementCount', {
      description: 'Number of statements about it (kept by the database).',
    }),
    eventCount: t.exposeInt('eventCount', { description: 'Number of events that took place in it.' }),
    // Not a relatedConnection: for a many-to-many relation Prisma's joined load builds every
    // related row before it takes a page (2.6 s for a country with 55k statements at 1M, see
    // docs/benchmarks.md). A query of its own pages through the indexes instead, in constant
    // time and a constant number of statements.
    statementsAbout: t.prismaConnection({
      type: 'Statement',
      description: 'Statements about this country; by default in the order they were recorded.',
      cursor: 'id',
      args: statementList.args,
      // Unfiltered, the count is the trigger-kept column: no query at all.
      totalCount: (country, args) =>
        args.where
          ? prisma.statement.count({ where: statementsAboutWhere(country.code, args.where) })
          : country.statementCount,
      resolve: async (query, country, args) => {
        const { cursor, skip: _skip, take, ...selection } = query;
        const defaultOrder = !args.orderBy?.length || (args.orderBy.length === 1 && args.orderBy[0] === 'ID_ASC');
        if (!args.where && defaultOrder && take > 0) {
          // The common page (no filter, in recorded order) straight from the join table's
          // primary key (country, statement): reads only the page, hub or not.
          const after = (cursor as { id?: number } | undefined)?.id ?? 0;
          const ids = await prisma.$queryRaw<{ id: number }[]>`
            SELECT "B" AS id FROM "_StatementAbout" WHERE "A" = ${country.code} AND "B" > ${after} ORDER BY "B" LIMIT ${take}`;
          return prisma.statement.findMany({
            ...selection,
            where: { id: { in: ids.map((row) => row.id) } },
            orderBy: { id: 'asc' },
          });
        }
        return prisma.statement.findMany({
          ...query,
          ...statementList.query(args),
          where: statementsAboutWhere(country.code, args.where),
        });
      },
    }),
    events: t.relatedConnection('events', {
      description: 'Events that took place in this country; by default by start date.',
      cursor: 'id',
      totalCount: true,
      args: eventList.args,
      query: (args) => eventList.query(args),
    }),
    ledOrganizations: t.relation('ledOrganizations', { description: 'Organizations this country leads.' }),
    mentions: t.relatedConnection('mentions', { cursor: 'id', totalCount: true, query: { orderBy: { id: 'asc' } } }),
  }),
});

function statementsAboutWhere(
  code: string,
  where: Parameters<typeof statementList.where>[0],
): Prisma.StatementWhereInput {
  const about = { about: { some: { code } } };
  return where ? { AND: [about, statementList.where(where)] } : about;
}

const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}$/, 'code must be an ISO 3166-1 alpha-2 or alpha-3 code, e.g. "UZ" or "UZB"')
  .transform((code) => code.toUpperCase());

const countryList = listOf<Prisma.CountryWhereInput, Prisma.CountryOrderByWithRelationInput>(
  countrySpec,
  CountryFilter,
  CountryOrder,
  ['CODE_ASC'],
);

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
    description: 'The ISO 3166-1 countries, filtered and ordered (e.g. by number of statements about them).',
    args: countryList.args,
    totalCount: (_root, args) => prisma.country.count({ where: countryList.where(args.where) }),
    resolve: (query, _root, args) => prisma.country.findMany(keysetPage(query, countryList.query(args), 'code')),
  }),
}));
