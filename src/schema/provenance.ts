/**
 * Provenance of the graph itself: every node lists the articles that support it, the articles
 * whose annotations resolved an entity to it (see Resolution). A node no article supports is
 * deleted when its last article is replaced or removed.
 */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import { keysetPage } from './lists.js';

const description =
  'The articles that support this node: every article whose annotation names it (in order of ingestion). Their resolutions say how each one was matched.';

function supportedBy<Parent>(
  type: 'Person' | 'Organization' | 'Event' | 'Country',
  where: (parent: Parent) => Prisma.ResolutionWhereInput,
) {
  builder.prismaObjectField(type, 'supportedBy', (t) =>
    t.prismaConnection({
      type: 'Article',
      cursor: 'id',
      description,
      totalCount: (parent) => prisma.article.count({ where: { resolutions: { some: where(parent as Parent) } } }),
      resolve: (query, parent) =>
        prisma.article.findMany(
          keysetPage(
            query,
            { where: { resolutions: { some: where(parent as Parent) } }, orderBy: [{ id: 'asc' as const }] },
            'id',
          ),
        ),
    }),
  );
}

supportedBy<{ id: number }>('Person', (p) => ({ personId: p.id }));
supportedBy<{ id: number }>('Organization', (o) => ({ organizationId: o.id }));
supportedBy<{ id: number }>('Event', (e) => ({ eventId: e.id }));
supportedBy<{ code: string }>('Country', (c) => ({ countryCode: c.code }));
