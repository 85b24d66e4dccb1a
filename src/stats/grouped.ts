/**
 * Grouped counts for dashboards: statements or events counted per speaker, country, kind,
 * organization or time bucket, under the same filters as the collections (compiled to SQL from
 * the same allow-list). One SQL statement per request for the groups, one more for the total
 * when it is asked for.
 */
import { prisma } from '../db.js';
import { eventSpec, statementSpec } from '../filters/entities.js';
import { type FilterValue, toSqlWhere } from '../filters/spec.js';
import { Prisma } from '../generated/prisma/client.js';

export const TIME_BUCKETS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type TimeBucket = (typeof TIME_BUCKETS)[number];

export const STATEMENT_DIMENSIONS = ['SPEAKER', 'COUNTRY', 'KIND', 'ORGANIZATION', 'OCCASION', 'PERIOD'] as const;
export type StatementDimension = (typeof STATEMENT_DIMENSIONS)[number];
export const EVENT_DIMENSIONS = ['KIND', 'COUNTRY', 'PARENT', 'PERIOD'] as const;
export type EventDimension = (typeof EVENT_DIMENSIONS)[number];

/** Largest number of groups one request returns. */
export const MAX_GROUPS = 1000;

/** One group: its count and the keys of the dimensions it was grouped by (others are null). */
export interface GroupRow {
  count: number;
  kind: string | null;
  speakerPersonId: number | null;
  speakerOrganizationId: number | null;
  countryCode: string | null;
  organizationId: number | null;
  occasionId: number | null;
  parentId: number | null;
  period: Date | null;
}

export interface GroupQuery<Dimension extends string> {
  where: FilterValue | null | undefined;
  groupBy: readonly Dimension[];
  bucket: TimeBucket;
  /** PERIOD order for time series, else the largest groups first. */
  limit: number;
}

const s = Prisma.raw('s');
const bucketSql = (bucket: TimeBucket) => Prisma.raw(`'${bucket.toLowerCase()}'`);

interface DimensionSql {
  select: Prisma.Sql[];
  join?: Prisma.Sql;
}

function statementDimension(dimension: StatementDimension, bucket: TimeBucket): DimensionSql {
  switch (dimension) {
    case 'SPEAKER':
      return { select: [Prisma.sql`s."speakerPersonId"`, Prisma.sql`s."speakerOrganizationId"`] };
    case 'COUNTRY':
      // One row per (statement, country): a statement about two countries counts for each.
      return {
        select: [Prisma.sql`about."A" AS "countryCode"`],
        join: Prisma.sql`JOIN "_StatementAbout" about ON about."B" = s.id`,
      };
    case 'KIND':
      return { select: [Prisma.sql`s.kind::text AS kind`] };
    case 'OCCASION':
      return { select: [Prisma.sql`s."occasionId"`] };
    case 'PERIOD':
      return { select: [Prisma.sql`date_trunc(${bucketSql(bucket)}, s."saidOn")::date AS period`] };
    case 'ORGANIZATION':
      // The organization speaking, or the organizations of the speaking person's roles.
      return {
        select: [Prisma.sql`org.id AS "organizationId"`],
        join: Prisma.sql`LEFT JOIN LATERAL (
          SELECT s."speakerOrganizationId" AS id WHERE s."speakerOrganizationId" IS NOT NULL
          UNION
          SELECT r."organizationId" FROM "Role" r WHERE r."personId" = s."speakerPersonId" AND r."organizationId" IS NOT NULL
        ) org ON TRUE`,
      };
  }
}

function eventDimension(dimension: EventDimension, bucket: TimeBucket): DimensionSql {
  switch (dimension) {
    case 'KIND':
      return { select: [Prisma.sql`s.kind::text AS kind`] };
    case 'COUNTRY':
      return { select: [Prisma.sql`s."countryCode"`] };
    case 'PARENT':
      return { select: [Prisma.sql`s."parentId"`] };
    case 'PERIOD':
      return { select: [Prisma.sql`date_trunc(${bucketSql(bucket)}, s."startDate")::date AS period`] };
  }
}

