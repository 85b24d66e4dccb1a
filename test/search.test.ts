/**
 * Full-text search (`search`): what it finds in the seeded TASS article, how it ranks, pages,
 * highlights and rejects input, how many SQL statements a request costs, and that the page
 * query can use the GIN indexes. Expected hits come from reading the article
 * (seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan), not from the database.
 */
import { describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { Prisma } from '../src/generated/prisma/client.js';
import { encodeCursor } from '../src/search/input.js';
import { countQuery, pageQuery, snippetToHtml } from '../src/search/sql.js';
import { countQueries, execute } from './support/graphql.js';

const ARTICLE = 'tass-2022-01-10-kazakh-crisis-uzbekistan';
const statementKey = (key: string) => `${ARTICLE}/${key}`;

/** Statement texts, as the article words them. */
const TEXT = {
  recurInUzbekistan:
    'if lessons are not learned from the events in Kazakhstan, this could happen again, primarily in Uzbekistan',
  lessonsUzbekistan:
    'The lessons that have been talked a lot about here should be learned [by everyone], first of all, Uzbekistan. If these lessons are not learned, according to our information, their (the terrorists’ - TASS) sights have already been set on Uzbekistan,',
  terroristsOnBorders:
    'as the events have shown, many international terrorists have gathered on the borders of Kazakhstan',
};

interface Hit {
  cursor: string;
  score: number;
  snippet: string;
  node: {
    __typename: string;
    id: string;
    text?: string;
    name?: string;
    title?: string;
    code?: string;
  };
}
interface SearchResult {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Hit[];
}

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(query: $query, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        score
        snippet
        node {
          __typename
          ... on Node { id }
          ... on Statement { text }
          ... on Event { title }
          ... on Article { title }
          ... on Person { name }
          ... on Organization { name }
          ... on Country { name code }
        }
      }
    }
  }
