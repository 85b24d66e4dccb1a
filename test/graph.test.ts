/**
 * The graph view (neighbors, path): known answers from the curated seed, read from the
 * annotation file and the article text rather than from the database; clear errors for bad
 * input; and a bounded number of SQL statements per request. Runs on both storages.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { EDGE_STATEMENTS, emptyNodeSet, fetchEdges, SMALL_FRONTIER, type StepResult } from '../src/graph/edges.js';
import { GRAPH_LIMITS, GraphInputError, neighbors, RELATION_TYPES, shortestPath } from '../src/graph/index.js';
import { readIngestInput } from '../src/ingest/folder.js';
import { ingestArticle } from '../src/ingest/index.js';
import { countQueries, execute } from './support/graphql.js';

const seedDir = new URL('../seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/', import.meta.url);
const articleText = readFileSync(new URL('article.txt', seedDir), 'utf8');
interface Span {
  start: number;
  end: number;
  text: string;
}
interface AnnotationFile {
  article: { key: string };
  statements: { key: string; speaker: { person?: string; organization?: string }; about: string[] }[];
  persons: { key: string; roles: { title: string; evidence: Span }[] }[];
  events: { key: string; evidence: Span }[];
  eventRelations: { type: string; from: string; to: string; evidence: Span }[];
}
const annotation = JSON.parse(readFileSync(new URL('annotations.json', seedDir), 'utf8')) as AnnotationFile;
const articleKey = annotation.article.key;
const articleId = encodeGlobalID('Article', articleKey);

const id = {
  lukashenko: encodeGlobalID('Person', 'alexander-lukashenko'),
  tokayev: encodeGlobalID('Person', 'kassym-jomart-tokayev'),
  country: (code: string) => encodeGlobalID('Country', code),
  statement: (key: string) => encodeGlobalID('Statement', `${articleKey}/${key}`),
  session: encodeGlobalID('Event', 'csto-collective-security-council-extraordinary-session-2022-01-10'),
  event: (key: string) => encodeGlobalID('Event', key),
};
/** The evidence the annotation gives an event of the seed. */
const seedEvent = (key: string) => annotation.events.find((e) => e.key === key)?.evidence;
const lukashenkoStatements = annotation.statements.filter((s) => s.speaker.person === 'alexander-lukashenko');

interface Evidence {
  start: number;
  end: number;
  text: string;
  article: { id: string; title: string };
}
interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  label: string | null;
  role: string | null;
  evidence: Evidence | null;
  supportedBy: Evidence[];
}
interface Node {
  __typename: string;
  id: string;
  name?: string;
  code?: string;
  text?: string;
  title?: string;
}

const NODE_FIELDS = `
  __typename
  ... on Node { id }
  ... on Person { name }
  ... on Organization { name }
  ... on Country { code name }
  ... on Event { title }
  ... on Statement { text }
  ... on Article { title }
`;
// evidence and supportedBy select the same of their articles: one statement loads both.
const EVIDENCE_FIELDS = 'start end text article { id title }';
const EDGE_FIELDS = `id type source target label role evidence { ${EVIDENCE_FIELDS} } supportedBy { ${EVIDENCE_FIELDS} }`;

const NEIGHBORS = `query Neighbors($id: ID!, $depth: Int, $relationTypes: [RelationType!], $limit: Int) {
  neighbors(id: $id, depth: $depth, relationTypes: $relationTypes, limit: $limit) {
    truncated
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} }
  }
}`;
const PATH = `query Path($from: ID!, $to: ID!, $maxDepth: Int, $relationTypes: [RelationType!]) {
  path(from: $from, to: $to, maxDepth: $maxDepth, relationTypes: $relationTypes) {
    length
    truncated
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} }
  }
}`;

type Subgraph = { truncated: boolean; nodes: Node[]; edges: Edge[] };
type Path = { length: number; truncated: boolean; nodes: Node[]; edges: Edge[] };

/** From the seed's protests to the deployment of peacekeepers, through event relations only. */
const protestsToDeployment = () =>
  execute<{ path: Path }>(PATH, {
    from: id.event('kazakhstan-protests-2022-01-02'),
    to: id.event('peacekeeper-deployment-to-kazakhstan'),
    relationTypes: ['ESCALATED_INTO', 'LED_TO', 'FOLLOWED_BY', 'RESPONSE_TO'],
  });

