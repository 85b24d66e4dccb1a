/**
 * The SQL of full-text search, over the generated `search` tsvector columns and their GIN
 * indexes (migration 20261126010000_counts_search). Two statements at most:
 *
 * - the page: one UNION ALL over the requested tables, each branch an index search
 *   (`search @@ query`) ranked with ts_rank_cd, sorted by (score desc, type, key) and cut to the
 *   page; snippets (ts_headline, expensive) are computed afterwards for the page's rows only;
 * - the count, only when a client selects totalCount: one count(*) per table, summed.
 *
 * The user's text only ever reaches PostgreSQL as a bound parameter of websearch_to_tsquery,
 * which never fails on any input. Identifiers and option strings below are constants.
 * The tsvector columns are never selected ($queryRaw cannot deserialize tsvector).
 */
import { Prisma } from '../generated/prisma/client.js';
import type { SearchPosition, SearchTypeName } from './input.js';

/** How a table's `search` column was built, hence how the query must be parsed for it. */
type Language = 'english' | 'names';

interface SearchTable {
  table: Prisma.Sql;
  /** The public key (unique): the cursor's tiebreak and what the page's rows are loaded by. */
  key: Prisma.Sql;
  /** `key` equal to the page row's, written so that the unique index on it can be used. */
  lookup: Prisma.Sql;
  language: Language;
  /**
   * ts_rank_cd weights for the labels {D, C, B, A}. The default is {0.1, 0.2, 0.4, 1.0}; a
   * statement's vector is unlabeled (D), and its text is all there is to it: it counts as B.
   */
  weights: string;
  /**
   * Texts a snippet may come from, best first (over alias `t`): the first one in which a query
   * word is highlighted wins; when none is (e.g. a country found by its code), the first.
   */
  snippetSources: Prisma.Sql;
}

const DEFAULT_WEIGHTS = '{0.1,0.2,0.4,1.0}';

export const SEARCH_TABLES: Record<SearchTypeName, SearchTable> = {
  STATEMENT: {
    table: Prisma.raw('"Statement"'),
    key: Prisma.raw('t."key"'),
    lookup: Prisma.raw('t."key" = page."key"'),
    language: 'english',
    weights: '{0.4,0.2,0.4,1.0}',
    snippetSources: Prisma.raw('ARRAY[t."text"]'),
  },
  EVENT: {
    table: Prisma.raw('"Event"'),
    key: Prisma.raw('t."key"'),
    lookup: Prisma.raw('t."key" = page."key"'),
    language: 'english',
    weights: DEFAULT_WEIGHTS,
    snippetSources: Prisma.raw('ARRAY[t."evidenceText", t."location", t."title"]'),
  },
  ARTICLE: {
    table: Prisma.raw('"Article"'),
    key: Prisma.raw('t."key"'),
    lookup: Prisma.raw('t."key" = page."key"'),
    language: 'english',
    weights: DEFAULT_WEIGHTS,
    snippetSources: Prisma.raw('ARRAY[t."body", t."subtitle", t."title"]'),
  },
  PERSON: {
    table: Prisma.raw('"Person"'),
    key: Prisma.raw('t."key"'),
    lookup: Prisma.raw('t."key" = page."key"'),
    language: 'names',
    weights: DEFAULT_WEIGHTS,
    snippetSources: Prisma.raw(`ARRAY[t."name", array_to_string(t."aliases", ', ')]`),
  },
  ORGANIZATION: {
    table: Prisma.raw('"Organization"'),
    key: Prisma.raw('t."key"'),
    lookup: Prisma.raw('t."key" = page."key"'),
    language: 'names',
    weights: DEFAULT_WEIGHTS,
    snippetSources: Prisma.raw(`ARRAY[t."name", t."acronym", array_to_string(t."aliases", ', ')]`),
  },
  COUNTRY: {
    table: Prisma.raw('"Country"'),
    key: Prisma.raw('t."code"::text'),
    // char(2) = char(2) (Country_pkey); text = text would cast the column and scan the table.
    lookup: Prisma.raw('t."code" = page."key"::bpchar'),
    language: 'names',
    weights: DEFAULT_WEIGHTS,
    snippetSources: Prisma.raw(
      `ARRAY[t."name", t."officialName", array_to_string(t."aliases", ', '), array_to_string(t."demonyms", ', ')]`,
    ),
  },
};

/**
 * ts_rank_cd normalization: 1 divides by 1 + log(document length), so a long article body does
 * not win by repetition alone; 32 maps the rank into [0, 1) (rank / (rank + 1)).
 */
const RANK_NORMALIZATION = 1 | 32;

/**
 * Highlight markers used inside PostgreSQL: two private-use characters, removed from the source
 * text first, so that the snippet can be HTML-escaped afterwards and the markers then turned
 * into <mark> tags (see `snippetToHtml`).
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=3, HighlightAll=false`;

/**
 * The tsquery for a table: English (stemmed, stop words dropped) for texts; for names (indexed
 * with the 'simple' configuration: unstemmed, stop words kept) the words as written OR their
 * English form, so "Kazakhstan's" still finds "Kazakhstan" and "the CSTO" finds "CSTO".
 */
