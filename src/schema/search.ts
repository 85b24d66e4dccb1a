/**
 * Full-text search across statements, events, articles and the names of persons,
 * organizations and countries: `search(query, types, first, after)`. SQL in src/search/sql.ts.
 *
 * SQL statements per request: 1 for the page (ranking and snippets), 1 per type present on the
 * page to load its nodes with everything selected beneath them (at most 6; none when `node` is
 * not selected), and 1 for totalCount when it is selected.
 */
import { queryFromInfo } from '@pothos/plugin-prisma';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.js';
import { config } from '../config.js';
import { prisma } from '../db.js';
import {
  encodeCursor,
  MAX_QUERY_LENGTH,
  type ParsedSearchArgs,
  parseSearchArgs,
  SearchInputError,
  type SearchTypeName,
} from '../search/input.js';
import { isSelected } from '../search/selection.js';
import { countQuery, type PageRow, pageQuery, snippetToHtml } from '../search/sql.js';
import { Article } from './article.js';
import { Country } from './country.js';
import { Event } from './event.js';
import { Organization } from './organization.js';
import { Person } from './person.js';
import { Statement } from './statement.js';

export const SearchType = builder.enumType('SearchType', {
  description: 'What `search` looks in.',
  values: {
    STATEMENT: { description: 'The words of statements (English, stemmed).' },
    EVENT: { description: 'Event titles (weighted highest), locations and evidence (English, stemmed).' },
    ARTICLE: { description: 'Article titles (weighted highest), subtitles and bodies (English, stemmed).' },
    PERSON: { description: 'Person names (weighted highest) and aliases.' },
    ORGANIZATION: { description: 'Organization names and acronyms (weighted highest) and aliases.' },
    COUNTRY: {
      description: 'Country names, official names and ISO codes (weighted highest), aliases and demonyms.',
    },
  } satisfies Record<SearchTypeName, { description: string }>,
});

export const SearchHit = builder.unionType('SearchHit', {
  description: 'Something `search` found.',
  types: [Statement, Event, Article, Person, Organization, Country],
});

type SearchNode = typeof SearchHit.$inferType;

interface SearchEdgeShape {
  cursor: string;
  score: number;
  snippet: string;
  node?: SearchNode;
}

interface SearchConnectionShape {
  edges: SearchEdgeShape[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

const SearchEdge = builder.objectRef<SearchEdgeShape>('SearchEdge').implement({
  description: 'One hit of a search.',
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    score: t.exposeFloat('score', {
      description:
        'Relevance in [0, 1), higher is better (PostgreSQL ts_rank_cd with weights A 1.0, B 0.4, C 0.2, ' +
        'normalised by document length). Comparable between the hits of one search only.',
    }),
    snippet: t.exposeString('snippet', {
      description:
        'HTML: the passage (at most 35 words) of the hit’s text that best matches, escaped, with each ' +
        'matching word wrapped in <mark>…</mark>. The text is, by type: a statement’s words; an event’s ' +
        'evidence, location or title; an article’s body, subtitle or title; a name, then aliases (and ' +
        'official name, demonyms for countries): the first in which a query word occurs. Without one ' +
        '(e.g. a country found by its ISO code) it is the first, with no <mark>.',
    }),
    node: t.field({
      type: SearchHit,
      resolve: (edge) => {
        if (!edge.node) throw new Error('search: node selected but not loaded');
        return edge.node;
      },
    }),
  }),
});

const SearchConnection = builder.objectRef<SearchConnectionShape>('SearchConnection').implement({
  description: 'A page of search hits, best first.',
  fields: (t) => ({
    edges: t.field({ type: [SearchEdge], resolve: (connection) => connection.edges }),
    pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (connection) => connection.pageInfo }),
    totalCount: t.int({
      description: 'The number of hits on all pages. Counted (one more SQL statement) only when selected.',
      resolve: (connection) => connection.totalCount(),
    }),
  }),
});

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Loads rows by their public keys with what the query selects beneath `edges.node` on `typeName`. */
type Loader = (keys: string[], info: GraphQLResolveInfo, context: object) => Promise<SearchNode[]>;

/**
 * queryFromInfo plans the selection under `edges.node` (through `... on <Type>`) into the
 * findMany, nested relations included, and records it so the resolvers beneath use the loaded
 * data instead of querying again. `key` (or `code`) is always selected, to match rows to hits.
 */
function plan<Select extends Record<string, true>>(
  info: GraphQLResolveInfo,
  context: object,
  typeName: string,
  select: Select,
) {
  return queryFromInfo({ context, info, typeName, path: ['edges', 'node'], select });
}

/**
 * Brands rows for the SearchHit union. The rows carry what the plan selected (the type-level
 * selection, the fields the query asked for and `key`), which is what the type's resolvers read;
 * the static row type of a planned query is only the initial `select`, hence the cast.
 */
function branded(ref: { addBrand: (row: never) => unknown }, rows: object[]): SearchNode[] {
  return rows.map((row) => ref.addBrand(row as never) as SearchNode);
}