async function neighborsOf(variables: Record<string, unknown>) {
  const result = await execute<{ neighbors: Subgraph }>(NEIGHBORS, variables);
  expect(result.errors).toBeUndefined();
  return result.data?.neighbors as Subgraph;
}

/** The texts of the articles evidence may point into, by global ID: the seed's, unless a test says otherwise. */
const seedOnly = new Map([[articleId, articleText]]);

/**
 * Every edge joins two returned nodes, no ID repeats, each evidence span is its slice of its
 * article, and `evidence` is the first of `supportedBy`.
 */
function expectConsistent(graph: { nodes: Node[]; edges: Edge[] }, texts = seedOnly) {
  const nodeIds = graph.nodes.map((n) => n.id);
  expect(new Set(nodeIds).size).toBe(nodeIds.length);
  expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  for (const edge of graph.edges) {
    expect(nodeIds, `${edge.id} source`).toContain(edge.source);
    expect(nodeIds, `${edge.id} target`).toContain(edge.target);
    expect(edge.evidence, edge.id).toEqual(edge.supportedBy[0] ?? null);
    for (const evidence of edge.supportedBy) {
      const text = texts.get(evidence.article.id);
      expect(text, `${edge.id}: evidence from an unexpected article`).toBeDefined();
      expect(text?.slice(evidence.start, evidence.end), edge.id).toBe(evidence.text);
    }
  }
}

const edgesOf = (graph: { edges: Edge[] }, type: string) => graph.edges.filter((e) => e.type === type);

