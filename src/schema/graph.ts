/**
 * The graph view: `neighbors` (the subgraph around a node) and `path` (the shortest connection
 * between two nodes), with typed, evidenced edges. The traversal is in src/graph/; this file
 * maps it to GraphQL and loads the nodes with exactly what the query selects (one statement per
 * node type, planned by plugin-prisma's queryFromInfo).
 */
import { queryFromInfo } from '@pothos/plugin-prisma';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import type { Article as ArticleRow } from '../generated/prisma/client.js';
import {
  type EdgeEvidence,
  GRAPH_LIMITS,
  type GraphEdge as GraphEdgeData,
  GraphInputError,
  type GraphNodeRef,
  type GraphPath,
  neighbors,
  RELATION_DESCRIPTIONS,
  RELATION_TYPES,
  type RelationType as RelationTypeValue,
  type Subgraph as SubgraphData,
  shortestPath,
} from '../graph/index.js';
import { Article } from './article.js';
import { Country } from './country.js';
import { ParticipantRole } from './enums.js';
import { Event } from './event.js';
import { Evidence, type EvidenceShape } from './evidence.js';
import { Organization } from './organization.js';
import { Person } from './person.js';
import { Statement } from './statement.js';

export const RelationType = builder.enumType('RelationType', {
  description: 'The type of a graph edge. Edges are directed (source → target); traversals follow them both ways.',
  values: Object.fromEntries(
    RELATION_TYPES.map((type) => [type, { value: type, description: RELATION_DESCRIPTIONS[type] }]),
  ) as Record<RelationTypeValue, { value: RelationTypeValue; description: string }>,
});

export const GraphNode = builder.unionType('GraphNode', {
  description:
    'A node of the graph: any entity with a global ID. Select `__typename` and `... on Node { id }` for a graph ' +
    'viewer, and fragments on the types for their fields.',
  types: [Person, Organization, Country, Event, Statement, Article],
});

interface GraphEdgeShape extends Omit<GraphEdgeData, 'evidence' | 'supportedBy'> {
  evidence: EvidenceShape | null;
  supportedBy: EvidenceShape[];
}

export const GraphEdge = builder.objectRef<GraphEdgeShape>('GraphEdge').implement({
  description:
    'A typed, directed edge between two nodes, with the words of an article it rests on where the data has them.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'Stable for the same data: type, source and target (and role or title where edges may differ).',
    }),
    type: t.field({ type: RelationType, resolve: (edge) => edge.type }),
    source: t.exposeID('source', { description: 'Global ID of the source node.' }),
    target: t.exposeID('target', { description: 'Global ID of the target node.' }),
    label: t.exposeString('label', {
      nullable: true,
      description: 'HOLDS_ROLE: the role title, e.g. "President of Belarus".',
    }),
    role: t.field({
      type: ParticipantRole,
      nullable: true,
      description: 'PARTICIPATED_IN: how the actor took part.',
      resolve: (edge) => edge.role,
    }),
    evidence: t.field({
      type: Evidence,
      nullable: true,
      description:
        'The span the edge was read from (see RelationType), the first of `supportedBy`; null for BELONGS_TO, PUBLISHED and PART_OF between organizations.',
      resolve: (edge) => edge.evidence,
    }),
    supportedBy: t.field({
      type: [Evidence],
      description:
        'The evidence of every article that states the edge, in order of ingestion: the same role, participation, report or event relation stated by two articles is one edge with two entries. As far as the traversal read them: when `truncated` is true an edge may have more. Empty where `evidence` is null.',
      resolve: (edge) => edge.supportedBy,
    }),
  }),
});

export const Subgraph = builder.objectRef<SubgraphData>('Subgraph').implement({
  description: 'The nodes around a start node and the edges among them.',
  fields: (t) => ({
    nodes: t.field({
      type: [GraphNode],
      description: 'The start node first, then the others by distance.',
      resolve: (subgraph, _args, context, info) => loadNodes(subgraph.nodes, context, info),
    }),
    edges: t.field({
      type: [GraphEdge],
      description: 'Every edge of the requested types between two of the nodes that the traversal read.',
      resolve: (subgraph, _args, context, info) => loadEdges(subgraph.edges, context, info),
    }),
    truncated: t.exposeBoolean('truncated', {
      description: `True when something was left out: the node limit was reached, or a node had more than ${GRAPH_LIMITS.edgesPerNode} edges of one kind at one level (see neighbors for which are kept).`,
    }),
  }),
});

