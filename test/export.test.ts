/**
 * The /export/ endpoints: statements as CSV and NDJSON (the same rows as the GraphQL query with
 * the same filter, quoting intact), the subgraph as Cytoscape.js JSON, NDJSON and CSV, and
 * clear 4xx answers for bad parameters. Runs on both storages, through yoga.fetch.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { exportStatements } from '../src/export/statements.js';
import { readIngestInput } from '../src/ingest/folder.js';
import { ingestArticle } from '../src/ingest/index.js';
import { yoga } from '../src/yoga.js';
import { countQueries, execute } from './support/graphql.js';

const seedDir = new URL('../seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/', import.meta.url);
const articleText = readFileSync(new URL('article.txt', seedDir), 'utf8');
const lukashenko = encodeGlobalID('Person', 'alexander-lukashenko');
const protests = encodeGlobalID('Event', 'kazakhstan-protests-2022-01-02');
const riots = encodeGlobalID('Event', 'kazakhstan-mass-riots');
const violence = encodeGlobalID('Event', 'kazakhstan-violence');
const EVENT_RELATIONS = 'ESCALATED_INTO,LED_TO,FOLLOWED_BY,RESPONSE_TO';

async function get(path: string, init: { method?: string; body?: string } = {}) {
  const response = await yoga.fetch(`http://yoga${path}`, {
    method: init.method ?? 'GET',
    ...(init.body && { body: init.body }),
  });
  return { response, body: await response.text() };
}

const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

/**
 * A strict RFC 4180 parser (quoted fields may hold commas, quotes as "" and line breaks; a quote
 * anywhere else is an error), written here so the test does not trust the library that wrote the file.
 */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && !',\r\n'.includes(text[i] as string))
          throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records;
  if (!header) throw new Error('no header');
  return rows.map((row) => {
    if (row.length !== header.length) throw new Error(`row has ${row.length} fields, header ${header.length}`);
    return Object.fromEntries(header.map((name, j) => [name, row[j] as string]));
  });
}

const parseNdjson = (text: string) => {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
};

interface ApiStatement {
  id: string;
  kind: string;
  text: string;
  saidOn: string | null;
  saidOnPrecision: string | null;
  speaker: { __typename: string; name: string };
  about: { code: string }[];
  occasion: { title: string } | null;
  article: { id: string };
  evidence: { start: number; end: number };
  attribution: { text: string } | null;
}

/** The same statements, straight from the GraphQL API. */
async function statementsFromApi(where: unknown) {
  const result = await execute<{ statements: { totalCount: number; edges: { node: ApiStatement }[] } }>(
    `query ($where: StatementFilter) { statements(where: $where, first: 100) { totalCount edges { node {
      id kind text saidOn saidOnPrecision speaker { __typename ... on Person { name } ... on Organization { name } }
      about { code } occasion { title } article { id } evidence { start end } attribution { text }
    } } } }`,
    { where },
  );
  expect(result.errors).toBeUndefined();
  const statements = result.data?.statements;
  if (!statements) throw new Error('no statements');
  expect(statements.totalCount).toBe(statements.edges.length);
  return statements.edges.map((e) => e.node);
}

/** A CSV row as the API's statement would give it (CSV writes null as an empty field). */
const asCsvRow = (s: ApiStatement) => ({
  id: s.id,
  key: Buffer.from(s.id, 'base64')
    .toString('utf8')
    .replace(/^Statement:/, ''),
  kind: s.kind,
  text: s.text,
  speakerType: s.speaker.__typename,
  speakerName: s.speaker.name,
  about: s.about.map((c) => c.code).join(';'),
  saidOn: s.saidOn ?? '',
  saidOnPrecision: s.saidOnPrecision ?? '',
  occasion: s.occasion?.title ?? '',
  article: Buffer.from(s.article.id, 'base64')
    .toString('utf8')
    .replace(/^Article:/, ''),
  evidenceStart: String(s.evidence.start),
  evidenceEnd: String(s.evidence.end),
  attribution: s.attribution?.text ?? '',
});