describe('neighbors', () => {
  it('depth 1 around Lukashenko: his statements, Belarus (his role) and the CSTO session he spoke at', async () => {
    const graph = await neighborsOf({ id: id.lukashenko });
    expectConsistent(graph);
    expect(graph.truncated).toBe(false);
    expect(graph.nodes[0]).toMatchObject({ __typename: 'Person', id: id.lukashenko, name: 'Alexander Lukashenko' });

    // SAID: one edge to each statement the annotation attributes to him, from him.
    const said = edgesOf(graph, 'SAID');
    expect(said.map((e) => e.target).sort()).toEqual(lukashenkoStatements.map((s) => id.statement(s.key)).sort());
    for (const edge of said) {
      expect(edge.source).toBe(id.lukashenko);
      expect(edge.evidence).not.toBeNull();
    }
    expect(graph.nodes.filter((n) => n.__typename === 'Statement')).toHaveLength(lukashenkoStatements.length);
    // One article: every edge with evidence is supported by it alone.
    for (const edge of graph.edges) expect(edge.supportedBy, edge.id).toHaveLength(edge.evidence ? 1 : 0);

    const role = edgesOf(graph, 'HOLDS_ROLE');
    expect(role).toHaveLength(1);
    expect(role[0]).toMatchObject({ source: id.lukashenko, target: id.country('BY'), label: 'President of Belarus' });
    expect(role[0]?.evidence?.text).toBe('President of Belarus');
    expect(graph.nodes).toContainEqual(expect.objectContaining({ id: id.country('BY'), code: 'BY', name: 'Belarus' }));

    const participation = edgesOf(graph, 'PARTICIPATED_IN');
    expect(participation).toEqual([
      expect.objectContaining({ source: id.lukashenko, target: id.session, role: 'SPEAKER' }),
    ]);
    expect(participation[0]?.evidence?.text).toContain('Lukashenko said on Monday at an extraordinary session');

    // The edges among the returned nodes are there too: every statement was made at the session.
    expect(
      edgesOf(graph, 'SAID_AT')
        .map((e) => e.source)
        .sort(),
    ).toEqual(said.map((e) => e.target).sort());
    // Depth 1: nothing two edges away (no countries the statements are about, no article).
    expect(graph.nodes.map((n) => n.id)).not.toContain(id.country('UZ'));
    expect(graph.nodes.filter((n) => n.__typename === 'Article')).toEqual([]);
  });

  it('depth 2 reaches Uzbekistan and Kazakhstan through what he said about them', async () => {
    const graph = await neighborsOf({ id: id.lukashenko, depth: 2 });
    expectConsistent(graph);
    const about = edgesOf(graph, 'ABOUT');
    for (const code of ['UZ', 'KZ']) {
      const expected = lukashenkoStatements.filter((s) => s.about.includes(code)).map((s) => id.statement(s.key));
      expect(expected.length).toBeGreaterThan(0);
      expect(
        about
          .filter((e) => e.target === id.country(code))
          .map((e) => e.source)
          .sort(),
        code,
      ).toEqual(expected.sort());
    }
    expect(graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([id.country('UZ'), id.country('KZ'), articleId]),
    );
    // The start node first, then by distance: depth-1 nodes before depth-2 ones.
    const position = (nodeId: string) => graph.nodes.findIndex((n) => n.id === nodeId);
    expect(position(id.lukashenko)).toBe(0);
    expect(position(id.country('BY'))).toBeLessThan(position(id.country('UZ')));
  });

  it('follows and returns only the requested relation types', async () => {
    const graph = await neighborsOf({ id: id.lukashenko, depth: 3, relationTypes: ['HOLDS_ROLE', 'PARTICIPATED_IN'] });
    expectConsistent(graph);
    expect(new Set(graph.edges.map((e) => e.type))).toEqual(new Set(['HOLDS_ROLE', 'PARTICIPATED_IN']));
    // Belarus and the session, then the council that organized the session; no statements.
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(
      [
        id.lukashenko,
        id.country('BY'),
        id.session,
        encodeGlobalID('Organization', 'csto-collective-security-council'),
      ].sort(),
    );
  });

  it('stops at the node limit and says so', async () => {
    const graph = await neighborsOf({ id: id.country('KZ'), depth: 2, limit: 5 });
    expectConsistent(graph);
    expect(graph.nodes).toHaveLength(5);
    expect(graph.truncated).toBe(true);
  });

  it('caps the edges per node and level, and says so (plain function)', async () => {
    const graph = await neighbors(prisma, { id: id.lukashenko, depth: 1, edgesPerNode: 2 });
    expect(graph.truncated).toBe(true);
    expect(graph.edges.filter((e) => e.type === 'SAID')).toHaveLength(2);
    expect(graph.nodes.filter((n) => n.kind === 'Statement')).toHaveLength(2);
  });

  it('works from every node type', async () => {
    const starts = [
      id.tokayev,
      encodeGlobalID('Organization', 'csto'),
      id.country('KZ'),
      id.session,
      id.statement(lukashenkoStatements[0]?.key as string),
      articleId,
    ];
    for (const start of starts) {
      const graph = await neighborsOf({ id: start });
      expectConsistent(graph);
      expect(graph.nodes[0]?.id).toBe(start);
      expect(graph.edges.length, start).toBeGreaterThan(0);
    }
  });

  it('follows event relations both ways, each with its connecting words as evidence', async () => {
    const protests = id.event('kazakhstan-protests-2022-01-02');
    const riots = id.event('kazakhstan-mass-riots');
    const graph = await neighborsOf({ id: riots });
    expectConsistent(graph);
    // Every relation the annotation states from or to the riots, and no other.
    const stated = annotation.eventRelations.filter(
      (r) => r.from === 'kazakhstan-mass-riots' || r.to === 'kazakhstan-mass-riots',
    );
    expect(stated).toHaveLength(2);
    const relations = graph.edges.filter((e) =>
      ['ESCALATED_INTO', 'LED_TO', 'FOLLOWED_BY', 'RESPONSE_TO'].includes(e.type),
    );
    expect(relations.map((e) => [e.type, e.source, e.target]).sort()).toEqual(
      stated.map((r) => [r.type, id.event(r.from), id.event(r.to)]).sort(),
    );
    for (const r of stated) {
      const edge = relations.find((e) => e.source === id.event(r.from) && e.target === id.event(r.to));
      expect(edge?.evidence, r.type).toMatchObject({ ...r.evidence, article: { id: articleId } });
    }
    const escalation = relations.find((e) => e.type === 'ESCALATED_INTO');
    expect(escalation).toMatchObject({ source: protests, target: riots, evidence: { text: 'escalating into' } });

    // One relation type alone: the riots led to the violence; the escalation into them is left out.
    const ledTo = await neighborsOf({ id: riots, relationTypes: ['LED_TO'] });
    expect(ledTo.edges.map((e) => [e.type, e.source, e.target])).toEqual([
      ['LED_TO', riots, id.event('kazakhstan-violence')],
    ]);
  });

  it('a country nobody mentions is a subgraph of one node', async () => {
    const graph = await neighborsOf({ id: id.country('FR'), depth: 3 });
    expect(graph).toEqual({ truncated: false, nodes: [expect.objectContaining({ id: id.country('FR') })], edges: [] });
  });
});

