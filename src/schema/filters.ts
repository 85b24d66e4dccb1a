/**
 * Filter inputs shared by the collections. Filters are an allow-list: each input names the
 * few indexed or cheap fields a client may filter on and maps them to a Prisma `where`;
 * nothing else of Prisma's query language is reachable from the API.
 */
import { z } from 'zod';
import { builder } from '../builder.js';

/** Largest list accepted by an `in` filter. */
export const MAX_IN_LIST = 100;

export interface StringFilterShape {
  equals?: string | null;
  in?: string[] | null;
  contains?: string | null;
  startsWith?: string | null;
}

export const StringFilter = builder.inputRef<StringFilterShape>('StringFilter').implement({
  description: 'Case-insensitive string matching. Several operators together must all hold.',
  fields: (t) => ({
    equals: t.string(),
    in: t.stringList({ validate: z.array(z.string()).max(MAX_IN_LIST, `in accepts at most ${MAX_IN_LIST} values`) }),
    contains: t.string({ validate: z.string().min(1, 'contains needs at least one character') }),
    startsWith: t.string({ validate: z.string().min(1, 'startsWith needs at least one character') }),
  }),
});

/** The Prisma string filter for a StringFilter input (always case-insensitive). */
export function stringWhere(filter: StringFilterShape | null | undefined) {
  if (!filter) return undefined;
  return {
    mode: 'insensitive' as const,
    ...(filter.equals != null && { equals: filter.equals }),
    ...(filter.in != null && { in: filter.in }),
    ...(filter.contains != null && { contains: filter.contains }),
    ...(filter.startsWith != null && { startsWith: filter.startsWith }),
  };
}

/** Drops undefined keys so a filter without fields becomes `{}` (match everything). */
export function compact<T extends object>(where: T): T {
  return Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined)) as T;
}
