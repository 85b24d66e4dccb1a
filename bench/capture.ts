/**
 * Child process of bench/run.ts, on the database in DATABASE_URL: resolves the operation
 * variables, checks each operation against the schema, runs it once in-process recording its
 * SQL and parameters, and EXPLAIN ANALYZEs every statement (default planner settings, the
 * plans the API really gets at this size). Writes JSON to the path given as argument.
 *
 *   DATABASE_URL=... tsx bench/capture.ts out.json
 */
import { writeFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import pg from 'pg';
import { benchOperations, ceilingOperation, contextSql, type OperationContext } from './operations.js';
import { describeScan, explain, LARGE_TABLES, planSummary, scanNodes } from './plans.js';
import { captureOperation, isControlStatement } from './sql-capture.js';

export interface CapturedPlan {
  sql: string;
  params: unknown[];
  summary: string;
  scans: string[];
  seqScans: string[];
  executionMs?: number;
  /** The scan of a large table that read the most rows (EXPLAIN ANALYZE), and how many. */
  largestScan?: string;
  maxRowsRead: number;
}

export interface CaptureResult {
  context: OperationContext;
  operations: {
    name: string;
    skipped?: string;
    errors?: unknown;
    queries: { sql: string; params: unknown[] }[];
    plans: CapturedPlan[];
    /** Short facts about the answer, e.g. totalCount, for the report. */
    facts?: Record<string, unknown>;
  }[];
}

const out = process.argv[2];
if (!out || !process.env.DATABASE_URL) {
  console.error('usage: DATABASE_URL=... tsx bench/capture.ts out.json');
  process.exit(2);
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const { schema } = await import('../src/schema/index.js');
const { closeDatabase } = await import('../src/db.js');
try {
  const context = (await client.query<OperationContext>(contextSql)).rows[0] as OperationContext;
  const result: CaptureResult = { context, operations: [] };
  for (const op of [ceilingOperation, ...benchOperations(context)]) {
    const problems = validate(schema, parse(op.query));
    if (problems.length > 0) {
      result.operations.push({
        name: op.name,
        skipped: `not in schema: ${problems.map((p) => p.message).join('; ')}`,
        queries: [],
        plans: [],
      });
      continue;
    }
    const captured = await captureOperation(op.query, op.variables);
    const queries = captured.queries.map((q) => ({ sql: q.sql, params: q.params }));
    const plans: CapturedPlan[] = [];
    for (const q of captured.queries.filter((q) => !isControlStatement(q.sql))) {
      const plan = await explain(client, q, { analyze: true });
      const scans = scanNodes(plan);
      const largest = scans
        .filter((s) => LARGE_TABLES.has(s.relation))
        .sort((a, b) => (b.rowsRead ?? 0) - (a.rowsRead ?? 0))[0];
      plans.push({
        largestScan: largest && describeScan(largest),
        maxRowsRead: largest?.rowsRead ?? 0,
        sql: q.sql,
        params: q.params,
        summary: planSummary(scans),
        scans: scans.map(describeScan),
        seqScans: scans.filter((s) => s.nodeType === 'Seq Scan').map(describeScan),
        executionMs: (plan as { 'Execution Time'?: number }[])[0]?.['Execution Time'],
      });
    }
    const data = captured.data as Record<string, Record<string, unknown> | undefined> | undefined;
    const facts: Record<string, unknown> = {};
    const country = data?.country as
      | { statementsAbout?: { totalCount?: number }; events?: { totalCount?: number } }
      | undefined;
    if (country?.statementsAbout) facts.statementsAbout = country.statementsAbout.totalCount;
    if (country?.events) facts.events = country.events.totalCount;
    if (data?.statementStats) facts.total = data.statementStats.total;
    if (data?.search) facts.hits = (data.search.edges as unknown[]).length;
    if (data?.neighbors) {
      facts.nodes = (data.neighbors.nodes as unknown[]).length;
      facts.edges = (data.neighbors.edges as unknown[]).length;
      facts.truncated = data.neighbors.truncated;
    }
    if (data?.statements) facts.page = (data.statements.edges as unknown[]).length;
    result.operations.push({
      name: op.name,
      ...(captured.errors && { errors: captured.errors }),
      queries,
      plans,
      facts,
    });
  }
  writeFileSync(out, JSON.stringify(result, null, 2));
} finally {
  await client.end();
  await closeDatabase();
}