async function groupedCounts(
  table: 'Statement' | 'Event',
  where: Prisma.Sql,
  dimensions: DimensionSql[],
  periodFirst: boolean,
  limit: number,
  distinct: boolean,
): Promise<GroupRow[]> {
  const select = dimensions.flatMap((d) => d.select);
  const joins = dimensions.flatMap((d) => (d.join ? [d.join] : []));
  const keys = select.map((_, i) => Prisma.raw(String(i + 1)));
  const count = distinct ? Prisma.sql`count(DISTINCT s.id)::int` : Prisma.sql`count(*)::int`;
  const groupBy = keys.length > 0 ? Prisma.sql`GROUP BY ${Prisma.join(keys)}` : Prisma.empty;
  const order = periodFirst
    ? Prisma.sql`ORDER BY period ASC NULLS LAST, count DESC`
    : Prisma.sql`ORDER BY count DESC${keys.length > 0 ? Prisma.sql`, ${Prisma.join(keys)}` : Prisma.empty}`;
  const rows = await prisma.$queryRaw<Partial<GroupRow>[]>`
    SELECT ${select.length > 0 ? Prisma.sql`${Prisma.join(select)},` : Prisma.empty} ${count} AS count
    FROM ${Prisma.raw(`"${table}"`)} s ${joins.length > 0 ? Prisma.join(joins, ' ') : Prisma.empty}
    WHERE ${where}
    ${groupBy}
    ${order}
    LIMIT ${limit}`;
  return rows.map((row) => ({
    count: Number(row.count),
    kind: row.kind ?? null,
    speakerPersonId: row.speakerPersonId ?? null,
    speakerOrganizationId: row.speakerOrganizationId ?? null,
    countryCode: row.countryCode ?? null,
    organizationId: row.organizationId ?? null,
    occasionId: row.occasionId ?? null,
    parentId: row.parentId ?? null,
    period: row.period ?? null,
  }));
}

export function statementGroups(query: GroupQuery<StatementDimension>) {
  const dims = [...new Set(query.groupBy)];
  return groupedCounts(
    'Statement',
    toSqlWhere(statementSpec, query.where, s),
    dims.map((d) => statementDimension(d, query.bucket)),
    dims.includes('PERIOD'),
    query.limit,
    dims.includes('ORGANIZATION'),
  );
}

export function eventGroups(query: GroupQuery<EventDimension>) {
  const dims = [...new Set(query.groupBy)];
  return groupedCounts(
    'Event',
    toSqlWhere(eventSpec, query.where, s),
    dims.map((d) => eventDimension(d, query.bucket)),
    dims.includes('PERIOD'),
    query.limit,
    false,
  );
}

/** Number of rows matching the filter (not the sum of the groups: a statement about two countries is in two). */
export async function matchingCount(table: 'Statement' | 'Event', where: FilterValue | null | undefined) {
  const spec = table === 'Statement' ? statementSpec : eventSpec;
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM ${Prisma.raw(`"${table}"`)} s WHERE ${toSqlWhere(spec, where, s)}`;
  return Number(row?.count ?? 0);
}

/**
 * For a series grouped by PERIOD alone: the buckets between the first and the last with no
 * rows, as zero-count groups, so a chart can plot the rows as they come.
 */
export function fillEmptyPeriods(rows: GroupRow[], bucket: TimeBucket): GroupRow[] {
  const dated = rows.filter((r) => r.period !== null);
  if (dated.length === 0) return rows;
  const byTime = new Map(dated.map((r) => [(r.period as Date).getTime(), r]));
  const first = dated[0]?.period as Date;
  const last = dated[dated.length - 1]?.period as Date;
  const filled: GroupRow[] = [];
  for (let day = new Date(first); day <= last; day = nextBucket(day, bucket)) {
    filled.push(byTime.get(day.getTime()) ?? { ...emptyGroup, period: new Date(day) });
  }
  return [...filled, ...rows.filter((r) => r.period === null)];
}

const emptyGroup: GroupRow = {
  count: 0,
  kind: null,
  speakerPersonId: null,
  speakerOrganizationId: null,
  countryCode: null,
  organizationId: null,
  occasionId: null,
  parentId: null,
  period: null,
};

/** Start of the bucket after the one starting on `date`. */
export function nextBucket(date: Date, bucket: TimeBucket): Date {
  const next = new Date(date);
  if (bucket === 'DAY') next.setUTCDate(next.getUTCDate() + 1);
  if (bucket === 'WEEK') next.setUTCDate(next.getUTCDate() + 7);
  if (bucket === 'MONTH') next.setUTCMonth(next.getUTCMonth() + 1);
  if (bucket === 'YEAR') next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}
