/**
 * Ordering: each collection has an `<Entity>OrderBy` enum (PostGraphile style: NAME_ASC,
 * STATEMENT_COUNT_DESC, ...) and takes a list of them. The row's primary key is always appended
 * as the last key, so that order is total and cursor pagination stays stable under it.
 */
import { builder } from '../builder.js';

type Direction = 'asc' | 'desc';

/** A sort key: a column (nullable columns sort their nulls last in both directions). */
interface SortKey {
  column: string;
  nullable?: boolean;
  description: string;
}

export function orderByEnum<const Keys extends Record<string, SortKey>>(name: string, keys: Keys, primaryKey: string) {
  const values: Record<string, { value: string; description: string }> = {};
  for (const [key, spec] of Object.entries(keys)) {
    values[`${key}_ASC`] = { value: `${key}_ASC`, description: `${spec.description}, ascending.` };
    values[`${key}_DESC`] = { value: `${key}_DESC`, description: `${spec.description}, descending.` };
  }
  const ref = builder.enumType(name, { values: values as Record<string, { value: string }> });

  /** Prisma orderBy for a list of enum values (default first), with the primary key last. */
  const toPrisma = (order: readonly string[] | null | undefined, fallback: readonly string[]) => {
    const chosen = order && order.length > 0 ? order : fallback;
    const result: Record<string, unknown>[] = [];
    const used = new Set<string>();
    for (const value of chosen) {
      const cut = value.lastIndexOf('_');
      const key = keys[value.slice(0, cut)] as SortKey;
      const direction = value.slice(cut + 1).toLowerCase() as Direction;
      if (used.has(key.column)) continue;
      used.add(key.column);
      result.push({ [key.column]: key.nullable ? { sort: direction, nulls: 'last' } : direction });
    }
    if (!used.has(primaryKey)) result.push({ [primaryKey]: 'asc' });
    return result;
  };
  return { ref, toPrisma };
}

export const StatementOrder = orderByEnum(
  'StatementOrderBy',
  {
    ID: { column: 'id', description: 'Order of recording' },
    SAID_ON: { column: 'saidOn', nullable: true, description: 'Date said (unknown dates last)' },
    KIND: { column: 'kind', description: 'Kind' },
  },
  'id',
);

export const EventOrder = orderByEnum(
  'EventOrderBy',
  {
    ID: { column: 'id', description: 'Order of recording' },
    START_DATE: { column: 'startDate', nullable: true, description: 'Start date (unknown dates last)' },
    END_DATE: { column: 'endDate', nullable: true, description: 'End date (unknown dates last)' },
    KIND: { column: 'kind', description: 'Kind' },
    TITLE: { column: 'title', description: 'Title' },
  },
  'id',
);

export const PersonOrder = orderByEnum(
  'PersonOrderBy',
  {
    ID: { column: 'id', description: 'Order of recording' },
    NAME: { column: 'name', description: 'Name' },
    STATEMENT_COUNT: { column: 'statementCount', description: 'Number of statements made' },
  },
  'id',
);

export const OrganizationOrder = orderByEnum(
  'OrganizationOrderBy',
  {
    ID: { column: 'id', description: 'Order of recording' },
    NAME: { column: 'name', description: 'Name' },
    STATEMENT_COUNT: { column: 'statementCount', description: 'Number of statements made' },
  },
  'id',
);

export const CountryOrder = orderByEnum(
  'CountryOrderBy',
  {
    CODE: { column: 'code', description: 'Alpha-2 code' },
    NAME: { column: 'name', description: 'Name' },
    STATEMENT_COUNT: { column: 'statementCount', description: 'Number of statements about it' },
    EVENT_COUNT: { column: 'eventCount', description: 'Number of events in it' },
  },
  'code',
);

export const ArticleOrder = orderByEnum(
  'ArticleOrderBy',
  {
    ID: { column: 'id', description: 'Order of recording' },
    PUBLISHED_ON: { column: 'publishedOn', description: 'Publication date' },
    TITLE: { column: 'title', description: 'Title' },
  },
  'id',
);

export const ResolutionOrder = orderByEnum(
  'ResolutionOrderBy',
  {
    ID: { column: 'id', description: 'Order of recording' },
    SCORE: { column: 'score', description: 'How sure the rule was' },
  },
  'id',
);

export const EditOrder = orderByEnum('EditOrderBy', { ID: { column: 'id', description: 'Order of the edits' } }, 'id');
