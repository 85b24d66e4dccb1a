/**
 * Reading PostgreSQL plans (EXPLAIN FORMAT JSON): which tables each statement reads, how
 * (Seq Scan, Index Scan, Bitmap Heap Scan ...) and, with ANALYZE, how many rows each scan read.
 * Shared by the benchmark (plans at 10k and 1M statements) and test/explain.test.ts.
 */
import type pg from 'pg';
import type { CapturedQuery } from './sql-capture.js';

/**
 * Tables that grow with the data: a sequential scan of one of these is a full read of up to
 * millions of rows (Article: 50k rows of ~4 kB bodies at 1M statements).
 */
export const LARGE_TABLES: ReadonlySet<string> = new Set([
  'Statement',
  '_StatementAbout',
  'Event',
  'Mention',
  'EventParticipant',
  'Article',
]);

export interface ScanNode {
  nodeType: string;
  relation: string;
  alias?: string;
  index?: string;
  /** Planner estimate of rows returned (per loop). */
  planRows: number;
  /** With ANALYZE: rows read in total (returned + removed by filter/recheck, times loops). */
  rowsRead?: number;
  rowsReturned?: number;
  loops?: number;
  filter?: string;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Plan Rows': number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Filter?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan that reads a table (scans, including index-only and bitmap heap scans). */
export function scanNodes(plan: unknown): ScanNode[] {
  const out: ScanNode[] = [];
  const walk = (node: PlanNode) => {
    if (node['Relation Name']) {
      const loops = node['Actual Loops'];
      const analyzed = node['Actual Rows'] !== undefined && loops !== undefined;
      // EXPLAIN ANALYZE reports rows and removed rows per loop (averaged): times loops for totals.
      const perLoop =
        (node['Actual Rows'] ?? 0) +
        (node['Rows Removed by Filter'] ?? 0) +
        (node['Rows Removed by Index Recheck'] ?? 0);
      out.push({
        nodeType: node['Node Type'],
        relation: node['Relation Name'],
        alias: node.Alias,
        index: node['Index Name'],
        planRows: node['Plan Rows'],
        ...(analyzed && {
          rowsRead: Math.round(perLoop * (loops as number)),
          rowsReturned: Math.round((node['Actual Rows'] as number) * (loops as number)),
          loops,
        }),
        ...(node.Filter && { filter: node.Filter }),
      });
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  const root = (plan as { Plan: PlanNode }[])[0]?.Plan;
  if (root) walk(root);
  return out;
}

export interface ExplainOptions {
  /** EXPLAIN ANALYZE: runs the statement and reports actual rows. Only for reads. */
  analyze?: boolean;
  /** SET enable_seqscan = off for the EXPLAIN: a Seq Scan that remains has no index to use. */
  seqscanOff?: boolean;
}

/** EXPLAIN (FORMAT JSON) of a captured statement with its parameters, on `client`. */
export async function explain(
  client: pg.ClientBase,
  query: CapturedQuery,
  options: ExplainOptions = {},
): Promise<unknown> {
  const prefix = options.analyze ? 'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ' : 'EXPLAIN (FORMAT JSON) ';
  if (options.seqscanOff) await client.query('SET enable_seqscan = off');
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(prefix + query.sql, query.params as unknown[]);
    const plan = rows[0]?.['QUERY PLAN'];
    return typeof plan === 'string' ? JSON.parse(plan) : plan;
  } finally {
    if (options.seqscanOff) await client.query('RESET enable_seqscan');
  }
}

/** "Seq Scan on Statement" / "Index Scan using Statement_pkey on Statement" for reports. */
export function describeScan(scan: ScanNode): string {
  const how = scan.index ? `${scan.nodeType} using ${scan.index}` : scan.nodeType;
  const rows = scan.rowsRead !== undefined ? `, read ${scan.rowsRead} rows` : `, ~${scan.planRows} rows`;
  return `${how} on ${scan.relation}${rows}`;
}

/** Sequential scans of large tables. */
export const largeSeqScans = (scans: readonly ScanNode[]) =>
  scans.filter((s) => s.nodeType === 'Seq Scan' && LARGE_TABLES.has(s.relation));

/** Row estimates of the large tables (pg_class.reltuples, set by ANALYZE). */
export async function tableRows(client: pg.ClientBase): Promise<Map<string, number>> {
  const { rows } = await client.query<{ relname: string; reltuples: number }>(
    `SELECT relname::text AS relname, reltuples::float8 AS reltuples FROM pg_class
      WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname::text = ANY($1::text[])`,
    [[...LARGE_TABLES]],
  );
  return new Map(rows.map((r) => [r.relname, Number(r.reltuples)]));
}

/** One-line summary of a plan's scans on large tables, e.g. for a results table. */
export function planSummary(scans: readonly ScanNode[]): string {
  const large = scans.filter((s) => LARGE_TABLES.has(s.relation));
  if (large.length === 0) return 'no large table';
  const seq = largeSeqScans(scans);
  if (seq.length > 0) return `Seq Scan on ${[...new Set(seq.map((s) => s.relation))].join(', ')}`;
  return 'indexes only';
}
