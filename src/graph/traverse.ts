/**
 * Graph traversal over the relational data, as plain functions over a Prisma client:
 * `neighbors` (breadth-first, depth-capped, node-limited) and `shortestPath` (bidirectional
 * breadth-first search over edges taken in either direction).
 *
 * Cost: each BFS level sends at most one SQL statement per statement group of edge tables
 * (EDGE_STATEMENTS, 7), whatever the number of nodes at that level (see edges.ts); the ID
 * lookups (two for a person, organization or event: its former keys, then its row) and the
 * node descriptions add a constant.
 *   neighbors:    2 + 7 x (depth + 1) + 1   statements at most (31 for depth 3)
 *   shortestPath: 4 + 14 x maxDepth + 1     statements at most (89 for maxDepth 6)
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import { fetchEdges, type RawEdge, type StepResult, toNodeSet } from './edges.js';
import { describeNodes, type NodeId, nodeId, resolveEntity } from './nodes.js';
import { addSupport } from './support.js';
import {
  type GraphEdge,
  GraphInputError,
  type GraphNodeRef,
  type GraphPath,
  RELATION_TYPES,
  type RelationType,
  type Subgraph,
} from './types.js';

export const GRAPH_LIMITS = {
  /** neighbors: largest depth. */
  maxDepth: 3,
  /** neighbors: default and largest node limit. */
  defaultNodes: 200,
  maxNodes: 1000,
  /** Per frontier node and edge branch (e.g. "statements about KZ"), per BFS level. */
  edgesPerNode: 50,
  /** path: default and largest maxDepth. */
  defaultPathDepth: 4,
  maxPathDepth: 6,
  /** path: per-node cap while expanding (the meeting check is exact, see shortestPath). */
  pathEdgesPerNode: 25,
  /** path: nodes each side of the search may visit before it gives up. */
  maxPathVisited: 5000,
} as const;

export interface NeighborsOptions {
  /** Relay global ID of a Person, Organization, Country, Event, Statement or Article. */
  id: string;
  depth?: number;
  relationTypes?: readonly RelationType[] | null;
  /** Largest number of nodes returned, the start node included. */
  limit?: number;
  /** Per node and edge branch per level (default GRAPH_LIMITS.edgesPerNode). */
  edgesPerNode?: number;
}

export interface PathOptions {
  from: string;
  to: string;
  maxDepth?: number;
  relationTypes?: readonly RelationType[] | null;
  /** Per node and edge branch while expanding (default GRAPH_LIMITS.pathEdgesPerNode). */
  edgesPerNode?: number;
}

function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new GraphInputError(`${name} must be an integer between ${min} and ${max} (got ${value}).`);
  }
  return value;
}

function typeSet(relationTypes: readonly RelationType[] | null | undefined): Set<RelationType> {
  if (relationTypes == null) return new Set(RELATION_TYPES);
  for (const type of relationTypes) {
    if (!(RELATION_TYPES as readonly string[]).includes(type)) {
      throw new GraphInputError(`relationTypes: unknown relation type "${type}"; known: ${RELATION_TYPES.join(', ')}.`);
    }
  }
  if (relationTypes.length === 0)
    throw new GraphInputError('relationTypes: give at least one relation type, or leave it out for all.');
  return new Set(relationTypes);
}

/** The node of an edge that is not `from` (an edge read for its anchor: the other end). */
const otherEnd = (edge: RawEdge, from: NodeId): NodeId => (edge.source === from ? edge.target : edge.source);

