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
