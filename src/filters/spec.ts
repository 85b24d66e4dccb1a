/**
 * One declaration per filterable entity, read three ways: as GraphQL input types
 * (src/schema/filters.ts), as a Prisma `where` (for connections) and as SQL (for the grouped
 * aggregations, which Prisma cannot express). Deriving all three from one allow-list keeps
 * them from drifting apart: a field is filterable everywhere or nowhere.
 */
import { Prisma } from '../generated/prisma/client.js';

/** A filter value as GraphQL hands it over: field name to operator input. */
export type FilterValue = { [field: string]: unknown };

interface ScalarField {
  /** Column in the table (and field in the Prisma model). */
  column: string;
  description?: string;
}

export type FieldSpec =
  | ({ kind: 'string' } & ScalarField)
  | ({ kind: 'int' } & ScalarField)
  | ({ kind: 'date' } & ScalarField)
  /** An enum column: `field: VALUE` and `fieldIn: [VALUE]`; `enumName` is the GraphQL enum. */
  | ({ kind: 'enum'; enumName: string; pgType: string } & ScalarField)
  /** ISO country code: alpha-2 or alpha-3, any case; matches `code` or `alpha3`. */
  | { kind: 'countryCode'; description?: string }
  /** A to-one relation: the related row must match. */
  | { kind: 'relation'; target: () => EntitySpec; relation: string; join: JoinSql; description?: string }
  /** A to-many relation, quantified with some / none / every. */
  | { kind: 'list'; target: () => EntitySpec; relation: string; join: JoinSql; description?: string };

/**
 * How a related table joins its parent, as SQL: `from` is what follows FROM (with the related
 * table aliased as `inner`), `on` the condition tying it to the parent row `outer`.
 */
export interface JoinSql {
  from: (inner: Prisma.Sql) => Prisma.Sql;
  on: (outer: Prisma.Sql, inner: Prisma.Sql) => Prisma.Sql;
  /**
   * For a filter on the related row's key alone (`{ code: "KZ" }`), the condition straight
   * on the link table, without joining the related table: the planner can then drive the
   * query from the link table's index.
   */
  byKey?: (outer: Prisma.Sql, key: string) => Prisma.Sql;
}

export interface EntitySpec {
  /** GraphQL input type name, e.g. "StatementFilter". */
  name: string;
  table: string;
  description: string;
  fields: Record<string, FieldSpec>;
}

/** Limits that keep a filter from becoming a denial of service. */
export const FILTER_LIMITS = { maxDepth: 8, maxConditions: 60, maxInList: 100 } as const;

const ident = (name: string) => Prisma.raw(`"${name.replaceAll('"', '""')}"`);
export const sqlTable = (table: string, alias: Prisma.Sql) => Prisma.sql`${ident(table)} ${alias}`;
export const sqlColumn = (alias: Prisma.Sql, column: string) => Prisma.sql`${alias}.${ident(column)}`;

/**
 * Measures a filter value for FILTER_LIMITS: `depth` is the deepest nesting of input objects
 * (`{ about: { some: { code } } }` is 3), `conditions` the number of leaf values given.
 */
export function measureFilter(value: unknown): { depth: number; conditions: number } {
  if (value === null || value === undefined) return { depth: 0, conditions: 0 };
  const children = Array.isArray(value)
    ? value
    : typeof value === 'object' && !(value instanceof Date)
      ? Object.values(value)
      : null;
  if (children === null) return { depth: 0, conditions: 1 };
  let depth = 0;
  let conditions = 0;
  for (const child of children) {
    const m = measureFilter(child);
    depth = Math.max(depth, m.depth);
    conditions += m.conditions;
  }
  return { depth: Array.isArray(value) ? depth : depth + 1, conditions };
}

/** The enum field `kind` behind a `kindIn` filter field, if `name` is one. */
function enumListField(spec: EntitySpec, name: string) {
  const field = name.endsWith('In') ? spec.fields[name.slice(0, -2)] : undefined;
  return field?.kind === 'enum' ? field : undefined;
}