/** The subgraph within `depth` edges of a node (edges in either direction). */
export async function neighbors(prisma: PrismaClient, options: NeighborsOptions): Promise<Subgraph> {
  const depth = checkInt('depth', options.depth ?? 1, 1, GRAPH_LIMITS.maxDepth);
  const limit = checkInt('limit', options.limit ?? GRAPH_LIMITS.defaultNodes, 1, GRAPH_LIMITS.maxNodes);
  const types = typeSet(options.relationTypes);
  // A node with more edges of one branch than the limit could return cannot use more of them.
  const cap = Math.min(options.edgesPerNode ?? GRAPH_LIMITS.edgesPerNode, limit);

  const root = await resolveEntity(prisma, options.id);
  const rootId = nodeId(root.kind, root.dbId);
  const distance = new Map<NodeId, number>([[rootId, 0]]);
  const edges = new Map<string, RawEdge>();
  let truncated = false;
  let frontier: NodeId[] = [rootId];

  // The same edge read again (from its other end, at another level) may bring other articles' evidence.
  const record = (result: StepResult) => {
    truncated ||= result.truncated;
    for (const edge of result.edges) {
      const known = edges.get(edge.key);
      if (!known) edges.set(edge.key, { ...edge, supportedBy: [...edge.supportedBy] });
      else for (const evidence of edge.supportedBy) addSupport(known.supportedBy, evidence);
    }
  };

  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    if (distance.size >= limit) break;
    const result = await fetchEdges(prisma, toNodeSet(frontier), types, { kind: 'expand', cap });
    record(result);
    const next: NodeId[] = [];
    for (const edge of result.edges) {
      const other = otherEnd(edge, edge.anchor);
      if (distance.has(other)) continue;
      if (distance.size >= limit) {
        truncated = true;
        continue;
      }
      distance.set(other, level);
      next.push(other);
    }
    frontier = next;
  }
  // The nodes found last (or all of the last level reached when the limit stopped the search)
  // were not expanded: add the edges between them and the nodes already found.
  if (frontier.length > 0) {
    record(
      await fetchEdges(prisma, toNodeSet(frontier), types, { kind: 'closure', known: toNodeSet(distance.keys()) }),
    );
  }

  const described = await describeNodes(prisma, distance.keys());
  const nodes: GraphNodeRef[] = [];
  for (const [id, d] of distance) {
    const node = described.get(id);
    if (node) nodes.push({ ...node, distance: d });
  }
  const kept = [...edges.values()].filter((e) => described.has(e.source) && described.has(e.target));
  return { root: { ...root, distance: 0 }, depth, nodes, edges: kept.map((e) => publicEdge(e, described)), truncated };
}

interface SearchSide {
  distance: Map<NodeId, number>;
  /** How each visited node was reached: the node before it (towards this side's start) and the edge. */
  parent: Map<NodeId, { node: NodeId; edge: RawEdge }>;
  frontier: NodeId[];
  depth: number;
}

/**
 * The shortest path between two nodes, edges taken in either direction, or null when there is
 * none within maxDepth edges.
 *
 * Bidirectional BFS: the side with the smaller frontier takes the next step. A step first looks
 * for edges between its frontier and every node the other side has visited (one closure
 * statement per edge table, exact: no cap applies, so a path through a hub such as a country
 * with a million statements is found when the other side has reached its neighbour); the
 * first meeting gives the shortest path. Only when they do not meet does the side expand its
 * frontier, at most GRAPH_LIMITS.pathEdgesPerNode edges per node and branch (`truncated` then
 * says the search may have missed a shorter path) and at most maxPathVisited nodes per side.
 */