describe('path', () => {
  it('connects Tokayev to Lukashenko in at most 4 edges, each with its words from the article', async () => {
    const result = await execute<{ path: Path }>(PATH, { from: id.tokayev, to: id.lukashenko });
    expect(result.errors).toBeUndefined();
    const path = result.data?.path as Path;
    expect(path.length).toBeLessThanOrEqual(4);
    // Tokayev → Kazakhstan (President) ← a statement about it ← Lukashenko said it.
    expect(path.length).toBe(3);
    expect(path.nodes).toHaveLength(path.length + 1);
    expect(path.edges).toHaveLength(path.length);
    expect(path.nodes[0]?.id).toBe(id.tokayev);
    expect(path.nodes.at(-1)?.id).toBe(id.lukashenko);
    expect(path.edges.map((e) => e.type)).toEqual(['HOLDS_ROLE', 'ABOUT', 'SAID']);
    path.edges.forEach((edge, i) => {
      // edges[i] joins nodes[i] and nodes[i + 1], in either direction.
      expect([edge.source, edge.target].sort()).toEqual([path.nodes[i]?.id, path.nodes[i + 1]?.id].sort());
      expect(edge.evidence, edge.id).not.toBeNull();
      expect(edge.evidence?.article.id).toBe(articleId);
      expect(articleText.slice(edge.evidence?.start, edge.evidence?.end)).toBe(edge.evidence?.text);
    });
    expect(path.edges[0]?.evidence?.text).toBe('Kazakh President');
    expect(path.truncated).toBe(false);
  });

  it('respects relationTypes: without ABOUT and SAID the connection runs through the CSTO', async () => {
    const result = await execute<{ path: Path }>(PATH, {
      from: id.tokayev,
      to: id.lukashenko,
      maxDepth: 6,
      relationTypes: ['PARTICIPATED_IN', 'PART_OF'],
    });
    expect(result.errors).toBeUndefined();
    const path = result.data?.path as Path;
    expect(path.nodes.map((n) => n.name ?? n.title)).toEqual([
      'Kassym-Jomart Tokayev',
      'Tokayev turns to the CSTO requesting assistance',
      'Collective Security Treaty Organization',
      'CSTO Collective Security Council',
      'Extraordinary session of the CSTO Collective Security Council',
      'Alexander Lukashenko',
    ]);
    expect(new Set(path.edges.map((e) => e.type))).toEqual(new Set(['PARTICIPATED_IN', 'PART_OF']));
    // ...and with maxDepth 4 that 5-edge connection is out of reach.
    const short = await execute<{ path: Path | null }>(PATH, {
      from: id.tokayev,
      to: id.lukashenko,
      maxDepth: 4,
      relationTypes: ['PARTICIPATED_IN', 'PART_OF'],
    });
    expect(short).toEqual({ data: { path: null } });
  });

  it('runs through event relations: from the protests to the deployment of peacekeepers', async () => {
    const result = await protestsToDeployment();
    expect(result.errors).toBeUndefined();
    const path = result.data?.path as Path;
    // The annotation's chain of relations, in the article's order, each edge with its words.
    const chain = annotation.eventRelations;
    expect(path.nodes.map((n) => n.id)).toEqual([
      ...chain.map((r) => id.event(r.from)),
      id.event('peacekeeper-deployment-to-kazakhstan'),
    ]);
    expect(path.edges.map((e) => e.type)).toEqual(['ESCALATED_INTO', 'LED_TO', 'FOLLOWED_BY', 'LED_TO']);
    path.edges.forEach((edge, i) => {
      const relation = chain[i];
      expect(edge).toMatchObject({ source: id.event(relation?.from ?? ''), target: id.event(relation?.to ?? '') });
      expect(edge.evidence).toMatchObject({ ...relation?.evidence, article: { id: articleId } });
      expect(articleText.slice(edge.evidence?.start, edge.evidence?.end)).toBe(edge.evidence?.text);
    });
    expect(path.truncated).toBe(false);
  });

  it('is null for a country nothing connects to', async () => {
    const result = await execute(PATH, { from: id.tokayev, to: id.country('FR'), maxDepth: 6 });
    expect(result).toEqual({ data: { path: null } });
  });

  it('from a node to itself is a path of length 0', async () => {
    const result = await execute<{ path: Path }>(PATH, { from: id.lukashenko, to: id.lukashenko });
    expect(result.data?.path).toMatchObject({ length: 0, nodes: [{ id: id.lukashenko }], edges: [] });
  });

  it('finds the meeting through a capped hub exactly (plain function)', async () => {
    // Kazakhstan's own expansion, capped at one edge per kind, keeps the newest statement about
    // it (the Kazakh authorities'); the meeting check still sees the edge between Kazakhstan
    // and a statement Lukashenko's side has reached.
    const path = await shortestPath(prisma, { from: id.country('KZ'), to: id.lukashenko, edgesPerNode: 1 });
    expect(path?.length).toBe(2);
    expect(path?.edges.map((e) => e.type)).toEqual(['ABOUT', 'SAID']);
    expect(path?.truncated).toBe(true);
  });
});

