/** Curation of identity: `mergeEntities` (scope curate) makes two nodes that are one entity into one. */
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { MergeError, type MergeOutcome, mergeEntities } from '../curate/merge.js';
import { prisma } from '../db.js';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../db-errors.js';
import { GraphInputError } from '../graph/types.js';
import { Event } from './event.js';
import { Organization } from './organization.js';
import { Person } from './person.js';
import { ResolvedNode } from './resolution.js';

builder.objectType(MergeError, {
  name: 'MergeError',
  description: 'The merge cannot be done as asked; nothing was changed.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const MergeEntitiesInput = builder.inputType('MergeEntitiesInput', {
  fields: (t) => ({
    keep: t.id({ required: true, description: 'The node that stays (a Person, Organization or Event ID).' }),
    merge: t.id({
      required: true,
      description: 'The node merged into it and deleted; its ID goes on resolving to the kept one.',
    }),
  }),
});

const MovedRows = builder.simpleObject('MovedRows', {
  description: 'Rows that pointed at the merged node and now point at the kept one.',
  fields: (t) => ({ table: t.string(), count: t.int() }),
});

const MergedEntities = builder.objectRef<MergeOutcome>('MergedEntities').implement({
  description: 'A successful merge.',
  fields: (t) => ({
    kept: t.field({
      type: ResolvedNode,
      resolve: async (o) => {
        const where = { id: o.keptId };
        if (o.kind === 'Person') return Person.addBrand(await prisma.person.findUniqueOrThrow({ where }));
        if (o.kind === 'Organization')
          return Organization.addBrand(await prisma.organization.findUniqueOrThrow({ where }));
        return Event.addBrand(await prisma.event.findUniqueOrThrow({ where }));
      },
    }),
    mergedKey: t.string({
      description: 'The key of the node that was merged, now a former key of the kept one.',
      resolve: (o) => o.mergedKey,
    }),
    moved: t.field({
      type: [MovedRows],
      resolve: (o) => Object.entries(o.moved).map(([table, count]) => ({ table, count })),
    }),
  }),
});

builder.mutationField('mergeEntities', (t) =>
  t.field({
    type: MergedEntities,
    authScopes: { curate: true },
    description:
      'Merges two nodes that are one entity, keeping every statement, event, role, mention, resolution and alias. Needs scope curate.',
    errors: { types: [MergeError], directResult: true, union: { name: 'MergeEntitiesResult' } },
    args: { input: t.arg({ type: MergeEntitiesInput, required: true }) },
    resolve: async (_root, { input }) => {
      try {
        return await mergeEntities(prisma, String(input.keep), String(input.merge));
      } catch (error) {
        if (error instanceof GraphInputError) throw new MergeError(error.message);
        if (isDatabaseUnavailable(error)) {
          const unavailable = new DatabaseUnavailableError(error);
          throw new GraphQLError(unavailable.message, {
            extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
          });
        }
        throw error;
      }
    },
  }),
);