`;

interface SearchArgs {
  query: string;
  types?: string[];
  first?: number;
  after?: string;
}

async function search(variables: SearchArgs): Promise<SearchResult> {
  const result = await execute<{ search: SearchResult }>(SEARCH, { ...variables });
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data.search;
}

/** The message of the BAD_USER_INPUT error a search fails with (having sent no SQL). */
async function searchError(variables: Record<string, unknown>): Promise<string> {
  const { result, queries } = await countQueries(() => execute<{ search: SearchResult }>(SEARCH, variables));
  expect(result.data?.search ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(queries).toEqual([]);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors?.[0]?.message ?? '';
}

const label = (hit: Hit) => `${hit.node.__typename}:${hit.node.text ?? hit.node.name ?? hit.node.title}`;
const nodeId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

describe('what search finds', () => {
  it('"terrorists" finds the two statements about terrorists (stemmed: "terrorists’" too) and the article', async () => {
    const statements = await search({ query: 'terrorists', types: ['STATEMENT'] });
    expect(statements.edges.map((e) => e.node.text).sort()).toEqual(
      [TEXT.terroristsOnBorders, TEXT.lessonsUzbekistan].sort(),
    );
    expect(statements.totalCount).toBe(2);

    const all = await search({ query: 'terrorists' });
    expect(all.edges.map((e) => e.node.id).sort()).toEqual(
      [
        nodeId('Statement', statementKey('lukashenko-terrorists-gathered-on-kazakhstan-borders')),
        nodeId('Statement', statementKey('lukashenko-lessons-must-be-learned-first-of-all-uzbekistan')),
        nodeId('Article', ARTICLE),
      ].sort(),
    );
    // The singular finds the same: both sides are stemmed.
    const singular = await search({ query: 'terrorist' });
    expect(singular.edges.map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
  });

  it('"Uzbekistan" finds the Uzbekistan statements, the article and the country, the country first', async () => {
    const result = await search({ query: 'Uzbekistan' });
    expect(result.edges.map(label).sort()).toEqual(
      [
        `Statement:${TEXT.recurInUzbekistan}`,
        `Statement:${TEXT.lessonsUzbekistan}`,
        'Article:Kazakh crisis may occur in Uzbekistan, if lessons aren’t learned, warns Lukashenko',
        'Country:Uzbekistan',
      ].sort(),
    );
    expect(result.edges[0]?.node).toMatchObject({ __typename: 'Country', code: 'UZ' });
    expect(result.totalCount).toBe(4);
    expect(result.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('types: [PERSON] with "Lukashenko" returns exactly Alexander Lukashenko', async () => {
    const result = await search({ query: 'Lukashenko', types: ['PERSON'] });
    expect(result.edges.map(label)).toEqual(['Person:Alexander Lukashenko']);
    expect(result.totalCount).toBe(1);
    // Case does not matter, and the other types are searched when `types` is omitted.
    const all = await search({ query: 'LUKASHENKO' });
    expect(all.edges.map((e) => e.node.__typename)).toContain('Person');
    expect(new Set(all.edges.map((e) => e.node.__typename))).toEqual(new Set(['Person', 'Article', 'Event']));
  });

  it('matches names as written or by their English stem, stop words included', async () => {
    expect((await search({ query: 'Kazakhstan’s', types: ['COUNTRY'] })).edges.map((e) => e.node.code)).toEqual(['KZ']);
    expect((await search({ query: "Kazakhstan's", types: ['COUNTRY'] })).edges.map((e) => e.node.code)).toEqual(['KZ']);
    expect((await search({ query: 'Kassym-Jomart', types: ['PERSON'] })).edges.map(label)).toEqual([
      'Person:Kassym-Jomart Tokayev',
    ]);
    // An ISO code that is also an English word.
    expect((await search({ query: 'US', types: ['COUNTRY'] })).edges.map((e) => e.node.code)).toEqual(['US']);
    expect((await search({ query: 'UZB', types: ['COUNTRY'] })).edges.map((e) => e.node.code)).toEqual(['UZ']);
  });

  it('supports phrases, or, and exclusion (web-search syntax)', async () => {
    const phrase = await search({ query: '"Collective Security Treaty"' });
    expect(phrase.edges.map(label)).toContain('Organization:Collective Security Treaty Organization');
    expect(phrase.edges.map(label)).not.toContain('Organization:CSTO Collective Security Council');

    const excluded = await search({ query: 'Kazakhstan -terrorists', types: ['STATEMENT'] });
    const kazakhstan = await search({ query: 'Kazakhstan', types: ['STATEMENT'] });
    expect(excluded.edges.map((e) => e.node.text)).toEqual(
      kazakhstan.edges.map((e) => e.node.text).filter((text) => !text?.includes('terrorists')),
    );
    expect(excluded.totalCount).toBe(kazakhstan.totalCount - 1);
  });

  it('a query of only English stop words, or only excluded words, finds nothing (no error)', async () => {
    for (const query of ['the of', 'and or not', '-kazakhstan', '-"CSTO"']) {
      const { result, queries } = await countQueries(() =>
        search({ query, types: query.startsWith('-') ? undefined : ['STATEMENT', 'EVENT', 'ARTICLE'] }),
      );
      expect(result, query).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
      expect(queries).toHaveLength(2);
    }
    // Stop words next to a real word change nothing.
    const plain = await search({ query: 'Uzbekistan', types: ['STATEMENT'] });
    const withStopWords = await search({ query: 'the Uzbekistan of', types: ['STATEMENT'] });
    expect(withStopWords.edges.map((e) => e.node.id)).toEqual(plain.edges.map((e) => e.node.id));
  });
});

describe('ranking and snippets', () => {
  it('ranks a statement matching both words above those matching one', async () => {
    const result = await search({ query: 'terrorists or Uzbekistan', types: ['STATEMENT'] });
    expect(result.edges.map((e) => e.node.text)).toHaveLength(3);
    const [best, ...rest] = result.edges;
    expect(best?.node.text).toBe(TEXT.lessonsUzbekistan);
    expect(rest.map((e) => e.node.text).sort()).toEqual([TEXT.recurInUzbekistan, TEXT.terroristsOnBorders].sort());
    for (const other of rest) expect(best?.score).toBeGreaterThan(other.score);
  });

  it('orders by score, descending, with scores in (0, 1)', async () => {
    const { edges } = await search({ query: 'Kazakhstan or Lukashenko', first: 100 });
    expect(edges.length).toBeGreaterThan(10);
    const scores = edges.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThan(1);
    }
  });

  it('highlights the matching words with <mark> in an HTML snippet of the hit’s text', async () => {
    const { edges } = await search({ query: 'terrorists', types: ['STATEMENT'] });
    for (const edge of edges) {
      expect(edge.snippet).toMatch(/<mark>terrorists<\/mark>/);
      // The snippet is the statement's text, with the marks and HTML escaping taken out.
      const plain = edge.snippet.replace(/<\/?mark>/g, '').replaceAll('&quot;', '"');
      expect(edge.node.text).toContain(plain);
      expect(plain.split(/\s+/).length).toBeLessThanOrEqual(35);
    }
    // Names: the name; a country found by its code has no highlight.
    const [person] = (await search({ query: 'Tokayev', types: ['PERSON'] })).edges;
    expect(person?.snippet).toBe('Kassym-Jomart <mark>Tokayev</mark>');
    const [country] = (await search({ query: 'UZ', types: ['COUNTRY'] })).edges;
    expect(country?.snippet).toBe('Uzbekistan');
    // An event whose words are in its evidence: the snippet comes from the article's words.
    const [event] = (await search({ query: 'ransacked', types: ['EVENT'] })).edges;
    expect(event?.snippet).toContain('<mark>ransacked</mark>');
    // Quotation marks of the article are escaped, not passed through; "too" is a stop word.
    const [article] = (await search({ query: '"too many people"', types: ['ARTICLE'] })).edges;
    expect(article?.snippet).toContain(
      '<mark>many</mark> <mark>people</mark> who want to undermine the situation&quot;',
    );
  });

  it('escapes HTML in the indexed text, so a snippet is safe to insert as HTML', async () => {
    expect(snippetToHtml('a <b> & "c" \uE000d\uE001')).toBe('a &lt;b&gt; &amp; &quot;c&quot; <mark>d</mark>');
    const person = await prisma.person.create({
      data: { key: 'search-test-person', name: 'Zyx <img src=x onerror=alert(1)> & "Zyx" \uE000Co\uE001', aliases: [] },
    });
    try {
      const { edges } = await search({ query: 'Zyx', types: ['PERSON'] });
      expect(edges).toHaveLength(1);
      const snippet = edges[0]?.snippet ?? '';
      expect(snippet).toMatch(/^<mark>Zyx<\/mark>/);
      expect(snippet).toContain('&amp; &quot;<mark>Zyx</mark>&quot;');
      // No markup but the marks: every < starts a <mark> or </mark>.
      expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"]/);
      // The private-use characters the highlighter uses are dropped from the text first.
      expect(snippet).toContain(' Co');
      expect(snippet).not.toContain('<mark>Co');
    } finally {
      await prisma.person.delete({ where: { id: person.id } });
    }
  });
});

describe('pagination', () => {
  it('returns each hit exactly once across pages, in the order of one big page, with totalCount on every page', async () => {
    const all = await search({ query: 'Kazakhstan', first: 100 });
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.edges.length).toBeGreaterThanOrEqual(10);
    // Equal scores exist (same-length statements), so the tiebreak matters.
    const scores = all.edges.map((e) => e.score);
    expect(new Set(scores).size).toBeLessThan(scores.length);

    for (const first of [1, 5]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const result = await search({ query: 'Kazakhstan', first, after });
        expect(result.totalCount).toBe(all.totalCount);
        expect(result.edges.length).toBeLessThanOrEqual(first);
        expect(result.pageInfo.hasPreviousPage).toBe(after !== undefined);
        expect(result.pageInfo.startCursor).toBe(result.edges[0]?.cursor ?? null);
        expect(result.pageInfo.endCursor).toBe(result.edges.at(-1)?.cursor ?? null);
        seen.push(...result.edges.map((e) => e.node.id));
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor ?? undefined;
      }
      expect(seen).toEqual(all.edges.map((e) => e.node.id));
    }
  });

  it('first: 0 returns no edges but tells whether there are hits', async () => {
    const result = await search({ query: 'Kazakhstan', first: 0 });
    expect(result.edges).toEqual([]);
    expect(result.pageInfo).toMatchObject({ hasNextPage: true, startCursor: null, endCursor: null });
    expect((await search({ query: 'nonexistentword', first: 0 })).pageInfo.hasNextPage).toBe(false);
  });

  it('a cursor past the last hit gives an empty page', async () => {
    const after = encodeCursor({ score: 0, type: 'STATEMENT', key: '~' });
    const result = await search({ query: 'Kazakhstan', after });
    expect(result.edges).toEqual([]);
    expect(result.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('bad input', () => {
  it.each([
    ['an empty query', { query: '' }, 'query must not be empty'],
    ['a blank query', { query: ' \n\t  ' }, 'query must not be empty'],
    ['a query over 200 characters', { query: 'a'.repeat(201) }, 'query must be at most 200 characters long'],
    ['a query without words', { query: '!!! -- ""' }, 'query must contain at least one letter or digit'],
    ['a query with a control character', { query: 'Kazakh\u0000stan' }, 'query must not contain control characters'],
    [
      'a query with broken Unicode',
      { query: 'Kazakh\ud800stan' },
      'query must be valid Unicode text (it has an unpaired surrogate)',
    ],
    [
      'an empty types list',
      { query: 'Kazakhstan', types: [] },
      'types must name at least one type (omit it to search all)',
    ],
    ['first over the maximum', { query: 'Kazakhstan', first: 101 }, 'first must be between 0 and 100'],
    ['a negative first', { query: 'Kazakhstan', first: -1 }, 'first must be between 0 and 100'],
    [
      'a cursor that is not base64 JSON',
      { query: 'Kazakhstan', after: 'garbage' },
      'after is not a cursor returned by search',
    ],
    [
      'a cursor of another shape',
      { query: 'Kazakhstan', after: Buffer.from('["search",1,"PLANET","x"]').toString('base64url') },
      'after is not a cursor returned by search',
    ],
    [
      'another connection’s cursor',
      { query: 'Kazakhstan', after: Buffer.from('GPC:N:12').toString('base64') },
      'after is not a cursor returned by search',
    ],
  ])('rejects %s with a clear error and no SQL', async (_name, variables, message) => {
    expect(await searchError(variables)).toBe(message);
  });

  it('accepts exactly 200 characters, and trims before measuring', async () => {
    const query = ` ${'Kazakhstan '.repeat(18)}${'x'.repeat(2)} `; // 200 characters once trimmed
    expect(query.trim()).toHaveLength(200);
    const result = await search({ query, types: ['STATEMENT'] });
    expect(result.edges).toEqual([]);
  });

  it('takes PostgreSQL text-search operators in the query as plain words', async () => {
    // to_tsquery would fail on these; websearch_to_tsquery never does.
    for (const query of ["Kazakhstan & | ! ( ) <-> :* ' \\", 'Kazakhstan:*A', "'Kazakhstan'"]) {
      const result = await search({ query, types: ['COUNTRY'] });
      expect(
        result.edges.map((e) => e.node.code),
        query,
      ).toEqual(['KZ']);
    }
  });
});

describe('SQL statements per request', () => {
  type NestedResult = { search: { edges: { node: Record<string, unknown> & { __typename: string } }[] } };
  const NESTED = /* GraphQL */ `
    query ($query: String!) {
      search(query: $query, first: 50) {
        totalCount
        edges {
          snippet
          node {
            __typename
            ... on Statement { text speaker { ... on Person { name roles { title } } } about { code } occasion { title } }
            ... on Person { name statements(first: 1) { totalCount edges { node { about { code } } } } }
            ... on Country { name statementsAbout(first: 5) { totalCount } }
            ... on Article { title source { name } }
            ... on Event { title participants { actor { __typename } } }
          }
        }
      }
    }
  `;

  it('is 1 for the page, 1 per type on it (nested selections included) and 1 for totalCount', async () => {
    const { result, queries } = await countQueries(() => execute<NestedResult>(NESTED, { query: 'Uzbekistan' }));
    expect(result.errors).toBeUndefined();
    // Page, count, and one load each for Statement, Article and Country.
    expect(queries).toHaveLength(5);
    const edges = result.data?.search.edges ?? [];
    const statements = edges.map((e) => e.node).filter((n) => n.__typename === 'Statement');
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      expect(statement.speaker).toEqual({ name: 'Alexander Lukashenko', roles: [{ title: 'President of Belarus' }] });
      expect(statement.about).toContainEqual({ code: 'UZ' });
    }
    expect(edges.find((e) => e.node.__typename === 'Country')?.node).toMatchObject({
      statementsAbout: { totalCount: 2 },
    });
  });

  it('stays within 1 + 6 + 1 when every type is on the page', async () => {
    const { result, queries } = await countQueries(() =>
      execute<NestedResult>(NESTED, { query: 'Lukashenko or Kazakhstan or CSTO' }),
    );
    expect(result.errors).toBeUndefined();
    const types = new Set((result.data?.search.edges ?? []).map((e) => e.node.__typename));
    expect(types).toEqual(new Set(['Statement', 'Event', 'Article', 'Person', 'Organization', 'Country']));
    expect(queries).toHaveLength(1 + 6 + 1);
  });

  it('plans through aliases and named fragments too', async () => {
    const { result, queries } = await countQueries(() =>
      execute<{ s: { hits: { n: { t: string; who: { nm: string } } }[] } }>(
        `query { s: search(query: "Uzbekistan", types: [STATEMENT]) { ...Hits } }
         fragment Hits on SearchConnection { hits: edges { n: node { ...S } } }
         fragment S on Statement { t: text who: speaker { ... on Person { nm: name } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.s.hits.map((h) => h.n.who.nm)).toEqual(['Alexander Lukashenko', 'Alexander Lukashenko']);
    expect(queries).toHaveLength(2);
  });

  it('is 1 when neither nodes nor totalCount are selected, and skips snippets when not selected', async () => {
    const { result, queries } = await countQueries(() =>
      execute('{ search(query: "Uzbekistan") { pageInfo { hasNextPage } edges { cursor score snippet } } }'),
    );
    expect(result.errors).toBeUndefined();
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain('ts_headline');

    const noSnippet = await countQueries(() =>
      execute(
        'query($skip: Boolean!) { search(query: "Uzbekistan") { totalCount @skip(if: $skip) edges { score } } }',
        {
          skip: true,
        },
      ),
    );
    expect(noSnippet.result.errors).toBeUndefined();
    expect(noSnippet.queries).toHaveLength(1);
    expect(noSnippet.queries[0]).not.toContain('ts_headline');
  });
});