describe('bad input', () => {
  const errorOf = async (query: string, variables: Record<string, unknown>) => {
    const result = await execute(query, variables);
    expect(result.data?.neighbors ?? result.data?.path ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    return result.errors?.[0] as { message: string; extensions?: { code?: string } };
  };

  it('depth above the cap', async () => {
    const error = await errorOf(NEIGHBORS, { id: id.lukashenko, depth: 50 });
    expect(error.message).toMatch(/depth must be at most 3/);
  });

  it('depth 0, a limit above the cap, maxDepth above the cap, an empty relationTypes list', async () => {
    expect((await errorOf(NEIGHBORS, { id: id.lukashenko, depth: 0 })).message).toMatch(/depth must be at least 1/);
    expect((await errorOf(NEIGHBORS, { id: id.lukashenko, limit: 100_000 })).message).toMatch(
      /limit must be at most 1000/,
    );
    expect((await errorOf(PATH, { from: id.tokayev, to: id.lukashenko, maxDepth: 7 })).message).toMatch(
      /maxDepth must be at most 6/,
    );
    expect((await errorOf(NEIGHBORS, { id: id.lukashenko, relationTypes: [] })).message).toMatch(/relationTypes/);
  });

  it('a malformed ID', async () => {
    const error = await errorOf(NEIGHBORS, { id: 'not an id' });
    expect(error.message).toBe(
      'id: "not an id" is not a valid ID. Use the `id` of a Person, Organization, Country, Event, Statement or Article as the API returns it.',
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the ID of something that is not a graph node', async () => {
    const error = await errorOf(NEIGHBORS, { id: encodeGlobalID('Mention', '1') });
    expect(error.message).toMatch(/is the ID of a Mention; the graph has nodes of type Person, Organization/);
  });

  it('an unknown ID, in either argument of path', async () => {
    const unknown = encodeGlobalID('Person', 'nobody');
    const error = await errorOf(NEIGHBORS, { id: unknown });
    expect(error.message).toBe(`id: no Person has the ID "${unknown}" (key "nobody").`);
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect((await errorOf(PATH, { from: id.tokayev, to: unknown })).message).toMatch(/^to: no Person has the ID/);
    expect((await errorOf(PATH, { from: encodeGlobalID('Country', 'XX'), to: id.tokayev })).message).toMatch(
      /^from: no Country has the ID/,
    );
  });

  it('the plain functions reject what the schema would', async () => {
    await expect(neighbors(prisma, { id: id.lukashenko, depth: 4 })).rejects.toThrow(GraphInputError);
    await expect(shortestPath(prisma, { from: 'x', to: id.lukashenko })).rejects.toThrow(/from: "x" is not a valid ID/);
  });
});

describe('SQL statements per request', () => {
  // The ID lookups (1 for a country; 2 for a person, organization or event: its former keys,
  // then its row), at most one statement per statement group of edge tables per level plus one
  // closure pass, 1 to describe the nodes; over GraphQL also 1 per node type and 1 for the
  // articles of evidence and supportedBy (shared when both select the same of them).
  const perStep = EDGE_STATEMENTS.length;
  const neighborsBound = (depth: number, lookups = 1) => lookups + perStep * (depth + 1) + 1 + 6 + 1;

  it.each([1, 2, 3])(
    'neighbors at depth %i stays within 1 + 7 x (depth + 1) + 8, however many nodes',
    async (depth) => {
      const { result, queries } = await countQueries(() =>
        execute<{ neighbors: Subgraph }>(NEIGHBORS, { id: id.country('KZ'), depth }),
      );
      const graph = result.data?.neighbors as Subgraph;
      expect(queries.length, queries.join('\n')).toBeLessThanOrEqual(neighborsBound(depth));
      // Not one statement per node: far fewer statements than nodes once the graph is wide.
      if (depth >= 2) expect(queries.length).toBeLessThan(graph.nodes.length + graph.edges.length);
      // Each edge table is read at most once per level (and once for the closure).
      const perTable = queries.filter((q) => q.includes('AS edge(type, src_kind'));
      expect(perTable.length).toBeLessThanOrEqual(perStep * (depth + 1));
    },
  );

  it('rich node selections do not add statements per node (nested relations load with their node type)', async () => {
    const rich = `query { neighbors(id: "${id.lukashenko}", depth: 2) {
      nodes { __typename ... on Statement { text speaker { __typename ... on Person { name } } about { code } occasion { title } evidence { text article { title } } }
              ... on Person { name roles { title country { code } } } ... on Event { title participants { role } } }
      edges { id evidence { article { title } } }
    } }`;
    const { result, queries } = await countQueries(() => execute(rich));
    expect(result.errors).toBeUndefined();
    expect(queries.length).toBeLessThanOrEqual(neighborsBound(2, 2));
  });

  it('path stays within 4 + 14 x maxDepth + 8', async () => {
    for (const [to, maxDepth] of [
      [id.lukashenko, 4],
      [id.country('FR'), 6],
    ] as const) {
      const { result, queries } = await countQueries(() => execute(PATH, { from: id.tokayev, to, maxDepth }));
      expect(result.errors).toBeUndefined();
      expect(queries.length).toBeLessThanOrEqual(4 + 2 * perStep * maxDepth + 1 + 6 + 1);
    }
  });

  it('a wide frontier is read with one statement per group, not one per node', async () => {
    const graph = await neighbors(prisma, { id: articleId, depth: 1 });
    expect(graph.nodes.length).toBeGreaterThan(SMALL_FRONTIER);
    const { result, queries } = await countQueries(() => neighbors(prisma, { id: articleId, depth: 2 }));
    expect(queries.length).toBeLessThanOrEqual(1 + perStep * 3 + 1);
    expect(result.nodes.length).toBeGreaterThan(graph.nodes.length);
    expect(result.truncated).toBe(false);
  });

  it('more than SMALL_FRONTIER nodes of a kind: the LATERAL form keeps the edges the per-node constants keep', async () => {
    // Every country, and every event plus ids no event has (the values the (id + 0) order is for).
    const countries = (await prisma.country.findMany({ select: { code: true } })).map((c) => c.code);
    const events = (await prisma.event.findMany({ select: { id: true } })).map((e) => e.id);
    const missing = Array.from({ length: SMALL_FRONTIER }, (_, i) => Math.max(...events) + 1 + i);
    const wide = { ...emptyNodeSet(), Country: countries, Event: [...events, ...missing] };
    const chunks = (ids: readonly (number | string)[]) =>
      Array.from({ length: Math.ceil(ids.length / SMALL_FRONTIER) }, (_, i) =>
        ids.slice(i * SMALL_FRONTIER, (i + 1) * SMALL_FRONTIER),
      );
    const narrow = [
      ...chunks(countries).map((Country) => ({ ...emptyNodeSet(), Country: Country as string[] })),
      ...chunks(wide.Event).map((Event) => ({ ...emptyNodeSet(), Event: Event as number[] })),
    ];
    const edgesOf = (results: StepResult[]) =>
      results.flatMap((r) => r.edges.map((e) => `${e.key} from ${e.anchor}: ${e.supportedBy.length}`)).sort();
    const types = new Set(RELATION_TYPES);
    // cap 1 keeps one edge per node and branch: both forms must keep the same, newest one.
    for (const cap of [1, GRAPH_LIMITS.edgesPerNode]) {
      const mode = { kind: 'expand', cap } as const;
      const { result, queries } = await countQueries(() => fetchEdges(prisma, wide, types, mode));
      expect(queries.length).toBe(result.statements);
      expect(result.statements).toBeLessThanOrEqual(perStep);
      expect(queries.filter((q) => q.includes('unnest(')).length).toBeGreaterThan(0);
      const perNode = await Promise.all(narrow.map((set) => fetchEdges(prisma, set, types, mode)));
      expect(edgesOf([result]), `cap ${cap}`).toEqual(edgesOf(perNode));
      expect(result.edges.length).toBeGreaterThan(0);
      expect(result.truncated).toBe(perNode.some((r) => r.truncated));
    }
  });

  it('evidence and supportedBy load their articles with one statement when they select the same', async () => {
    const count = async (edgeFields: string) => {
      const query = `query { neighbors(id: "${id.lukashenko}") { edges { ${edgeFields} } } }`;
      const { result, queries } = await countQueries(() => execute(query));
      expect(result.errors, edgeFields).toBeUndefined();
      return queries.length;
    };
    const evidenceOnly = await count('evidence { article { title } }');
    expect(await count('evidence { article { title } } supportedBy { article { title } }')).toBe(evidenceOnly);
    expect(await count('evidence { article { title } } supportedBy { article { publishedOn } }')).toBe(
      evidenceOnly + 1,
    );
    // Spans alone need no article row.
    expect(await count('evidence { start } supportedBy { text }')).toBe(evidenceOnly - 1);
  });

  it('limits are what the schema says', () => {
    expect(GRAPH_LIMITS).toMatchObject({ maxDepth: 3, maxPathDepth: 6, maxNodes: 1000 });
  });
});

describe('an event reported by two articles', () => {
  // A synthetic article (fictional agency and speakers) that restates the seed's events in other
  // words; ingestion resolves its events, Tokayev and the CSTO to the seed's nodes.
  const fixtureDir = new URL(
    './fixtures/articles/synthetic-2022-01-11-caspian-wire-kazakhstan-freight-outlook/',
    import.meta.url,
  );
  const fixtureText = readFileSync(new URL('article.txt', fixtureDir), 'utf8');
  const fixture = JSON.parse(readFileSync(new URL('annotations.json', fixtureDir), 'utf8')) as AnnotationFile;
  const fixtureId = encodeGlobalID('Article', fixture.article.key);
  const bothArticles = new Map([...seedOnly, [fixtureId, fixtureText]]);
  const fixtureEvent = (key: string) => fixture.events.find((e) => e.key === key)?.evidence;
  const expectations = JSON.parse(
    readFileSync(new URL('./fixtures/resolution-expectations.json', import.meta.url), 'utf8'),
  ) as { entities: { article: string; kind: string; key: string; sameAs: string | null }[] };

  beforeAll(async () => {
    const input = await readIngestInput(fileURLToPath(new URL('annotations.json', fixtureDir)));
    expect((await ingestArticle(prisma, input, { actor: 'test' })).status).toBe('CREATED');
  });

  it('has one REPORTED_IN edge per article, each with that article’s report of the event', async () => {
    const graph = await neighborsOf({ id: id.event('tokayev-request-to-csto'), relationTypes: ['REPORTED_IN'] });
    expectConsistent(graph, bothArticles);
    const reported = edgesOf(graph, 'REPORTED_IN');
    expect(reported.map((e) => e.target).sort()).toEqual([articleId, fixtureId].sort());
    const seedReport = reported.find((e) => e.target === articleId);
    const fixtureReport = reported.find((e) => e.target === fixtureId);
    expect(seedReport?.evidence).toMatchObject({ ...seedEvent('tokayev-request-to-csto'), article: { id: articleId } });
    expect(fixtureReport?.evidence).toMatchObject({
      ...fixtureEvent('recap-request-to-csto'),
      article: { id: fixtureId },
    });
  });

  it('from the second article: the seed’s events, each with this article’s report', async () => {
    const graph = await neighborsOf({ id: fixtureId, relationTypes: ['REPORTED_IN'] });
    expectConsistent(graph, bothArticles);
    // Each of its events resolved to a seed event (test/fixtures/resolution-expectations.json).
    const resolved = expectations.entities
      .filter((e) => e.article === fixture.article.key && e.kind === 'event')
      .map((e) => ({ local: e.key, node: id.event(String(e.sameAs).split('#')[1] ?? '') }));
    expect(resolved).toHaveLength(fixture.events.length);
    const reported = edgesOf(graph, 'REPORTED_IN').filter((e) => e.target === fixtureId);
    for (const { local, node } of resolved) {
      const edge = reported.find((e) => e.source === node);
      expect(edge?.evidence, local).toMatchObject({ ...fixtureEvent(local), article: { id: fixtureId } });
    }
  });

  it('a role and a participation stated by both articles: one edge each, supported by both, the seed’s evidence first', async () => {
    const graph = await neighborsOf({ id: id.tokayev, relationTypes: ['HOLDS_ROLE', 'PARTICIPATED_IN'] });
    expectConsistent(graph, bothArticles);
    const seedRole = annotation.persons.find((p) => p.key === 'kassym-jomart-tokayev')?.roles[0];
    const fixtureRole = fixture.persons.find((p) => p.key === 'recap-tokayev')?.roles[0];
    expect(seedRole?.title).toBe(fixtureRole?.title);
    const roles = edgesOf(graph, 'HOLDS_ROLE');
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatchObject({ target: id.country('KZ'), label: seedRole?.title });
    expect(roles[0]?.supportedBy).toEqual([
      { ...seedRole?.evidence, article: expect.objectContaining({ id: articleId }) },
      { ...fixtureRole?.evidence, article: expect.objectContaining({ id: fixtureId }) },
    ]);

    // The participation's evidence is each article's own report of the event.
    const requests = edgesOf(graph, 'PARTICIPATED_IN').filter((e) => e.target === id.event('tokayev-request-to-csto'));
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ source: id.tokayev, role: 'REQUESTER' });
    expect(requests[0]?.supportedBy).toEqual([
      { ...seedEvent('tokayev-request-to-csto'), article: expect.objectContaining({ id: articleId }) },
      { ...fixtureEvent('recap-request-to-csto'), article: expect.objectContaining({ id: fixtureId }) },
    ]);
    expect(requests[0]?.evidence).toEqual(requests[0]?.supportedBy[0]);
  });

  it('the same event relations, stated by both: one edge each with both articles’ words, in neighbors and in a path', async () => {
    const result = await protestsToDeployment();
    expect(result.errors).toBeUndefined();
    const path = result.data?.path as Path;
    expect(path.length).toBe(4);
    path.edges.forEach((edge, i) => {
      expect(edge.supportedBy, edge.id).toEqual([
        { ...annotation.eventRelations[i]?.evidence, article: expect.objectContaining({ id: articleId }) },
        { ...fixture.eventRelations[i]?.evidence, article: expect.objectContaining({ id: fixtureId }) },
      ]);
    });
    expect(path.edges[0]?.supportedBy.map((e) => e.text)).toEqual(['escalating into', 'escalated into']);

    const graph = await neighborsOf({ id: id.event('kazakhstan-mass-riots'), relationTypes: ['ESCALATED_INTO'] });
    expectConsistent(graph, bothArticles);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]?.supportedBy.map((e) => [e.article.id, e.text])).toEqual([
      [articleId, 'escalating into'],
      [fixtureId, 'escalated into'],
    ]);
  });

  it('REPORTED_IN edges stay one per article, each supported by its own report only', async () => {
    const graph = await neighborsOf({ id: id.event('kazakhstan-protests-2022-01-02'), relationTypes: ['REPORTED_IN'] });
    expectConsistent(graph, bothArticles);
    const reported = edgesOf(graph, 'REPORTED_IN');
    expect(reported).toHaveLength(2);
    for (const edge of reported) expect(edge.supportedBy.map((e) => e.article.id)).toEqual([edge.target]);
  });
});