function fieldOf(spec: EntitySpec, name: string): FieldSpec {
  const field = spec.fields[name];
  // GraphQL validated the input against types generated from the same spec.
  if (!field) throw new Error(`internal: ${spec.name} has no field ${name}`);
  return field;
}

// ----------------------------------------------------------------------------------------
// Prisma `where`
// ----------------------------------------------------------------------------------------

const insensitive = (op: FilterValue) => ({ ...op, mode: 'insensitive' as const });

/**
 * Prisma passes `contains` / `startsWith` into LIKE patterns without escaping the wildcards
 * (seen with the driver adapters of 6.19: `contains: "%"` matched everything), so a user's
 * `%`, `_` and `\` are escaped here, and match themselves.
 */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function prismaScalar(kind: 'string' | 'int' | 'date', op: FilterValue) {
  const where: FilterValue = {};
  for (const [key, value] of Object.entries(op)) {
    if (value === null || value === undefined) continue;
    if (key === 'isNull') Object.assign(where, value ? { equals: null } : { not: null });
    else if (kind === 'string' && (key === 'contains' || key === 'startsWith'))
      where[key] = escapeLike(value as string);
    else where[key] = value;
  }
  return kind === 'string' ? insensitive(where) : where;
}

export function toPrismaWhere(spec: EntitySpec, filter: FilterValue | null | undefined): FilterValue {
  if (!filter) return {};
  const and: FilterValue[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (name === 'AND' || name === 'OR') {
      const parts = (value as FilterValue[]).map((f) => toPrismaWhere(spec, f));
      and.push({ [name]: parts });
      continue;
    }
    if (name === 'NOT') {
      and.push({ NOT: toPrismaWhere(spec, value as FilterValue) });
      continue;
    }
    const enumList = enumListField(spec, name);
    if (enumList) {
      and.push({ [enumList.column]: { in: value } });
      continue;
    }
    const field = fieldOf(spec, name);
    switch (field.kind) {
      case 'string':
      case 'int':
      case 'date':
        and.push({ [field.column]: prismaScalar(field.kind, value as FilterValue) });
        break;
      case 'enum':
        and.push({ [field.column]: value });
        break;
      case 'countryCode': {
        const code = String(value).toUpperCase();
        and.push(code.length === 3 ? { alpha3: code } : { code });
        break;
      }
      case 'relation':
        and.push({ [field.relation]: { is: toPrismaWhere(field.target(), value as FilterValue) } });
        break;
      case 'list': {
        const quantified: FilterValue = {};
        for (const [q, sub] of Object.entries(value as FilterValue)) {
          if (sub !== null && sub !== undefined) quantified[q] = toPrismaWhere(field.target(), sub as FilterValue);
        }
        and.push({ [field.relation]: quantified });
        break;
      }
    }
  }
  return and.length === 1 ? (and[0] as FilterValue) : { AND: and };
}

// ----------------------------------------------------------------------------------------
// SQL
// ----------------------------------------------------------------------------------------

function sqlScalar(kind: 'string' | 'int' | 'date', column: Prisma.Sql, op: FilterValue): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  const cast = (v: unknown) => (kind === 'date' ? Prisma.sql`${v}::date` : Prisma.sql`${v}`);
  for (const [key, value] of Object.entries(op)) {
    if (value === null || value === undefined) continue;
    if (kind === 'string') {
      const text = value as string;
      if (key === 'equals') parts.push(Prisma.sql`lower(${column}) = lower(${text})`);
      if (key === 'contains') parts.push(Prisma.sql`${column} ILIKE ${`%${escapeLike(text)}%`}`);
      if (key === 'startsWith') parts.push(Prisma.sql`${column} ILIKE ${`${escapeLike(text)}%`}`);
      if (key === 'in')
        parts.push(Prisma.sql`lower(${column}) = ANY(${(value as string[]).map((v) => v.toLowerCase())})`);
    } else {
      if (key === 'equals') parts.push(Prisma.sql`${column} = ${cast(value)}`);
      if (key === 'gt') parts.push(Prisma.sql`${column} > ${cast(value)}`);
      if (key === 'gte') parts.push(Prisma.sql`${column} >= ${cast(value)}`);
      if (key === 'lt') parts.push(Prisma.sql`${column} < ${cast(value)}`);
      if (key === 'lte') parts.push(Prisma.sql`${column} <= ${cast(value)}`);
      if (key === 'in') parts.push(Prisma.sql`${column} = ANY(${value})`);
    }
    if (key === 'isNull') parts.push(value ? Prisma.sql`${column} IS NULL` : Prisma.sql`${column} IS NOT NULL`);
  }
  return parts;
}

