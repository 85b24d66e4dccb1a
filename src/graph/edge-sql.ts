/**
 * The SQL of one branch: the edges of one edge kind (edge-kinds.ts) read from one end and one
 * node kind of a frontier. Every branch selects the same columns (see EDGE_COLUMNS), so the
 * branches of a statement are one UNION ALL.
 *
 * - expand: the rows of each frontier node as its end reads them: all of them, or the newest
 *   `cap` + 1 through one subquery per node (see perNode).
 * - closure: only the rows between the frontier and a set of known nodes. Both ends are given,
 *   so no cap is needed and the statement reads no more than the frontier's rows that point
 *   at known nodes.
 */
import { Prisma } from '../generated/prisma/client.js';
import type { EdgeEnd, EdgeKind, EdgeTable, EndNode, RowOrder } from './edge-kinds.js';
import type { NodeKind, RelationType } from './types.js';

/** Database ids of nodes, by kind. */
export interface NodeSet {
  Person: number[];
  Organization: number[];
  Country: string[];
  Event: number[];
  Statement: number[];
  Article: number[];
}

export type StepMode = { kind: 'expand'; cap: number } | { kind: 'closure'; known: NodeSet };

/**
 * The columns of every branch, in order (src/graph/edges.ts reads them by these names). `rank`
 * is a row's place among its node's rows in the end's order (capped reads only): the cap is
 * applied by it, whatever order the joins above the per-node subqueries return rows in.
 */
export const EDGE_COLUMNS =
  'type, src_kind, src_id, tgt_kind, tgt_id, label, role, ev_article, ev_start, ev_end, ev_text, anchor, rank';

/** Frontiers up to this size are read with one subquery per node and the node's id as a constant. */
export const SMALL_FRONTIER = 10;

const sql = Prisma.sql;
const raw = Prisma.raw;
const column = (alias: string, name: string) => raw(`${alias}."${name}"`);
const castOf = (kind: NodeKind) => raw(kind === 'Country' ? 'bpchar' : 'int');
const idArray = (ids: readonly (number | string)[], kind: NodeKind) => sql`${ids}::${castOf(kind)}[]`;
const and = (conditions: Prisma.Sql[]) => Prisma.join(conditions, ' AND ');

export interface BranchRequest {
  kind: EdgeKind;
  /** The end the frontier is at, and which of its node kinds. */
  side: 'source' | 'target';
  node: EndNode;
  /** The frontier's ids of that node kind (not empty). */
  values: readonly (number | string)[];
  /** The relation types of the kind to read (not empty). */
  types: readonly RelationType[];
  mode: StepMode;
}

/** One branch of a step's statement; `truncated` when frontier nodes were left out (constantsFor). */
export function branchSql({ kind, side, node, values, types, mode }: BranchRequest): {
  sql: Prisma.Sql;
  truncated: boolean;
} {
  const { table } = kind;
  const a = table.alias;
  const near = kind[side];
  const far = kind[side === 'source' ? 'target' : 'source'];
  const fanOut = far.nodes.length > 1;
  const rowFilters = rowConditions(kind, far, types);

  let from: Prisma.Sql;
  let truncated = false;
  let capped = false;
  const where: Prisma.Sql[] = [];
  const read = near.read;
  if (mode.kind === 'expand' && 'newest' in read) {
    capped = true;
    const rows = (value: Prisma.Sql, byId: Prisma.Sql) =>
      rowsOfNode(table, sql`${column(a, node.column)} = ${value}`, rowFilters, read.newest, byId, mode.cap + 1);
    if (read.constantsFor !== undefined) {
      truncated = values.length > read.constantsFor;
      from = perConstant(values.slice(0, read.constantsFor), node.kind, rows, a);
    } else {
      from = perNode(values, node.kind, rows, a);
    }
  } else {
    from = raw(`"${table.name}" ${a}`);
    where.push(sql`${column(a, node.column)} = ANY(${idArray(values, node.kind)})`);
    where.push(...rowFilters);
    if (mode.kind === 'closure') where.push(pointsAtKnown(a, far, mode.known));
  }
  const join = kind.join ? raw(kind.join) : Prisma.empty;
  // Several node kinds at the far end: one row for each column set (Role: country and organization).
  const fan = fanOut
    ? raw(
        `CROSS JOIN LATERAL (VALUES ${far.nodes.map((f) => `('${f.kind}', ${a}."${f.column}"::text)`).join(', ')}) AS far(kind, id)`,
      )
    : Prisma.empty;
  if (fanOut) where.push(raw('far.id IS NOT NULL'));

  const nearEnd = sql`'${raw(node.kind)}', ${column(a, node.column)}::text`;
  const farNode = far.nodes[0] as EndNode;
  const farEnd = fanOut ? raw('far.kind, far.id') : sql`'${raw(farNode.kind)}', ${column(a, farNode.column)}::text`;
  const [sourceEnd, targetEnd] = side === 'source' ? [nearEnd, farEnd] : [farEnd, nearEnd];
  const type = typeof kind.type === 'string' ? raw(`'${kind.type}'::text`) : sql`${column(a, kind.type.column)}::text`;
  const evidence = kind.evidence
    ? raw(`${kind.evidence.article}, ${kind.evidence.start}, ${kind.evidence.end}, ${kind.evidence.text}`)
    : raw('NULL::int, NULL::int, NULL::int, NULL::text');
  const rank = capped ? raw(`${a}.rank`) : raw('NULL::int');
  return {
    sql: sql`SELECT /* ${raw(`${kind.name}, from the ${side}: ${node.kind}`)} */ ${type}, ${sourceEnd}, ${targetEnd},
      ${raw(kind.label ?? 'NULL::text')}, ${raw(kind.role ?? 'NULL::text')}, ${evidence},
      '${raw(node.kind)}:' || ${column(a, node.column)}::text, ${rank}
      FROM ${from} ${join} ${fan} ${where.length > 0 ? sql`WHERE ${and(where)}` : Prisma.empty}`,
    truncated,
  };
}