export const Path = builder.objectRef<GraphPath>('Path').implement({
  description:
    'A shortest connection between two nodes: nodes[i] and nodes[i + 1] are joined by edges[i], in either direction.',
  fields: (t) => ({
    length: t.exposeInt('length', { description: 'The number of edges.' }),
    nodes: t.field({
      type: [GraphNode],
      description: 'From `from` to `to`, in order.',
      resolve: (path, _args, context, info) => loadNodes(path.nodes, context, info),
    }),
    edges: t.field({
      type: [GraphEdge],
      description: 'In path order; each keeps its own direction (compare source and target with the nodes).',
      resolve: (path, _args, context, info) => loadEdges(path.edges, context, info),
    }),
    truncated: t.exposeBoolean('truncated', {
      description:
        'True when the search left out edges of a crowded node while it looked: a path of equal or shorter length may exist through them.',
    }),
  }),
});

const relationTypesArg = z
  .array(z.string())
  .min(1, 'relationTypes must name at least one relation type; leave it out for all of them')
  .nullish();

builder.queryFields((t) => ({
  neighbors: t.field({
    type: Subgraph,
    description:
      `The subgraph within \`depth\` edges (1 to ${GRAPH_LIMITS.maxDepth}, either direction) of any node: a Person, Organization, ` +
      `Country, Event, Statement or Article. At most \`limit\` nodes (1 to ${GRAPH_LIMITS.maxNodes}) and at most ` +
      `${GRAPH_LIMITS.edgesPerNode} edges of one kind per node and level, the newest kept (statements by date said, events by ` +
      'start date, an event’s reports by article, roles, participations and event relations by recording; an article’s ' +
      'statements and events, and sub-events, in order of ' +
      'recording); `truncated` tells when either cut.',
    args: {
      id: t.arg.id({ required: true, description: 'The global ID of the start node.' }),
      depth: t.arg.int({
        required: true,
        defaultValue: 1,
        description: `How many edges away from the start node, 1 to ${GRAPH_LIMITS.maxDepth}.`,
        validate: z
          .number()
          .int()
          .min(1, 'depth must be at least 1')
          .max(GRAPH_LIMITS.maxDepth, `depth must be at most ${GRAPH_LIMITS.maxDepth}`),
      }),
      relationTypes: t.arg({
        type: [RelationType],
        required: false,
        description: 'Follow and return only these edge types (default: all).',
        validate: relationTypesArg,
      }),
      limit: t.arg.int({
        required: true,
        defaultValue: GRAPH_LIMITS.defaultNodes,
        description: 'Largest number of nodes returned, the start node included.',
        validate: z
          .number()
          .int()
          .min(1, 'limit must be at least 1')
          .max(GRAPH_LIMITS.maxNodes, `limit must be at most ${GRAPH_LIMITS.maxNodes}`),
      }),
    },
    resolve: (_root, args) =>
      asGraphQLErrors(() =>
        neighbors(prisma, {
          id: String(args.id),
          depth: args.depth,
          relationTypes: args.relationTypes,
          limit: args.limit,
        }),
      ),
  }),
  path: t.field({
    type: Path,
    nullable: true,
    description:
      'The shortest connection between two nodes, following edges in either direction, with each edge and its evidence ' +
      `(e.g. how Tokayev is connected to Lukashenko); null when there is none within \`maxDepth\` edges (1 to ${GRAPH_LIMITS.maxPathDepth}).`,
    args: {
      from: t.arg.id({ required: true, description: 'The global ID of the node the path starts at.' }),
      to: t.arg.id({ required: true, description: 'The global ID of the node the path ends at.' }),
      maxDepth: t.arg.int({
        required: true,
        defaultValue: GRAPH_LIMITS.defaultPathDepth,
        description: `The longest path looked for, in edges, 1 to ${GRAPH_LIMITS.maxPathDepth}.`,
        validate: z
          .number()
          .int()
          .min(1, 'maxDepth must be at least 1')
          .max(GRAPH_LIMITS.maxPathDepth, `maxDepth must be at most ${GRAPH_LIMITS.maxPathDepth}`),
      }),
      relationTypes: t.arg({
        type: [RelationType],
        required: false,
        description: 'Follow only these edge types (default: all).',
        validate: relationTypesArg,
      }),
    },
    resolve: (_root, args) =>
      asGraphQLErrors(() =>
        shortestPath(prisma, {
          from: String(args.from),
          to: String(args.to),
          maxDepth: args.maxDepth,
          relationTypes: args.relationTypes,
        }),
      ),
  }),
}));

/** A client's mistake reaches the client as it is; anything else stays an internal (masked) error. */
async function asGraphQLErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GraphInputError) throw new GraphQLError(error.message, { extensions: { code: error.code } });
    throw error;
  }
}