const loaders: Record<SearchTypeName, Loader> = {
  STATEMENT: async (keys, info, ctx) =>
    branded(
      Statement,
      await prisma.statement.findMany({ ...plan(info, ctx, 'Statement', { key: true }), where: { key: { in: keys } } }),
    ),
  EVENT: async (keys, info, ctx) =>
    branded(
      Event,
      await prisma.event.findMany({ ...plan(info, ctx, 'Event', { key: true }), where: { key: { in: keys } } }),
    ),
  ARTICLE: async (keys, info, ctx) =>
    branded(
      Article,
      await prisma.article.findMany({ ...plan(info, ctx, 'Article', { key: true }), where: { key: { in: keys } } }),
    ),
  PERSON: async (keys, info, ctx) =>
    branded(
      Person,
      await prisma.person.findMany({ ...plan(info, ctx, 'Person', { key: true }), where: { key: { in: keys } } }),
    ),
  ORGANIZATION: async (keys, info, ctx) =>
    branded(
      Organization,
      await prisma.organization.findMany({
        ...plan(info, ctx, 'Organization', { key: true }),
        where: { key: { in: keys } },
      }),
    ),
  COUNTRY: async (keys, info, ctx) =>
    branded(
      Country,
      await prisma.country.findMany({ ...plan(info, ctx, 'Country', { code: true }), where: { code: { in: keys } } }),
    ),
};

/** The public key of a loaded row: `code` for countries, `key` for everything else. */
const keyOf = (row: SearchNode): string => ('code' in row ? row.code : (row as { key: string }).key);

const DEFAULT_PAGE_SIZE = 20;

builder.queryFields((t) => ({
  search: t.field({
    type: SearchConnection,
    description: [
      'Full-text search (PostgreSQL text search over indexed tsvector columns) across statements, events, articles and the names of persons, organizations and countries, best hits first.',
      '',
      '`query` uses web-search syntax: words must all occur (in any order), `"quoted words"` must occur as a phrase, `or` between words accepts either, and `-word` excludes. Statements, events and articles are matched in English: words are stemmed ("terrorists" finds "terrorist") and common words ("the", "of") are ignored. Names (and acronyms, ISO codes) are matched as written, case-insensitively, or by their English stem ("Kazakhstan\'s" finds Kazakhstan); there common words count, so "US" finds the United States.',
      '',
      `Errors (BAD_USER_INPUT): a query that is empty or blank, longer than ${MAX_QUERY_LENGTH} characters, has control characters or no letter or digit; \`types: []\`; \`first\` outside 0..${config.MAX_PAGE_SIZE}; an \`after\` that is not a search cursor.`,
      '',
      'A query with nothing to look for is not an error but finds nothing: one of only excluded words ("-kazakhstan") anywhere, one of only common English words ("the of") in statements, events and articles.',
      '',
      'Order: score (descending), then type and key, so that pages never repeat or skip a hit; `after` takes the cursor of an edge.',
    ].join('\n'),
    args: {
      query: t.arg.string({ required: true }),
      types: t.arg({
        type: [SearchType],
        required: false,
        description: 'Only these types. Omitted or null: all of them.',
      }),
      first: t.arg.int({ description: `Page size, 0..${config.MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when omitted.` }),
      after: t.arg.string({ description: 'Continue after the edge with this cursor.' }),
    },
    resolve: async (_root, args, context, info): Promise<SearchConnectionShape> => {
      // Validated here rather than by the validation plugin, so that every input error of
      // search carries extensions.code BAD_USER_INPUT (the plugin's errors have no code).
      let parsed: ParsedSearchArgs;
      try {
        parsed = parseSearchArgs(args, { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: config.MAX_PAGE_SIZE });
      } catch (error) {
        if (error instanceof SearchInputError) throw badInput(error.message);
        throw error;
      }
      const { text, types, first, after } = parsed;

      // totalCount: started now (concurrently with the page) when selected, never otherwise.
      let total: Promise<number> | undefined;
      const totalCount = () => {
        total ??= prisma.$queryRaw<{ total: number }[]>(countQuery(text, types)).then((rows) => rows[0]?.total ?? 0);
        return total;
      };
      if (isSelected(info, ['totalCount'])) totalCount().catch(() => {});

      const rows = await prisma.$queryRaw<PageRow[]>(
        pageQuery({ text, types, after, limit: first + 1, snippets: isSelected(info, ['edges', 'snippet']) }),
      );
      const page = rows.slice(0, first);

      // One findMany per type on the page, all at once.
      const nodes = new Map<string, SearchNode>();
      const loadNodes = isSelected(info, ['edges', 'node']);
      if (loadNodes) {
        const byType = new Map<SearchTypeName, string[]>();
        for (const row of page) byType.set(row.type, [...(byType.get(row.type) ?? []), row.key]);
        const loaded = await Promise.all(
          [...byType].map(async ([type, keys]) => ({ type, rows: await loaders[type](keys, info, context) })),
        );
        for (const { type, rows: typeRows } of loaded)
          for (const row of typeRows) nodes.set(`${type}:${keyOf(row)}`, row);
      }

      const edges = page.flatMap((row): SearchEdgeShape[] => {
        const node = nodes.get(`${row.type}:${row.key}`);
        // A hit deleted between the two statements is left out rather than answered with null.
        if (loadNodes && !node) return [];
        return [
          {
            cursor: encodeCursor(row),
            score: row.score,
            snippet: row.snippet === null ? '' : snippetToHtml(row.snippet),
            node,
          },
        ];
      });

      return {
        edges,
        pageInfo: {
          hasNextPage: rows.length > first,
          hasPreviousPage: after !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount,
      };
    },
  }),
}));
