/** Dashboard aggregations: grouped counts of statements and events, chart-ready. */
import { z } from 'zod';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import type { FilterValue } from '../filters/spec.js';
import {
  EVENT_DIMENSIONS,
  type EventDimension,
  eventGroups,
  fillEmptyPeriods,
  type GroupRow,
  MAX_GROUPS,
  matchingCount,
  nextBucket,
  STATEMENT_DIMENSIONS,
  type StatementDimension,
  statementGroups,
  TIME_BUCKETS,
  type TimeBucket,
} from '../stats/grouped.js';
import { Country } from './country.js';
import { EventKind, StatementKind } from './enums.js';
import { Event } from './event.js';
import { EventFilter, filterLimits, StatementFilter } from './filters.js';
import { Organization } from './organization.js';
import { Person } from './person.js';
import { Speaker } from './statement.js';

const TimeBucketEnum = builder.enumType('TimeBucket', {
  description: 'Width of a time bucket. WEEK buckets start on Monday (ISO weeks).',
  values: TIME_BUCKETS,
});
const StatementDimensionEnum = builder.enumType('StatementDimension', {
  description:
    'What to group statements by. COUNTRY counts a statement once for each country it is about; ' +
    'ORGANIZATION is the speaking organization, or the organizations of the speaking person’s roles.',
  values: STATEMENT_DIMENSIONS,
});
const EventDimensionEnum = builder.enumType('EventDimension', {
  description: 'What to group events by. PERIOD buckets the start date.',
  values: EVENT_DIMENSIONS,
});

/** A group with the rows it refers to, loaded once for the whole answer. */
interface GroupShape extends GroupRow {
  speaker: object | null;
  country: object | null;
  organization: object | null;
  occasion: object | null;
  parent: object | null;
  bucket: TimeBucket;
}

/** Loads the persons, organizations, countries and events the groups name: at most 4 queries. */
async function withEntities(rows: GroupRow[], bucket: TimeBucket): Promise<GroupShape[]> {
  const ids = (pick: (r: GroupRow) => number | string | null) => [
    ...new Set(rows.map(pick).filter((v): v is NonNullable<typeof v> => v !== null)),
  ];
  const personIds = ids((r) => r.speakerPersonId) as number[];
  const orgIds = ids((r) => r.speakerOrganizationId ?? r.organizationId) as number[];
  const eventIds = ids((r) => r.occasionId ?? r.parentId) as number[];
  const codes = ids((r) => r.countryCode) as string[];
  const [persons, orgs, events, countries] = await Promise.all([
    personIds.length ? prisma.person.findMany({ where: { id: { in: personIds } } }) : [],
    orgIds.length ? prisma.organization.findMany({ where: { id: { in: orgIds } } }) : [],
    eventIds.length ? prisma.event.findMany({ where: { id: { in: eventIds } } }) : [],
    codes.length ? prisma.country.findMany({ where: { code: { in: codes } } }) : [],
  ]);
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const personMap = byId(persons);
  const orgMap = byId(orgs);
  const eventMap = byId(events);
  const countryMap = new Map(countries.map((c) => [c.code, c]));
  return rows.map((row) => {
    const person = row.speakerPersonId === null ? undefined : personMap.get(row.speakerPersonId);
    const speakerOrg = row.speakerOrganizationId === null ? undefined : orgMap.get(row.speakerOrganizationId);
    return {
      ...row,
      bucket,
      speaker: person ? Person.addBrand(person) : speakerOrg ? Organization.addBrand(speakerOrg) : null,
      country: row.countryCode === null ? null : (countryMap.get(row.countryCode) ?? null),
      organization: row.organizationId === null ? null : (orgMap.get(row.organizationId) ?? null),
      occasion: row.occasionId === null ? null : (eventMap.get(row.occasionId) ?? null),
      parent: row.parentId === null ? null : (eventMap.get(row.parentId) ?? null),
    };
  });
}

/** Last day of the bucket starting on `start`. */
function periodEnd(start: Date, bucket: TimeBucket): Date {
  const end = nextBucket(start, bucket);
  end.setUTCDate(end.getUTCDate() - 1);
  return end;
}

/** What every group has: its count and, when grouped by PERIOD, its time bucket. */
const CountGroup = builder.interfaceRef<GroupShape>('CountGroup').implement({
  description: 'A number of rows sharing the values of the dimensions grouped by.',
  fields: (t) => ({
    count: t.exposeInt('count'),
    period: t.field({
      type: 'Date',
      nullable: true,
      description: 'First day of the time bucket (null: the date is unknown). Set when grouped by PERIOD.',
      resolve: (g) => g.period,
    }),
    periodEnd: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day of the time bucket.',
      resolve: (g) => (g.period ? periodEnd(g.period, g.bucket) : null),
    }),
  }),
});