/**
 * The rows of the nodes, each loaded with what the query selects under `... on <Type>` (and
 * `... on Node`): one statement per node type present, then in the traversal's order.
 */
type GraphNodeShape = (typeof GraphNode)['$inferType'];

async function loadNodes(refs: GraphNodeRef[], context: object, info: GraphQLResolveInfo): Promise<GraphNodeShape[]> {
  const ids = (kind: GraphNodeRef['kind']) => refs.filter((r) => r.kind === kind).map((r) => r.dbId);
  const numbers = (kind: GraphNodeRef['kind']) => ids(kind) as number[];
  const loaded = new Map<string, GraphNodeShape>();
  const put = (kind: string, rows: { id?: number; code?: string }[], brand: (row: never) => GraphNodeShape) => {
    for (const row of rows) loaded.set(`${kind}:${row.id ?? row.code}`, brand(row as never));
  };
  const query = (typeName: string) => queryFromInfo({ context, info, typeName });
  const kinds = new Set(refs.map((r) => r.kind));
  await Promise.all(
    [...kinds].map(async (kind) => {
      switch (kind) {
        case 'Person':
          return put(
            kind,
            await prisma.person.findMany({ ...query(kind), where: { id: { in: numbers(kind) } } }),
            (r) => Person.addBrand(r),
          );
        case 'Organization':
          return put(
            kind,
            await prisma.organization.findMany({ ...query(kind), where: { id: { in: numbers(kind) } } }),
            (r) => Organization.addBrand(r),
          );
        case 'Country':
          return put(
            kind,
            await prisma.country.findMany({ ...query(kind), where: { code: { in: ids(kind) as string[] } } }),
            (r) => Country.addBrand(r),
          );
        case 'Event':
          return put(kind, await prisma.event.findMany({ ...query(kind), where: { id: { in: numbers(kind) } } }), (r) =>
            Event.addBrand(r),
          );
        case 'Statement':
          return put(
            kind,
            await prisma.statement.findMany({ ...query(kind), where: { id: { in: numbers(kind) } } }),
            (r) => Statement.addBrand(r),
          );
        case 'Article':
          return put(
            kind,
            (await prisma.article.findMany({ ...query(kind), where: { id: { in: numbers(kind) } } })) as {
              id: number;
            }[],
            (r) => Article.addBrand(r),
          );
      }
    }),
  );
  return refs.flatMap((ref) => loaded.get(`${ref.kind}:${ref.dbId}`) ?? []);
}

type ArticleQuery = { select?: object; include?: object };

/**
 * The edges, with the articles of their evidence loaded as the query selects them under
 * `evidence.article` and `supportedBy.article`: one statement for both when they select the
 * same (as a client usually does), one each otherwise, none when nothing is selected.
 */
async function loadEdges(edges: GraphEdgeData[], context: object, info: GraphQLResolveInfo): Promise<GraphEdgeShape[]> {
  const articleQuery = (field: 'evidence' | 'supportedBy') =>
    queryFromInfo({ context, info, path: [field, 'article'] }) as ArticleQuery;
  const ids = [...new Set(edges.flatMap((e) => e.supportedBy.map((evidence) => evidence.articleId)))];
  const evidenceQuery = articleQuery('evidence');
  const supportQuery = articleQuery('supportedBy');
  const evidenceArticles = loadArticles(evidenceQuery, ids);
  const sameQuery = JSON.stringify(supportQuery) === JSON.stringify(evidenceQuery);
  const [forEvidence, forSupport] = await Promise.all([
    evidenceArticles,
    sameQuery ? evidenceArticles : loadArticles(supportQuery, ids),
  ]);
  const shape = (articles: Map<number, ArticleRow>) => (evidence: EdgeEvidence) => ({
    // Without a selection under article nothing reads the row beyond its id.
    article: articles.get(evidence.articleId) ?? ({ id: evidence.articleId } as ArticleRow),
    start: evidence.start,
    end: evidence.end,
    text: evidence.text,
  });
  return edges.map((edge) => ({
    ...edge,
    evidence: edge.evidence && shape(forEvidence)(edge.evidence),
    supportedBy: edge.supportedBy.map(shape(forSupport)),
  }));
}

async function loadArticles(query: ArticleQuery, ids: number[]): Promise<Map<number, ArticleRow>> {
  const articles = new Map<number, ArticleRow>();
  if ((query.select || query.include) && ids.length > 0) {
    const rows = (await prisma.article.findMany({ ...query, where: { id: { in: ids } } })) as ArticleRow[];
    for (const row of rows) articles.set(row.id, row);
  }
  return articles;
}