export async function shortestPath(prisma: PrismaClient, options: PathOptions): Promise<GraphPath | null> {
  const maxDepth = checkInt(
    'maxDepth',
    options.maxDepth ?? GRAPH_LIMITS.defaultPathDepth,
    1,
    GRAPH_LIMITS.maxPathDepth,
  );
  const types = typeSet(options.relationTypes);
  const cap = options.edgesPerNode ?? GRAPH_LIMITS.pathEdgesPerNode;
  // Both lookups end before the request answers, even when one fails: none outlives it.
  const [from, to] = (
    await Promise.allSettled([resolveEntity(prisma, options.from, 'from'), resolveEntity(prisma, options.to, 'to')])
  ).map((lookup) => {
    if (lookup.status === 'rejected') throw lookup.reason;
    return lookup.value;
  }) as [GraphNodeRef, GraphNodeRef];
  const fromId = nodeId(from.kind, from.dbId);
  const toId = nodeId(to.kind, to.dbId);
  if (fromId === toId) return { length: 0, nodes: [{ ...from, distance: 0 }], edges: [], truncated: false };

  const start = (id: NodeId): SearchSide => ({
    distance: new Map([[id, 0]]),
    parent: new Map(),
    frontier: [id],
    depth: 0,
  });
  const forward = start(fromId);
  const backward = start(toId);
  let truncated = false;

  while (forward.frontier.length > 0 && backward.frontier.length > 0) {
    const side = forward.frontier.length <= backward.frontier.length ? forward : backward;
    const other = side === forward ? backward : forward;
    // This step can find paths of length side.depth + 1 + (up to) other.depth.
    if (side.depth + 1 > maxDepth) break;

    const check = await fetchEdges(prisma, toNodeSet(side.frontier), types, {
      kind: 'closure',
      known: toNodeSet(other.distance.keys()),
    });
    let best: { edge: RawEdge; near: NodeId; far: NodeId; length: number } | undefined;
    for (const edge of check.edges) {
      const near = edge.anchor;
      const far = otherEnd(edge, near);
      const farDistance = other.distance.get(far);
      if (farDistance === undefined || !side.distance.has(near)) continue;
      const length = side.depth + 1 + farDistance;
      if (length > maxDepth) continue;
      if (!best || length < best.length || (length === best.length && edge.key < best.edge.key))
        best = { edge, near, far, length };
    }
    if (best) {
      const [forwardEnd, backwardEnd] = side === forward ? [best.near, best.far] : [best.far, best.near];
      return buildPath(prisma, forward, backward, forwardEnd, best.edge, backwardEnd, truncated);
    }
    // Nothing shorter than side.depth + 2 + other.depth can follow: stop when that is too long.
    if (side.depth + 2 + other.depth > maxDepth) break;

    const step = await fetchEdges(prisma, toNodeSet(side.frontier), types, { kind: 'expand', cap });
    truncated ||= step.truncated;
    const next: NodeId[] = [];
    for (const edge of step.edges) {
      const near = edge.anchor;
      const far = otherEnd(edge, near);
      if (side.distance.has(far)) continue;
      if (side.distance.size >= GRAPH_LIMITS.maxPathVisited) {
        truncated = true;
        break;
      }
      side.distance.set(far, side.depth + 1);
      side.parent.set(far, { node: near, edge });
      next.push(far);
    }
    side.frontier = next;
    side.depth += 1;
  }
  return null;
}

/** From `end` back to the side's start node, following the parents: the nodes and the edges between them. */
function towardsStart(side: SearchSide, end: NodeId): { nodes: NodeId[]; edges: RawEdge[] } {
  const nodes = [end];
  const edges: RawEdge[] = [];
  for (let step = side.parent.get(end); step; step = side.parent.get(step.node)) {
    nodes.push(step.node);
    edges.push(step.edge);
  }
  return { nodes, edges };
}

async function buildPath(
  prisma: PrismaClient,
  forward: SearchSide,
  backward: SearchSide,
  forwardEnd: NodeId,
  middle: RawEdge,
  backwardEnd: NodeId,
  truncated: boolean,
): Promise<GraphPath> {
  // from ... forwardEnd (the forward side's parents, reversed), then backwardEnd ... to.
  const head = towardsStart(forward, forwardEnd);
  const tail = towardsStart(backward, backwardEnd);
  const ids = [...head.nodes.reverse(), ...tail.nodes];
  const rawEdges = [...head.edges.reverse(), middle, ...tail.edges];
  const described = await describeNodes(prisma, ids);
  const nodes = ids.map((id, i) => {
    const node = described.get(id);
    if (!node) throw new Error(`node ${id} of the path disappeared while it was read`);
    return { ...node, distance: i };
  });
  return { length: rawEdges.length, nodes, edges: rawEdges.map((e) => publicEdge(e, described)), truncated };
}

/** The API's form of an edge: global IDs for its ends and a stable ID. */
function publicEdge(edge: RawEdge, nodes: Map<NodeId, { id: string }>): GraphEdge {
  const source = (nodes.get(edge.source) as { id: string }).id;
  const target = (nodes.get(edge.target) as { id: string }).id;
  const discriminator =
    edge.type === 'HOLDS_ROLE' ? `:${edge.label}` : edge.type === 'PARTICIPATED_IN' ? `:${edge.role}` : '';
  return {
    id: `${edge.type}:${source}:${target}${discriminator}`,
    type: edge.type,
    source,
    target,
    label: edge.label,
    role: edge.role,
    evidence: edge.supportedBy[0] ?? null,
    supportedBy: edge.supportedBy,
  };
}