const StatementGroup = builder.objectRef<GroupShape>('StatementGroup').implement({
  description: 'A number of statements sharing the values of the dimensions grouped by; the others are null.',
  interfaces: [CountGroup],
  fields: (t) => ({
    speaker: t.field({ type: Speaker, nullable: true, resolve: (g) => g.speaker as never }),
    country: t.field({ type: Country, nullable: true, resolve: (g) => g.country as never }),
    kind: t.field({ type: StatementKind, nullable: true, resolve: (g) => g.kind as never }),
    organization: t.field({ type: Organization, nullable: true, resolve: (g) => g.organization as never }),
    occasion: t.field({ type: Event, nullable: true, resolve: (g) => g.occasion as never }),
  }),
});

const EventGroup = builder.objectRef<GroupShape>('EventGroup').implement({
  description: 'A number of events sharing the values of the dimensions grouped by; the others are null.',
  interfaces: [CountGroup],
  fields: (t) => ({
    kind: t.field({ type: EventKind, nullable: true, resolve: (g) => g.kind as never }),
    country: t.field({ type: Country, nullable: true, resolve: (g) => g.country as never }),
    parent: t.field({ type: Event, nullable: true, resolve: (g) => g.parent as never }),
  }),
});

interface StatsShape {
  table: 'Statement' | 'Event';
  where: FilterValue | null | undefined;
  groups: GroupShape[];
  truncated: boolean;
}

const statsFields = (name: string, group: typeof StatementGroup, what: string) =>
  builder.objectRef<StatsShape>(name).implement({
    fields: (t) => ({
      total: t.int({
        description: `Number of ${what} matching the filter (counted only when selected).`,
        resolve: (stats) => matchingCount(stats.table, stats.where),
      }),
      groups: t.field({ type: [group], resolve: (stats) => stats.groups }),
      truncated: t.exposeBoolean('truncated', { description: 'More groups exist than `first` allowed.' }),
    }),
  });
const StatementStats = statsFields('StatementStats', StatementGroup, 'statements');
const EventStats = statsFields('EventStats', EventGroup, 'events');

const first = z.number().int().min(1).max(MAX_GROUPS, `first must be between 1 and ${MAX_GROUPS}`);
const groupBy = z
  .array(z.string())
  .min(1, 'groupBy needs at least one dimension')
  .max(4, 'groupBy takes at most 4 dimensions');

builder.queryFields((t) => ({
  statementStats: t.field({
    type: StatementStats,
    description:
      'Statements counted per group, e.g. per country per month (groupBy: [COUNTRY, PERIOD], bucket: MONTH), ' +
      'under the same filter as `statements`. Grouped by PERIOD, groups come in time order; otherwise largest first.',
    args: {
      where: t.arg({ type: StatementFilter, validate: filterLimits }),
      groupBy: t.arg({ type: [StatementDimensionEnum], required: true, validate: groupBy }),
      bucket: t.arg({ type: TimeBucketEnum, defaultValue: 'MONTH', required: true }),
      fillEmptyPeriods: t.arg.boolean({
        defaultValue: false,
        required: true,
        description:
          'With groupBy: [PERIOD] alone, add zero-count groups for empty buckets between the first and last.',
      }),
      first: t.arg.int({ defaultValue: 100, required: true, validate: first }),
    },
    resolve: async (_root, args) => {
      const dims = args.groupBy as StatementDimension[];
      const rows = await statementGroups({
        where: args.where,
        groupBy: dims,
        bucket: args.bucket,
        limit: args.first + 1,
      });
      const page = rows.slice(0, args.first);
      const filled =
        args.fillEmptyPeriods && dims.length === 1 && dims[0] === 'PERIOD' ? fillEmptyPeriods(page, args.bucket) : page;
      return {
        table: 'Statement' as const,
        where: args.where,
        groups: await withEntities(filled, args.bucket),
        truncated: rows.length > args.first,
      };
    },
  }),
  eventStats: t.field({
    type: EventStats,
    description:
      'Events counted per group (kind, country, parent event, start-date bucket), under the same filter as `events`.',
    args: {
      where: t.arg({ type: EventFilter, validate: filterLimits }),
      groupBy: t.arg({ type: [EventDimensionEnum], required: true, validate: groupBy }),
      bucket: t.arg({ type: TimeBucketEnum, defaultValue: 'MONTH', required: true }),
      first: t.arg.int({ defaultValue: 100, required: true, validate: first }),
    },
    resolve: async (_root, args) => {
      const dims = args.groupBy as EventDimension[];
      const rows = await eventGroups({ where: args.where, groupBy: dims, bucket: args.bucket, limit: args.first + 1 });
      return {
        table: 'Event' as const,
        where: args.where,
        groups: await withEntities(rows.slice(0, args.first), args.bucket),
        truncated: rows.length > args.first,
      };
    },
  }),
}));