describe('query plans', () => {
  /** EXPLAIN (no ANALYZE) of a statement, with sequential scans discouraged for this transaction only. */
  async function explain(sql: Prisma.Sql): Promise<string> {
    return prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${sql}`);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  const allTypes = ['STATEMENT', 'EVENT', 'ARTICLE', 'PERSON', 'ORGANIZATION', 'COUNTRY'] as const;
  const indexes = ['Statement', 'Event', 'Article', 'Person', 'Organization', 'Country'].map((t) => `${t}_search_idx`);

  it('the page and count queries can use every GIN index', async () => {
    // The seed is too small for the planner to prefer an index on its own; enable_seqscan = off
    // shows whether the index is usable at all (the plans at 1M statements are in the report).
    const page = await explain(pageQuery({ text: 'Kazakhstan', types: allTypes, limit: 21, snippets: true }));
    const count = await explain(countQuery('Kazakhstan', allTypes));
    for (const plan of [page, count]) {
      for (const index of indexes) expect(plan).toContain(`Bitmap Index Scan on "${index}"`);
      expect(plan).not.toMatch(/Seq Scan on "(Statement|Event|Article|Person|Organization|Country)"/);
    }
    // Snippets look the page's rows up by their unique keys.
    for (const index of [
      'Statement_key_key',
      'Event_key_key',
      'Article_key_key',
      'Person_key_key',
      'Organization_key_key',
      'Country_pkey',
    ]) {
      expect(page).toContain(`Index Scan using "${index}"`);
    }
  });

  it('a query no index can answer scans nothing (the guard is folded to false)', async () => {
    for (const text of ['-kazakhstan', 'kazakhstan or -uzbekistan']) {
      for (const plan of [
        await explain(pageQuery({ text, types: allTypes, limit: 21, snippets: true })),
        await explain(countQuery(text, allTypes)),
      ]) {
        expect(plan).toContain('One-Time Filter: false');
        expect(plan).not.toContain('_search_idx');
        expect(plan).not.toContain('Seq Scan');
      }
    }
  });
});