const and = (parts: Prisma.Sql[]) =>
  parts.length === 0 ? Prisma.sql`TRUE` : Prisma.sql`(${Prisma.join(parts, ' AND ')})`;

/** SQL condition for `filter` on the row of `spec` aliased as `alias`. */
export function toSqlWhere(
  spec: EntitySpec,
  filter: FilterValue | null | undefined,
  alias: Prisma.Sql,
  depth = 0,
): Prisma.Sql {
  if (!filter) return Prisma.sql`TRUE`;
  const parts: Prisma.Sql[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (name === 'AND' || name === 'OR') {
      const items = (value as FilterValue[]).map((f) => toSqlWhere(spec, f, alias, depth));
      // Prisma's reading: an empty AND matches everything, an empty OR nothing.
      if (items.length === 0) parts.push(name === 'AND' ? Prisma.sql`TRUE` : Prisma.sql`FALSE`);
      else parts.push(Prisma.sql`(${Prisma.join(items, ` ${name} `)})`);
      continue;
    }
    if (name === 'NOT') {
      parts.push(Prisma.sql`NOT ${toSqlWhere(spec, value as FilterValue, alias, depth)}`);
      continue;
    }
    const enumList = enumListField(spec, name);
    if (enumList) {
      const type = Prisma.raw(`"${enumList.pgType}"[]`);
      parts.push(Prisma.sql`${sqlColumn(alias, enumList.column)} = ANY(${value}::${type})`);
      continue;
    }
    const field = fieldOf(spec, name);
    switch (field.kind) {
      case 'string':
      case 'int':
      case 'date':
        parts.push(...sqlScalar(field.kind, sqlColumn(alias, field.column), value as FilterValue));
        break;
      case 'enum':
        parts.push(Prisma.sql`${sqlColumn(alias, field.column)} = ${value}::${Prisma.raw(`"${field.pgType}"`)}`);
        break;
      case 'countryCode': {
        const code = String(value).toUpperCase();
        parts.push(Prisma.sql`${sqlColumn(alias, code.length === 3 ? 'alpha3' : 'code')} = ${code}`);
        break;
      }
      case 'relation':
      case 'list': {
        const inner = Prisma.raw(`f${depth + 1}`);
        const exists = (condition: Prisma.Sql) =>
          Prisma.sql`EXISTS (SELECT 1 FROM ${field.join.from(inner)} WHERE ${field.join.on(alias, inner)} AND ${condition})`;
        const target = field.target();
        const keyOnly = (f: FilterValue | undefined) => {
          const code = f && Object.keys(f).length === 1 ? f.code : undefined;
          return field.join.byKey && typeof code === 'string' && code.length === 2 ? code.toUpperCase() : undefined;
        };
        const existsFor = (f: FilterValue) => {
          const key = keyOnly(f);
          return key && field.join.byKey
            ? field.join.byKey(alias, key)
            : exists(toSqlWhere(target, f, inner, depth + 1));
        };
        if (field.kind === 'relation') {
          parts.push(exists(toSqlWhere(target, value as FilterValue, inner, depth + 1)));
          break;
        }
        const q = value as { some?: FilterValue; none?: FilterValue; every?: FilterValue };
        if (q.some) parts.push(existsFor(q.some));
        if (q.none) parts.push(Prisma.sql`NOT ${existsFor(q.none)}`);
        // "every related row matches" = "no related row fails the condition" (as Prisma reads it).
        if (q.every)
          parts.push(Prisma.sql`NOT ${exists(Prisma.sql`NOT ${toSqlWhere(target, q.every, inner, depth + 1)}`)}`);
        break;
      }
    }
  }
  return and(parts);
}
