/** Resolutions: how each article's entities were matched to nodes, for curators to audit and undo. */
import { wrapErrorIfMatches } from '@pothos/plugin-errors';
import { actorName } from '../auth/keys.js';
import { builder } from '../builder.js';
import { UndoResolutionError, undoResolution } from '../curate/undo.js';
import { prisma } from '../db.js';
import { resolutionSpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { Country } from './country.js';
import { EntityKind, ResolutionRule } from './enums.js';
import { Event } from './event.js';
import { ResolutionFilter } from './filters.js';
import { asIngestResult, INGEST_ERRORS, IngestedArticle } from './ingest.js';
import { keysetPage, listOf } from './lists.js';
import { ResolutionOrder } from './ordering.js';
import { Organization } from './organization.js';
import { Person } from './person.js';

export const ResolvedNode = builder.unionType('ResolvedNode', {
  description: 'A node an article’s entity can resolve to.',
  types: [Person, Organization, Country, Event],
});

export const Resolution = builder.prismaNode('Resolution', {
  id: { field: 'id' },
  nullable: true,
  description:
    'How one entity of one article’s annotation was resolved to a node: by which rule, how surely, and why. Every node’s supporting articles are the articles of its resolutions.',
  fields: (t) => ({
    article: t.relation('article'),
    kind: t.expose('kind', { type: EntityKind }),
    localKey: t.exposeString('localKey', {
      description: 'The key the article’s annotation gave the entity (for a country: the name it used).',
    }),
    description: t.expose('description', {
      type: 'JSON',
      description: 'What the annotation said of the entity: name, aliases, roles, dates…',
    }),
    rule: t.expose('rule', { type: ResolutionRule }),
    score: t.exposeFloat('score', {
      description:
        'How well it matched: 0.8 or more is strong (1 for hints and new nodes). An event’s score adds up every agreeing piece of evidence and may exceed 1.',
    }),
    reason: t.exposeString('reason', { description: 'Why, in words.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    node: t.field({
      type: ResolvedNode,
      select: (_args, _ctx, nestedSelection) => ({
        person: nestedSelection(true, [], 'Person'),
        organization: nestedSelection(true, [], 'Organization'),
        country: nestedSelection(true, [], 'Country'),
        event: nestedSelection(true, [], 'Event'),
      }),
      // The database guarantees exactly one target (Resolution_one_target).
      resolve: (r) => {
        if (r.person) return Person.addBrand(r.person);
        if (r.organization) return Organization.addBrand(r.organization);
        if (r.event) return Event.addBrand(r.event);
        return Country.addBrand(r.country as NonNullable<typeof r.country>);
      },
    }),
  }),
});

export const resolutionList = listOf<Prisma.ResolutionWhereInput, Prisma.ResolutionOrderByWithRelationInput>(
  resolutionSpec,
  ResolutionFilter,
  ResolutionOrder,
  ['ID_ASC'],
);

builder.queryFields((t) => ({
  resolutions: t.prismaConnection({
    type: 'Resolution',
    cursor: 'id',
    description:
      'The audit trail of entity resolution, filtered and ordered: e.g. every weak rule (`rule: SURNAME_AND_ROLE`), or everything one article resolved (`article: { title: … }`).',
    args: resolutionList.args,
    totalCount: (_root, args) => prisma.resolution.count({ where: resolutionList.where(args.where) }),
    resolve: (query, _root, args) => prisma.resolution.findMany(keysetPage(query, resolutionList.query(args), 'id')),
  }),
}));

builder.objectType(UndoResolutionError, {
  name: 'UndoResolutionError',
  description: 'The resolution cannot be undone; nothing was changed.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const UndoResolutionInput = builder.inputType('UndoResolutionInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'The Resolution to undo: its entity gets a node of its own.' }),
  }),
});

const UndoResolutionResult = builder.errorUnion('UndoResolutionResult', {
  description: 'The article as ingested again, or why nothing was changed.',
  types: [IngestedArticle, UndoResolutionError, ...INGEST_ERRORS],
  resolveType: () => 'IngestedArticle',
});

builder.mutationField('undoResolution', (t) =>
  t.field({
    type: UndoResolutionResult,
    authScopes: { curate: true },
    description:
      'Undoes a resolution: the article is ingested again with the entity marked `resolve: "new"`, so it gets a node of its own (recorded as HINT_NEW, with the curator as the ingesting key). Needs scope curate.',
    args: { input: t.arg({ type: UndoResolutionInput, required: true }) },
    resolve: (_root, { input }, context) =>
      asIngestResult(async () => {
        try {
          return await undoResolution(prisma, String(input.id), actorName(context.auth));
        } catch (error) {
          if (error instanceof UndoResolutionError) return wrapErrorIfMatches(error, [UndoResolutionError]) as never;
          throw error;
        }
      }),
  }),
);