function tsquery(language: Language, text: string): Prisma.Sql {
  const english = Prisma.sql`websearch_to_tsquery('english'::regconfig, ${text})`;
  return language === 'english'
    ? english
    : Prisma.sql`(websearch_to_tsquery('simple'::regconfig, ${text}) || ${english})`;
}

const config = (language: Language) =>
  Prisma.raw(language === 'english' ? `'english'::regconfig` : `'simple'::regconfig`);

/**
 * The branch's condition. `querytree` is '' for a query without words (e.g. only English stop
 * words) and 'T' for one no index can answer (only excluded words: "-kazakhstan"): such a
 * query matches nothing, instead of scanning and ranking every row. websearch_to_tsquery with a
 * configuration is immutable, so PostgreSQL folds the guard while planning with the bound
 * query: a failing one plans as "One-Time Filter: false" and touches no index or table (a
 * generic plan would evaluate it once, as a one-time filter in front of the scan).
 * Names keep their stop words (the 'simple' configuration), so "US", "IT" or "WHO" find the
 * country or organization with that code or acronym.
 */
function matches(language: Language, text: string): Prisma.Sql {
  const query = tsquery(language, text);
  return Prisma.sql`t."search" @@ ${query} AND querytree(${query}) NOT IN ('', 'T')`;
}

function branch(type: SearchTypeName, text: string): Prisma.Sql {
  const { table, key, language, weights } = SEARCH_TABLES[type];
  return Prisma.sql`SELECT ${type}::text AS "type", ${key} AS "key",
    ts_rank_cd(${weights}::real[], t."search", ${tsquery(language, text)}, ${RANK_NORMALIZATION}::int) AS "score"
    FROM ${table} t WHERE ${matches(language, text)}`;
}

function snippetBranch(type: SearchTypeName, text: string): Prisma.Sql {
  const { table, lookup, language, snippetSources } = SEARCH_TABLES[type];
  return Prisma.sql`SELECT ts_headline(${config(language)}, translate(u.txt, ${MARK_START + MARK_END}, ''),
      ${tsquery(language, text)}, ${HEADLINE_OPTIONS}) AS "snippet", u.i
    FROM ${table} t CROSS JOIN LATERAL unnest(${snippetSources}) WITH ORDINALITY AS u(txt, i)
    WHERE page."type" = ${type} AND ${lookup} AND u.txt <> ''`;
}

const ORDER = Prisma.raw(`"score" DESC, "type" COLLATE "C", "key" COLLATE "C"`);

export interface PageQueryOptions {
  text: string;
  types: readonly SearchTypeName[];
  after?: SearchPosition;
  /** Rows to fetch: the page size plus one, to learn whether there is a next page. */
  limit: number;
  snippets: boolean;
}

/** The page: `limit` hits after `after`, best first, with their snippets when asked for. */
export function pageQuery({ text, types, after, limit, snippets }: PageQueryOptions): Prisma.Sql {
  const hits = Prisma.join(
    types.map((type) => branch(type, text)),
    ' UNION ALL ',
  );
  // Keyset: strictly after the cursor's (score desc, type, key). `score` is real; the cursor's
  // number came from a real, so the cast gives back exactly that value.
  const afterCondition = after
    ? Prisma.sql`WHERE "score" < ${after.score}::real OR ("score" = ${after.score}::real AND
        ("type" COLLATE "C" > ${after.type} OR ("type" = ${after.type} AND "key" COLLATE "C" > ${after.key})))`
    : Prisma.empty;
  const snippet = snippets
    ? Prisma.sql`(SELECT s."snippet" FROM (${Prisma.join(
        types.map((type) => snippetBranch(type, text)),
        ' UNION ALL ',
      )}) s ORDER BY strpos(s."snippet", ${MARK_START}) > 0 DESC, s.i LIMIT 1)`
    : Prisma.sql`NULL::text`;
  return Prisma.sql`WITH page AS MATERIALIZED (
    SELECT "type", "key", "score" FROM (${hits}) hits ${afterCondition}
    ORDER BY ${ORDER} LIMIT ${limit}::int
  )
  SELECT page."type", page."key", page."score", ${snippet} AS "snippet" FROM page ORDER BY ${ORDER}`;
}

export interface PageRow {
  type: SearchTypeName;
  key: string;
  score: number;
  snippet: string | null;
}

/** The number of hits across the requested types: a count per table (a bitmap index scan), summed. */
export function countQuery(text: string, types: readonly SearchTypeName[]): Prisma.Sql {
  const counts = types.map((type) => {
    const { table, language } = SEARCH_TABLES[type];
    return Prisma.sql`(SELECT count(*) FROM ${table} t WHERE ${matches(language, text)})`;
  });
  return Prisma.sql`SELECT (${Prisma.join(counts, ' + ')})::int AS "total"`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A ts_headline result as safe HTML: the text escaped, the matches wrapped in <mark>…</mark>. */
export function snippetToHtml(snippet: string): string {
  return snippet
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string)
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}
