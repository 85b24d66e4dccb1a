/**
 * Whole-database snapshots for comparing "before" and "after": every row of every table of the
 * current schema (the implicit many-to-many tables included, `_prisma_migrations` excluded),
 * ordered by primary key. Tables and keys come from the catalog, so a new model is covered
 * without touching this file.
 */
import type { PrismaClient } from '../../src/generated/prisma/client.js';

type Row = Record<string, unknown>;
export type Dump = Record<string, Row[]>;

/** Catalog names are cast to text: the pg adapter cannot read the `name` type. */
async function tables(prisma: PrismaClient): Promise<Map<string, string[]>> {
  const rows = await prisma.$queryRawUnsafe<{ table: string; pk: string[] | null }[]>(`
    SELECT c.relname::text AS "table",
           (SELECT array_agg(a.attname::text ORDER BY k.ord)
              FROM pg_index i
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
             WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
     ORDER BY 1`);
  return new Map(rows.map((r) => [r.table, r.pk ?? []]));
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Rows are read as JSON (`row_to_json`) rather than through Prisma's raw-query column
 * decoding, which rejects some column types (e.g. tsvector) and differs between adapters.
 * Numbers stay numbers, dates become ISO strings, arrays stay arrays.
 */
export async function dumpDatabase(prisma: PrismaClient): Promise<Dump> {
  const dump: Dump = {};
  for (const [table, pk] of await tables(prisma)) {
    // A table without a primary key is ordered by its whole row.
    const orderBy = pk.length > 0 ? pk.map((column) => `t.${quote(column)}`).join(', ') : 't::text';
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS "row" FROM ${quote(table)} t ORDER BY ${orderBy}`,
    );
    dump[table] = rows.map((r) => JSON.parse(r.row) as Row);
  }
  return dump;
}

export function rowCounts(dump: Dump): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, rows.length]));
}

interface ForeignKey {
  table: string;
  column: string;
  refTable: string;
  refColumn: string;
}

async function foreignKeys(prisma: PrismaClient): Promise<ForeignKey[]> {
  return prisma.$queryRawUnsafe<ForeignKey[]>(`
    SELECT cl.relname::text AS "table", a.attname::text AS "column",
           rc.relname::text AS "refTable", ra.attname::text AS "refColumn"
      FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      JOIN pg_class rc ON rc.oid = c.confrelid
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND n.nspname = current_schema() AND cardinality(c.conkey) = 1`);
}

/** Columns whose values are generated at insert time rather than derived from the data. */
const generatedColumns = new Set(['createdAt', 'updatedAt', 'version']);

/**
 * The dump with everything generated taken out, so two databases loaded from the same data
 * compare equal however their rows were numbered:
 * - `createdAt`/`updatedAt` and the `version` counters are dropped;
 * - a table whose primary key is an integer `id` loses it; references to such a table are
 *   replaced by the referenced row's `key` column (Article, Person, Statement, ...);
 * - rows are sorted by their content, since ids no longer order them.
 * Throws if a reference points at a table without a `key` column (extend this then).
 */
export async function normalizedDump(prisma: PrismaClient): Promise<Dump> {
  const dump = await dumpDatabase(prisma);
  const pks = await tables(prisma);
  const hasSurrogateId = (table: string) => {
    const pk = pks.get(table);
    return pk?.length === 1 && pk[0] === 'id' && typeof dump[table]?.[0]?.id === 'number';
  };
  const keyById = new Map<string, Map<unknown, unknown>>();
  for (const [table, rows] of Object.entries(dump)) {
    if (hasSurrogateId(table) && rows[0] && 'key' in rows[0]) {
      keyById.set(table, new Map(rows.map((row) => [row.id, row.key])));
    }
  }
  const references = new Map<string, ForeignKey>();
  for (const fk of await foreignKeys(prisma)) references.set(`${fk.table}.${fk.column}`, fk);

  const normalized: Dump = {};
  for (const [table, rows] of Object.entries(dump)) {
    const dropId = hasSurrogateId(table);
    normalized[table] = rows
      .map((row) => {
        const out: Row = {};
        for (const [column, value] of Object.entries(row)) {
          if (generatedColumns.has(column) || (dropId && column === 'id')) continue;
          const fk = references.get(`${table}.${column}`);
          if (fk && value !== null && fk.refColumn === 'id' && hasSurrogateId(fk.refTable)) {
            const keys = keyById.get(fk.refTable);
            if (!keys)
              throw new Error(`normalizedDump: ${table}.${column} points at ${fk.refTable}, which has no key column`);
            out[column] = `${fk.refTable}:${String(keys.get(value))}`;
          } else {
            out[column] = value;
          }
        }
        return out;
      })
      .sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));
  }
  return normalized;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
