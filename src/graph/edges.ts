/**
 * One BFS step over the relational data: every edge touching a set of nodes (the frontier),
 * with at most one SQL statement per statement group of edge tables (EDGE_STATEMENTS: one
 * table each, but the Event statement reads Event, EventReport and EventRelation), whatever
 * the frontier's size.
 *
 * Each statement is a UNION ALL of branches, one per (edge kind, end, frontier node kind),
 * built from the description in edge-kinds.ts by edge-sql.ts, in one of two modes:
 * - expand: the edges of each frontier node, at most `cap` per node and branch (the cap + 1st
 *   row only tells that the cap cut something); which are kept is in edge-kinds.ts.
 * - closure: only the edges between the frontier and a set of known nodes, uncapped. Used for
 *   the edges among the nodes a traversal returns and to find, exactly, where the two searches
 *   of a shortest-path query meet, even through a hub.
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ParticipantRole } from '../generated/prisma/enums.js';
import { EDGE_KINDS, EDGE_STATEMENTS, type EdgeStatement, requestedTypes } from './edge-kinds.js';
import { branchSql, EDGE_COLUMNS, type NodeSet, type StepMode } from './edge-sql.js';
import { type NodeId, nodeId } from './nodes.js';
import { addSupport } from './support.js';
import type { EdgeEvidence, NodeKind, RelationType } from './types.js';

export { MAX_PUBLISHERS_PER_STEP } from './edge-kinds.js';
export { type NodeSet, SMALL_FRONTIER, type StepMode } from './edge-sql.js';
export { EDGE_STATEMENTS };

export const emptyNodeSet = (): NodeSet => ({
  Person: [],
  Organization: [],
  Country: [],
  Event: [],
  Statement: [],
  Article: [],
});

export function toNodeSet(ids: Iterable<NodeId>): NodeSet {
  const set = emptyNodeSet();
  for (const id of ids) {
    const cut = id.indexOf(':');
    const kind = id.slice(0, cut) as NodeKind;
    const raw = id.slice(cut + 1);
    if (kind === 'Country') set.Country.push(raw);
    else set[kind].push(Number(raw));
  }
  return set;
}

/** An edge as read from the database, with the frontier node it was found from. */
export interface RawEdge {
  type: RelationType;
  source: NodeId;
  target: NodeId;
  label: string | null;
  role: ParticipantRole | null;
  /** The evidence of every row read for this edge, by article (see support.ts). */
  supportedBy: EdgeEvidence[];
  /** The frontier node this row was read for (source or target). */
  anchor: NodeId;
  /** Identity: the same relation read twice (from both ends, or stated by two articles) is one edge. */
  key: string;
}

export interface StepResult {
  edges: RawEdge[];
  /** True when a per-node cap cut at least one branch. */
  truncated: boolean;
  /** SQL statements sent. */
  statements: number;
}

interface Row {
  type: RelationType;
  src_kind: NodeKind;
  src_id: string;
  tgt_kind: NodeKind;
  tgt_id: string;
  label: string | null;
  role: ParticipantRole | null;
  ev_article: number | null;
  ev_start: number | null;
  ev_end: number | null;
  ev_text: string | null;
  anchor: string;
  /** Capped reads: the row's place among the rows of its frontier node and branch (1 = newest). */
  rank: number | null;
}

const SIDES = ['source', 'target'] as const;

/**
 * The statements of a step, one per group with a branch for the frontier and the types. The
 * branches of ends read `all` come first, then the capped ones, each in EDGE_KINDS order, an
 * end of one node kind before an end of several.
 */
function stepStatements(frontier: NodeSet, types: Set<RelationType>, mode: StepMode) {
  const branches = new Map<EdgeStatement, Prisma.Sql[]>();
  let truncated = false;
  for (const readsAll of [true, false]) {
    for (const kind of EDGE_KINDS) {
      const wanted = requestedTypes(kind, types);
      if (wanted.length === 0) continue;
      const sides = [...SIDES].sort((x, y) => kind[x].nodes.length - kind[y].nodes.length);
      for (const side of sides) {
        if ('all' in kind[side].read !== readsAll) continue;
        for (const node of kind[side].nodes) {
          const values = frontier[node.kind];
          if (values.length === 0) continue;
          const branch = branchSql({ kind, side, node, values, types: wanted, mode });
          truncated ||= branch.truncated;
          const list = branches.get(kind.table.statement) ?? [];
          branches.set(kind.table.statement, list);
          list.push(branch.sql);
        }
      }
    }
  }
  const statements = EDGE_STATEMENTS.flatMap((name) => {
    const list = branches.get(name);
    if (!list) return [];
    const union = Prisma.join(
      list.map((b) => Prisma.sql`(${b})`),
      ' UNION ALL ',
    );
    return [Prisma.sql`SELECT * FROM (${union}) AS edge(${Prisma.raw(EDGE_COLUMNS)})`];
  });
  return { statements, truncated };
}

const parseId = (kind: NodeKind, id: string) => nodeId(kind, kind === 'Country' ? id.trim() : Number(id));

/**
 * The edges of the requested types touching the frontier: one statement per group that has a
 * branch for it (at most EDGE_STATEMENTS.length), sent concurrently.
 */
export async function fetchEdges(
  prisma: PrismaClient,
  frontier: NodeSet,
  types: Set<RelationType>,
  mode: StepMode,
): Promise<StepResult> {
  const { statements, truncated: cutFrontier } = stepStatements(frontier, types, mode);
  const results = await Promise.all(statements.map((statement) => prisma.$queryRaw<Row[]>(statement)));

  let truncated = cutFrontier;
  const edges = new Map<string, RawEdge>();
  for (const rows of results) {
    for (const row of rows) {
      // A capped read fetches cap + 1 rows per node: the last only tells that the cap cut some.
      if (mode.kind === 'expand' && row.rank !== null && row.rank > mode.cap) {
        truncated = true;
        continue;
      }
      const edge = edgeOf(row);
      // One edge per key and anchor (the traversal follows each anchor's edges on its own),
      // with the evidence of every row of it.
      const group = `${edge.key}|${edge.anchor}`;
      const known = edges.get(group);
      if (!known) edges.set(group, edge);
      else for (const evidence of edge.supportedBy) addSupport(known.supportedBy, evidence);
    }
  }
  return { edges: [...edges.values()], truncated, statements: statements.length };
}

function edgeOf(row: Row): RawEdge {
  const source = parseId(row.src_kind, row.src_id);
  const target = parseId(row.tgt_kind, row.tgt_id);
  // Two roles (titles) or two participations (roles) between the same nodes are two edges.
  const discriminator = row.label !== null ? `:${row.label}` : row.role !== null ? `:${row.role}` : '';
  const evidence =
    row.ev_article !== null && row.ev_start !== null && row.ev_end !== null && row.ev_text !== null
      ? { articleId: row.ev_article, start: row.ev_start, end: row.ev_end, text: row.ev_text }
      : null;
  return {
    type: row.type,
    source,
    target,
    label: row.label,
    role: row.role,
    supportedBy: evidence ? [evidence] : [],
    anchor: row.anchor.startsWith('Country:') ? row.anchor.trim() : row.anchor,
    key: `${row.type}|${source}|${target}${discriminator}`,
  };
}