/**
 * What makes a row an edge of the requested types: a stored type among them, a far end that is
 * set. Applied before any cap, so that the cap counts edges only.
 */
function rowConditions(kind: EdgeKind, far: EdgeEnd, types: readonly RelationType[]): Prisma.Sql[] {
  const a = kind.table.alias;
  const out: Prisma.Sql[] = [];
  if (typeof kind.type !== 'string') {
    out.push(sql`${column(a, kind.type.column)} = ANY(${types}::${raw(kind.type.sqlType)}[])`);
  }
  if (far.optional) out.push(sql`${column(a, (far.nodes[0] as EndNode).column)} IS NOT NULL`);
  return out;
}

/** Closure: the far end is one of the known nodes. */
function pointsAtKnown(alias: string, far: EdgeEnd, known: NodeSet): Prisma.Sql {
  const arms = far.nodes.map((f) => sql`${column(alias, f.column)} = ANY(${idArray(known[f.kind], f.kind)})`);
  return sql`(${Prisma.join(arms, ' OR ')})`;
}

/**
 * The newest `n` rows of one node, in `order`, each with its rank; `byId` is how the primary
 * key is written in the order (see perNode). Dated orders read the dated rows newest first
 * through the (node, date) index, then the undated ones through the node's index too:
 * `(id + 0)` there, never a walk of the primary key.
 */
function rowsOfNode(
  table: EdgeTable,
  isNode: Prisma.Sql,
  filters: Prisma.Sql[],
  order: RowOrder,
  byId: Prisma.Sql,
  n: number,
): Prisma.Sql {
  const a = table.alias;
  const select = (conditions: Prisma.Sql[], orderBy: Prisma.Sql) =>
    sql`SELECT ${raw(table.columns.map((c) => `${a}."${c}"`).join(', '))} FROM ${raw(`"${table.name}" ${a}`)}
      WHERE ${and([isNode, ...filters, ...conditions])} ORDER BY ${orderBy} LIMIT ${n}`;
  let rows: Prisma.Sql;
  if ('dated' in order) {
    const date = column(a, order.dated);
    rows = sql`SELECT * FROM (
        (${select([sql`${date} IS NOT NULL`], sql`${date} DESC, ${byId} DESC`)})
        UNION ALL
        (${select([sql`${date} IS NULL`], raw(`(${a}.id + 0) DESC`))})
      ) AS dated LIMIT ${n}`;
  } else {
    const terms = order.by.map(([name, direction]) =>
      name === 'id' ? sql`${byId} ${raw(direction)}` : raw(`${a}."${name}" ${direction}`),
    );
    rows = select([], Prisma.join(terms, ', '));
  }
  // Numbered as they come out of the ORDER BY ... LIMIT, before anything can reorder them.
  return sql`SELECT ordered.*, (row_number() OVER ())::int AS rank FROM (${rows}) AS ordered`;
}

type NodeRows = (value: Prisma.Sql, byId: Prisma.Sql) => Prisma.Sql;

/**
 * The rows `rows` reads for each frontier value (`rows` orders and limits them itself).
 *
 * - Up to SMALL_FRONTIER values: one subquery per value, the value bound as a constant, so the
 *   planner sees it and uses the column statistics: for a hub (a country with a million
 *   statements) it reads the first rows of an ordered index and stops; for a rare value it
 *   reads the few matches through the foreign-key index.
 * - More values: one LATERAL subquery over unnest(values). The planner plans it once for any
 *   value, with average statistics, so the primary-key order is written `(id + 0)`: no plan can
 *   then walk the primary key backwards filtering for the value (which reads the whole table
 *   for a value that has no rows); each value's matches are read through the foreign-key index
 *   and the newest kept. Where a composite index orders the matches (speaker+saidOn,
 *   country+startDate, the _StatementAbout key, the (foreign key, id) indexes), the scan stops
 *   after `cap` + 1 rows.
 */
function perNode(values: readonly (number | string)[], kind: NodeKind, rows: NodeRows, alias: string): Prisma.Sql {
  if (values.length <= SMALL_FRONTIER) return perConstant(values, kind, rows, alias);
  return sql`unnest(${values}::${castOf(kind)}[]) AS f(v) CROSS JOIN LATERAL (${rows(raw('f.v'), raw(`(${alias}.id + 0)`))}) AS ${raw(alias)}`;
}

/** One subquery per value, each with the value as a bound constant. */
function perConstant(values: readonly (number | string)[], kind: NodeKind, rows: NodeRows, alias: string): Prisma.Sql {
  const arms = values.map((value) => sql`(${rows(sql`${value}::${castOf(kind)}`, raw(`${alias}.id`))})`);
  return sql`(${Prisma.join(arms, ' UNION ALL ')}) AS ${raw(alias)}`;
}
