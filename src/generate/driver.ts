/**
 * The raw SQL connection the bulk loader uses, on either storage: one `pg` client (one
 * session, so one transaction can span the whole load) or the PGlite instance itself.
 * Prisma is bypassed on purpose: a million rows go in as a few hundred multi-row INSERTs.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { poolOptionsFromUrl } from '../storage/postgres.js';

export interface SqlDriver {
  kind: 'pglite' | 'postgres';
  /** One statement, with $1.. parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Several statements separated by semicolons, without parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function postgresDriver(databaseUrl: string): Promise<SqlDriver> {
  const { allowExitOnIdle: _unused, ...options } = poolOptionsFromUrl(databaseUrl);
  const client = new pg.Client({ ...options, application_name: 'kg-generate' });
  await client.connect();
  return {
    kind: 'postgres',
    query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
    exec: async (sql: string) => {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

/** A driver on an open PGlite instance; closing the driver leaves the instance open. */
export function pgliteDriver(pglite: PGlite): SqlDriver {
  return {
    kind: 'pglite',
    query: async <R>(sql: string, params?: unknown[]) => (await pglite.query<R>(sql, params)).rows,
    exec: async (sql: string) => {
      await pglite.exec(sql);
    },
    close: async () => {},
  };
}

/** A column of a bulk insert: its name and the SQL type its text or integer values are cast to. */
export interface ColumnSpec {
  name: string;
  /** SQL type of the column; `int` values travel as int[], everything else as text[]. */
  type: string;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * `INSERT INTO table (...) SELECT ... FROM unnest($1::int[], $2::text[], ...)`: one statement
 * and one parameter per column, whatever the number of rows. Values travel as int[] or text[]
 * and are cast in the SELECT list, so enum, date and array columns need no driver support
 * (PGlite serializes only built-in array types). Array columns (`text[]`) travel as one
 * string joined with U+001F.
 */
export function insertSql(table: string, columns: readonly ColumnSpec[]): string {
  const params = columns.map((c, i) => `$${i + 1}::${c.type === 'int' ? 'int' : 'text'}[]`);
  const select = columns.map((c) => {
    const ref = `u.${quote(c.name)}`;
    if (c.type === 'int' || c.type === 'text') return ref;
    if (c.type === 'text[]') return `string_to_array(${ref}, chr(31))`;
    return `${ref}::${c.type}`;
  });
  return (
    `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) ` +
    `SELECT ${select.join(', ')} FROM unnest(${params.join(', ')}) AS u(${columns.map((c) => quote(c.name)).join(', ')})`
  );
}

/** Inserts `rows` (objects keyed by column name) into `table` in one statement. */
export async function insertRows(
  driver: SqlDriver,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const params = columns.map((c) => {
    const values = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const value = (rows[i] as Record<string, unknown>)[c.name];
      values[i] = c.type === 'text[]' ? (value as string[]).join('\u001f') : (value ?? null);
    }
    return values;
  });
  await driver.query(insertSql(table, columns), params);
}
