/** Filter and order arguments of a collection, and the Prisma query they make. */
import { builder } from '../builder.js';
import { type EntitySpec, type FilterValue, toPrismaWhere } from '../filters/spec.js';
import { filterLimits, type StatementFilter } from './filters.js';
import type { orderByEnum } from './ordering.js';

/** Every generated filter input has this type (see filters.ts). */
type FilterRef = typeof StatementFilter;

export interface ListArgs {
  where?: FilterValue | null;
  orderBy?: readonly string[] | null;
}

export function listOf<Where, OrderBy>(
  spec: EntitySpec,
  filter: FilterRef,
  order: ReturnType<typeof orderByEnum>,
  defaultOrder: readonly string[],
) {
  const args = builder.args((t) => ({
    where: t.field({ type: filter, validate: filterLimits }),
    orderBy: t.field({
      type: [order.ref],
      description: `Sort keys, the first one first; default ${defaultOrder.join(', ')}. Ties are broken by ID.`,
    }),
  }));
  const where = (value: FilterValue | null | undefined) => toPrismaWhere(spec, value) as Where;
  const query = (a: ListArgs) => ({
    where: where(a.where),
    orderBy: order.toPrisma(a.orderBy, defaultOrder) as OrderBy[],
  });
  return { args, where, query };
}

/**
 * A page query with the cursor turned into a keyset condition when the order is the primary
 * key alone (the default of most lists). Given `cursor`, Prisma 6.19 leaves its relation joins
 * and loads every relation with a query of its own (6 statements for a page of statements
 * instead of 1); `id > cursor` keeps the page one joined statement, read from the primary key.
 */
export function keysetPage<
  Q extends { cursor?: unknown; skip?: number; take?: number },
  P extends { where: unknown; orderBy: unknown[] },
>(query: Q, page: P, key: string) {
  const [only, ...more] = page.orderBy as Record<string, unknown>[];
  const cursorValue = (query.cursor as Record<string, unknown> | undefined)?.[key];
  if (more.length > 0 || only?.[key] !== 'asc' || cursorValue === undefined || query.skip !== 1) {
    return { ...query, ...page };
  }
  const { cursor: _cursor, ...rest } = query;
  const bound = (query.take ?? 0) >= 0 ? { gt: cursorValue } : { lt: cursorValue };
  // The condition excludes the cursor row itself, which `skip: 1` used to skip.
  return { ...rest, skip: 0, ...page, where: { AND: [page.where, { [key]: bound }] } } as Q & P;
}
