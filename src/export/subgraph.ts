/**
 * The subgraph around a node (the GraphQL `neighbors` query, executed in-process with the
 * same validation) as Cytoscape.js elements JSON, NDJSON (nodes, then edges) or CSV (edges).
 */
import { stringify } from 'csv-stringify/sync';
import { ExportInputError, executeOperation } from './graphql.js';

const NEIGHBORS_QUERY = /* GraphQL */ `
  query ExportSubgraph($id: ID!, $depth: Int!, $relationTypes: [RelationType!], $limit: Int!) {
    neighbors(id: $id, depth: $depth, relationTypes: $relationTypes, limit: $limit) {
      truncated
      nodes {
        __typename
        ... on Node { id }
        ... on Person { name }
        ... on Organization { name acronym orgKind: kind }
        ... on Country { code name }
        ... on Event { title eventKind: kind startDate }
        ... on Statement { text statementKind: kind saidOn }
        ... on Article { title publishedOn }
      }
      edges {
        id
        type
        source
        target
        label
        role
        evidence { start end text article { id } }
        supportedBy { article { id } }
      }
    }
  }
`;

interface NodeData {
  __typename: string;
  id: string;
  name?: string;
  acronym?: string | null;
  orgKind?: string;
  code?: string;
  title?: string;
  eventKind?: string;
  startDate?: string | null;
  text?: string;
  statementKind?: string;
  saidOn?: string | null;
  publishedOn?: string;
}

interface EdgeData {
  id: string;
  type: string;
  source: string;
  target: string;
  label: string | null;
  role: string | null;
  evidence: { start: number; end: number; text: string; article: { id: string } } | null;
  supportedBy: { article: { id: string } }[];
}

export interface SubgraphExport {
  truncated: boolean;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

export interface ExportNode {
  id: string;
  type: string;
  /** A short display label (statements: their first words). */
  label: string;
  /** True for the node the subgraph was taken around. */
  root: boolean;
  /** The remaining fields the API gave for the node (name, code, title, text, entityKind, dates). */
  [field: string]: unknown;
}

export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  label: string;
  role: string | null;
  evidenceArticle: string | null;
  evidenceStart: number | null;
  evidenceEnd: number | null;
  evidenceText: string | null;
  /** How many articles state the edge (0 where the data stores no evidence for it). */
  supportCount: number;
}

export interface SubgraphParams {
  id: string;
  depth: number;
  limit: number;
  relationTypes: string[] | null;
}

/** id (required), depth, limit and relationTypes (comma-separated or repeated) from the query string. */
export function parseSubgraphParams(url: URL): SubgraphParams {
  const id = url.searchParams.get('id');
  if (!id)
    throw new ExportInputError(
      'id is required: the global ID of a Person, Organization, Country, Event, Statement or Article',
    );
  // Ranges are the API's to check (same messages as the neighbors query); only the syntax is checked here.
  const depth = integerParam(url, 'depth', 1);
  const limit = integerParam(url, 'limit', 200);
  const types = url.searchParams
    .getAll('relationTypes')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  return { id, depth, limit, relationTypes: types.length > 0 ? types : null };
}

function integerParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d{1,9}$/.test(raw)) throw new ExportInputError(`${name} must be an integer (got "${raw.slice(0, 40)}")`);
  return Number(raw);
}

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function exportSubgraph(params: SubgraphParams): Promise<SubgraphExport> {
  const data = await executeOperation<{ neighbors: { truncated: boolean; nodes: NodeData[]; edges: EdgeData[] } }>(
    NEIGHBORS_QUERY,
    {
      ...params,
    },
  );
  const { truncated, nodes, edges } = data.neighbors;
  return {
    truncated,
    nodes: nodes.map((node, index) => {
      const { __typename, id, orgKind, eventKind, statementKind, ...fields } = node;
      const kind = orgKind ?? eventKind ?? statementKind;
      const label = node.name ?? node.title ?? (node.text !== undefined ? shorten(node.text) : id);
      return {
        id,
        type: __typename,
        label,
        root: index === 0,
        ...(kind !== undefined && { entityKind: kind }),
        ...fields,
      };
    }),
    edges: edges.map((edge) => ({
      id: edge.id,
      type: edge.type,
      source: edge.source,
      target: edge.target,
      label: edge.label ?? (edge.role ? `${edge.type} (${edge.role})` : edge.type),
      role: edge.role,
      evidenceArticle: edge.evidence?.article.id ?? null,
      evidenceStart: edge.evidence?.start ?? null,
      evidenceEnd: edge.evidence?.end ?? null,
      evidenceText: edge.evidence?.text ?? null,
      supportCount: new Set(edge.supportedBy.map((evidence) => evidence.article.id)).size,
    })),
  };
}

/** Cytoscape.js elements JSON (`cy.json(...)` / `cytoscape({ elements })`), with the query in `data`. */
export function toCytoscape(subgraph: SubgraphExport, params: SubgraphParams) {
  return {
    data: { root: params.id, depth: params.depth, relationTypes: params.relationTypes, truncated: subgraph.truncated },
    elements: {
      nodes: subgraph.nodes.map((node) => ({ data: node })),
      edges: subgraph.edges.map((edge) => ({ data: edge })),
    },
  };
}

/** One JSON object per line: every node (`kind: "node"`), then every edge (`kind: "edge"`). */
export function toNdjson(subgraph: SubgraphExport): string {
  return [
    ...subgraph.nodes.map((node) => JSON.stringify({ kind: 'node', ...node })),
    ...subgraph.edges.map((edge) => JSON.stringify({ kind: 'edge', ...edge })),
  ]
    .map((line) => `${line}\n`)
    .join('');
}

export const SUBGRAPH_CSV_COLUMNS = [
  'id',
  'type',
  'source',
  'sourceType',
  'sourceLabel',
  'target',
  'targetType',
  'targetLabel',
  'label',
  'role',
  'evidenceArticle',
  'evidenceStart',
  'evidenceEnd',
  'evidenceText',
  'supportCount',
] as const;

/** The edge list, one row per edge, with the type and label of both ends. */
export function toEdgeCsv(subgraph: SubgraphExport): string {
  const nodes = new Map(subgraph.nodes.map((node) => [node.id, node]));
  return stringify(
    subgraph.edges.map((edge) => ({
      ...edge,
      sourceType: nodes.get(edge.source)?.type,
      sourceLabel: nodes.get(edge.source)?.label,
      targetType: nodes.get(edge.target)?.type,
      targetLabel: nodes.get(edge.target)?.label,
    })),
    { header: true, columns: SUBGRAPH_CSV_COLUMNS.map((key) => ({ key })) },
  );
}