describe('GET /export/statements.csv', () => {
  it.each([
    ['no filter', null],
    ['about Uzbekistan', { about: { some: { code: 'UZ' } } }],
    ['quotes only', { kind: 'QUOTE' }],
  ])('%s: parses back to the statements the GraphQL query returns', async (_name, where) => {
    const { response, body } = await get(
      `/export/statements.csv${where ? query({ where: JSON.stringify(where) }) : ''}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="statements.csv"');
    const rows = parseCsv(body);
    const expected = await statementsFromApi(where);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.headers.get('x-total-count')).toBe(String(expected.length));
    expect(rows.map(({ speakerKey, ...row }) => row)).toEqual(expected.map(asCsvRow));
  });

  it('keeps the words exact: quotes, typographic apostrophes and all, equal to the article slice', async () => {
    const rows = parseCsv((await get('/export/statements.csv')).body);
    const withQuotes = rows.filter((r) => r.text?.includes('"'));
    const withApostrophe = rows.filter((r) => r.text?.includes('’'));
    expect(withQuotes.length).toBeGreaterThan(0);
    expect(withApostrophe.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(articleText.slice(Number(row.evidenceStart), Number(row.evidenceEnd)), row.key).toBe(row.text);
    }
    // The raw file doubles the quotes inside a quoted field, as RFC 4180 says.
    expect((await get('/export/statements.csv')).body).toContain(
      '"there are ""too many people who want to undermine the situation""',
    );
  });

  it('limit cuts the export short and the headers say so', async () => {
    const { response, body } = await get('/export/statements.csv?limit=3');
    expect(parseCsv(body)).toHaveLength(3);
    expect(response.headers.get('x-export-truncated')).toBe('true');
    expect(Number(response.headers.get('x-total-count'))).toBeGreaterThan(3);
  });
});

describe('GET /export/statements.ndjson', () => {
  it('has one line per statement: totalCount lines, the same rows as the CSV', async () => {
    const where = JSON.stringify({ about: { some: { code: 'KZ' } } });
    const { response, body } = await get(`/export/statements.ndjson${query({ where })}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = parseNdjson(body);
    const expected = await statementsFromApi(JSON.parse(where));
    expect(lines).toHaveLength(expected.length);
    expect(response.headers.get('x-total-count')).toBe(String(lines.length));
    const csv = parseCsv((await get(`/export/statements.csv${query({ where })}`)).body);
    expect(lines.map((l) => l.id)).toEqual(csv.map((r) => r.id));
    for (const line of lines) {
      expect(line.about).toContain('KZ');
      expect(Array.isArray(line.about)).toBe(true);
    }
    const byAuthorities = lines.find((l) => l.speakerKey === 'kazakh-authorities');
    expect(byAuthorities).toMatchObject({
      speakerType: 'Organization',
      occasion: null,
      attribution: 'Kazakh authorities affirm',
    });
  });

  it('pages through the connection lazily, with a constant number of SQL statements per page', async () => {
    const all = await exportStatements({ where: null, limit: 100_000 }, 'ndjson');
    let whole = '';
    for await (const chunk of all.chunks) whole += chunk;

    // Pages of 2: the same lines, in the same order.
    const { result, queries } = await countQueries(async () => {
      const paged = await exportStatements({ where: null, limit: 100_000 }, 'ndjson', { pageSize: 2 });
      const chunks: string[] = [];
      for await (const chunk of paged.chunks) chunks.push(chunk);
      return chunks;
    });
    expect(result.join('')).toBe(whole);
    const pages = Math.ceil(all.totalCount / 2);
    expect(result).toHaveLength(pages);
    // A constant per page, never per row: the first page is one statement (relationJoins) plus
    // the count; a page read with a cursor (`after`) is one statement per relation the export
    // selects (speaker person, speaker organization, about, occasion, article: Prisma 6.19 does
    // not join relations when `cursor` is set), so at most 6.
    expect(queries.length).toBeLessThanOrEqual(2 + (pages - 1) * 6);

    // A consumer that stops after the first page costs no further page.
    const stopped = await exportStatements({ where: null, limit: 100_000 }, 'ndjson', { pageSize: 2 });
    await stopped.chunks.next();
    const { queries: after } = await countQueries(() => stopped.chunks.return());
    expect(after).toEqual([]);
  });
});

describe('bad statement parameters', () => {
  const errorFor = async (params: string) => {
    const { response, body } = await get(`/export/statements.csv${params}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return (JSON.parse(body) as { error: { message: string; code: string } }).error;
  };

  it('an unknown enum value names the value and the type', async () => {
    const error = await errorFor(query({ where: JSON.stringify({ kind: 'BOGUS' }) }));
    expect(error.message).toMatch(/"BOGUS".*StatementKind/);
    expect(error.code).toBe('BAD_USER_INPUT');
  });

  it('an unknown filter field names the field', async () => {
    expect((await errorFor(query({ where: JSON.stringify({ speaker: 'x' }) }))).message).toMatch(
      /"speaker" is not defined by type "StatementFilter"/,
    );
  });

  it('the API’s own validation (an invalid country code)', async () => {
    const error = await errorFor(query({ where: JSON.stringify({ about: { some: { code: 'U1' } } }) }));
    expect(error.message).toMatch(/code must be an ISO 3166-1 alpha-2 or alpha-3 code/);
  });

  it('not JSON, not an object, a bad limit', async () => {
    expect((await errorFor('?where=%7Bkind')).message).toMatch(/^where must be the JSON of a StatementFilter/);
    expect((await errorFor(query({ where: '[1]' }))).message).toMatch(/^where must be a JSON object/);
    expect((await errorFor('?limit=0')).message).toBe('limit must be an integer between 1 and 100000 (got 0)');
    expect((await errorFor('?limit=ten')).message).toBe('limit must be an integer between 1 and 100000 (got "ten")');
    expect((await errorFor('?limit=100001')).message).toMatch(/between 1 and 100000/);
  });
});

interface CytoscapeExport {
  data: { root: string; depth: number; truncated: boolean };
  elements: {
    nodes: { data: { id: string; label: string; type: string; root: boolean } }[];
    edges: {
      data: {
        id: string;
        source: string;
        target: string;
        label: string;
        type: string;
        evidenceText: string | null;
        supportCount: number;
      };
    }[];
  };
}

describe('GET /export/subgraph.*', () => {
  it('cytoscape.json: every edge’s source and target is one of its nodes', async () => {
    const { response, body } = await get(`/export/subgraph.cytoscape.json${query({ id: lukashenko, depth: '2' })}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="subgraph-alexander-lukashenko-depth2.cytoscape.json"',
    );
    const graph = JSON.parse(body) as CytoscapeExport;
    expect(graph.data).toMatchObject({ root: lukashenko, depth: 2, truncated: false });
    const ids = new Set(graph.elements.nodes.map((n) => n.data.id));
    expect(ids.size).toBe(graph.elements.nodes.length);
    expect(graph.elements.edges.length).toBeGreaterThan(0);
    for (const { data } of graph.elements.edges) {
      expect(ids.has(data.source), data.id).toBe(true);
      expect(ids.has(data.target), data.id).toBe(true);
      expect(data.label).toBeTruthy();
      expect(data.type).toBeTruthy();
      // One article so far: it supports every edge that has evidence.
      expect(data.supportCount, data.id).toBe(data.evidenceText === null ? 0 : 1);
    }
    for (const { data } of graph.elements.nodes) {
      expect(data.label).toBeTruthy();
      expect(['Person', 'Organization', 'Country', 'Event', 'Statement', 'Article']).toContain(data.type);
    }
    expect(graph.elements.nodes[0]?.data).toMatchObject({
      id: lukashenko,
      label: 'Alexander Lukashenko',
      type: 'Person',
      root: true,
    });
    expect(graph.elements.edges).toContainEqual({
      data: expect.objectContaining({
        type: 'HOLDS_ROLE',
        label: 'President of Belarus',
        evidenceText: 'President of Belarus',
      }),
    });
  });

  it('the same subgraph as the GraphQL neighbors query, in all three formats', async () => {
    const params = query({ id: lukashenko, depth: '2', relationTypes: 'SAID,ABOUT' });
    const api = await execute<{ neighbors: { nodes: { id: string }[]; edges: { id: string; type: string }[] } }>(
      `query ($id: ID!) { neighbors(id: $id, depth: 2, relationTypes: [SAID, ABOUT]) { nodes { ... on Node { id } } edges { id type } } }`,
      { id: lukashenko },
    );
    const expected = api.data?.neighbors;
    if (!expected) throw new Error('no subgraph');

    const cytoscape = JSON.parse((await get(`/export/subgraph.cytoscape.json${params}`)).body) as CytoscapeExport;
    expect(cytoscape.elements.nodes.map((n) => n.data.id)).toEqual(expected.nodes.map((n) => n.id));
    expect(cytoscape.elements.edges.map((e) => e.data.id)).toEqual(expected.edges.map((e) => e.id));
    expect(new Set(cytoscape.elements.edges.map((e) => e.data.type))).toEqual(new Set(['SAID', 'ABOUT']));

    const ndjson = await get(`/export/subgraph.ndjson${params}`);
    expect(ndjson.response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = parseNdjson(ndjson.body);
    expect(lines).toHaveLength(expected.nodes.length + expected.edges.length);
    // Nodes first, then edges.
    expect(lines.map((l) => l.kind)).toEqual([
      ...expected.nodes.map(() => 'node'),
      ...expected.edges.map(() => 'edge'),
    ]);
    expect(lines.filter((l) => l.kind === 'edge').map((l) => l.id)).toEqual(expected.edges.map((e) => e.id));

    const csv = await get(`/export/subgraph.csv${params}`);
    expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(csv.body);
    expect(rows.map((r) => r.id)).toEqual(expected.edges.map((e) => e.id));
    for (const row of rows) {
      expect(articleText.slice(Number(row.evidenceStart), Number(row.evidenceEnd))).toBe(row.evidenceText);
      expect(row.sourceLabel).toBeTruthy();
      expect(row.targetLabel).toBeTruthy();
    }
  });

  it('carries event relations, with their connecting words, in all three formats', async () => {
    const params = query({ id: riots, relationTypes: EVENT_RELATIONS });
    const expected = [
      { type: 'ESCALATED_INTO', source: protests, target: riots, evidenceText: 'escalating into', supportCount: 1 },
      { type: 'LED_TO', source: riots, target: violence, evidenceText: 'ensuing', supportCount: 1 },
    ];
    const byType = <T extends { type: string }>(edges: T[]) => [...edges].sort((a, b) => a.type.localeCompare(b.type));

    const cytoscape = JSON.parse((await get(`/export/subgraph.cytoscape.json${params}`)).body) as CytoscapeExport;
    expect(byType(cytoscape.elements.edges.map((e) => e.data))).toEqual(
      expected.map((e) => expect.objectContaining(e)),
    );

    const ndjson = parseNdjson((await get(`/export/subgraph.ndjson${params}`)).body).filter((l) => l.kind === 'edge');
    expect(byType(ndjson as { type: string }[])).toEqual(expected.map((e) => expect.objectContaining(e)));

    const rows = parseCsv((await get(`/export/subgraph.csv${params}`)).body);
    expect(byType(rows as { type: string }[])).toEqual(
      expected.map((e) => expect.objectContaining({ ...e, supportCount: String(e.supportCount) })),
    );
    for (const row of rows) {
      expect(articleText.slice(Number(row.evidenceStart), Number(row.evidenceEnd))).toBe(row.evidenceText);
      expect(row).toMatchObject({ sourceType: 'Event', targetType: 'Event' });
    }
  });

  it('bad parameters get the API’s message: 400, or 404 for an unknown ID', async () => {
    const cases: [string, number, RegExp][] = [
      ['', 400, /^id is required/],
      [query({ id: 'nope' }), 400, /is not a valid ID/],
      [query({ id: lukashenko, depth: '50' }), 400, /depth must be at most 3/],
      [query({ id: lukashenko, depth: 'two' }), 400, /^depth must be an integer/],
      [query({ id: lukashenko, relationTypes: 'SAID,KNOWS' }), 400, /"KNOWS" does not exist in "RelationType" enum/],
      [query({ id: encodeGlobalID('Person', 'nobody') }), 404, /no Person has the ID/],
    ];
    for (const [params, status, message] of cases) {
      const { response, body } = await get(`/export/subgraph.csv${params}`);
      expect(response.status, params).toBe(status);
      expect((JSON.parse(body) as { error: { message: string } }).error.message, params).toMatch(message);
    }
  });
});

describe('the /export/ route', () => {
  it('answers GET only', async () => {
    const { response } = await get('/export/statements.csv', { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('lists the exports on an unknown path', async () => {
    const { response, body } = await get('/export/everything.xlsx');
    expect(response.status).toBe(404);
    expect(Object.keys((JSON.parse(body) as { exports: Record<string, string> }).exports)).toEqual([
      '/export/statements.csv',
      '/export/statements.ndjson',
      '/export/subgraph.cytoscape.json',
      '/export/subgraph.ndjson',
      '/export/subgraph.csv',
    ]);
  });

  it('leaves /graphql alone', async () => {
    const result = await execute<{ statements: { totalCount: number } }>('{ statements(first: 1) { totalCount } }');
    expect(result.data?.statements.totalCount).toBeGreaterThan(0);
  });
});

describe('edges stated by two articles, in the subgraph exports', () => {
  // A synthetic article (fictional agency and speakers) restating the seed's events; its
  // events resolve to the seed's, its relations are the seed's relations in other words.
  const fixture = fileURLToPath(
    new URL(
      './fixtures/articles/synthetic-2022-01-11-caspian-wire-kazakhstan-freight-outlook/annotations.json',
      import.meta.url,
    ),
  );
  const fixtureId = encodeGlobalID('Article', 'synthetic-2022-01-11-caspian-wire-kazakhstan-freight-outlook');
  const seedId = encodeGlobalID('Article', 'tass-2022-01-10-kazakh-crisis-uzbekistan');

  beforeAll(async () => {
    expect((await ingestArticle(prisma, await readIngestInput(fixture), { actor: 'test' })).status).toBe('CREATED');
  });

  it('count both articles on a relation they both state, and one on each report', async () => {
    const params = query({ id: riots, relationTypes: `${EVENT_RELATIONS},REPORTED_IN` });
    const rows = parseCsv((await get(`/export/subgraph.csv${params}`)).body);
    const escalation = rows.filter((r) => r.type === 'ESCALATED_INTO');
    // One edge; its evidence stays the seed's words (the first article), its support is both.
    expect(escalation).toEqual([
      expect.objectContaining({ source: protests, target: riots, evidenceText: 'escalating into', supportCount: '2' }),
    ]);
    // A report is one article's: one REPORTED_IN edge per article, each supported by it alone.
    expect(new Set(rows.filter((r) => r.type === 'REPORTED_IN').map((r) => r.supportCount))).toEqual(new Set(['1']));
    const reports = rows.filter((r) => r.type === 'REPORTED_IN' && r.source === riots);
    expect(reports.map((r) => [r.target, r.supportCount]).sort()).toEqual(
      [
        [seedId, '1'],
        [fixtureId, '1'],
      ].sort(),
    );

    const cytoscape = JSON.parse((await get(`/export/subgraph.cytoscape.json${params}`)).body) as CytoscapeExport;
    const ndjson = parseNdjson((await get(`/export/subgraph.ndjson${params}`)).body).filter((l) => l.kind === 'edge');
    // The same counts in every format.
    const counts = (edges: { id: string; supportCount: number | string }[]) =>
      edges.map((e) => [e.id, Number(e.supportCount)]).sort();
    expect(counts(cytoscape.elements.edges.map((e) => e.data))).toEqual(counts(rows as never));
    expect(counts(ndjson as never)).toEqual(counts(rows as never));
  });
});
