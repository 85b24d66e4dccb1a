/** The audit trail of curation: every edit with who, when, the item before and after, and its revert. */
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { editSpec } from '../filters/entities.js';
import type { Prisma } from '../generated/prisma/client.js';
import { EditFilter } from './filters.js';
import { keysetPage, listOf } from './lists.js';
import { EditOrder } from './ordering.js';

export const Edit = builder.prismaNode('Edit', {
  id: { field: 'id' },
  nullable: true,
  description:
    'One curation edit: who made it and when, what it changed (before and after), and whether it was reverted.',
  fields: (t) => ({
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    actor: t.exposeString('actor', { description: 'The name of the API key that made it.' }),
    operation: t.exposeString('operation', {
      description: 'e.g. CREATE_STATEMENT, UPDATE_PERSON, DELETE_EVENT_RELATION, REVERT.',
    }),
    targetType: t.exposeString('targetType', {
      description: 'What was edited: Statement, Event, Role, EventParticipant, EventRelation, Person or Organization.',
    }),
    targetKey: t.exposeString('targetKey', {
      description: 'Its key: a statement’s or node’s key, or the parts that identify a role, participant or relation.',
    }),
    article: t.relation('article', {
      nullable: true,
      description: 'The article whose facts it edited (none for a person or organization).',
    }),
    before: t.expose('before', {
      type: 'JSON',
      nullable: true,
      description: 'The item before the edit (null: it did not exist).',
    }),
    after: t.expose('after', {
      type: 'JSON',
      nullable: true,
      description: 'The item after the edit (null: it was deleted).',
    }),
    version: t.exposeInt('version', { description: 'The version of the article or node the edit produced.' }),
    reverts: t.relation('reverts', { nullable: true, description: 'The edit this one reverts.' }),
    revertedBy: t.relation('revertedBy', { nullable: true, description: 'The edit that reverted this one.' }),
  }),
});

const editList = listOf<Prisma.EditWhereInput, Prisma.EditOrderByWithRelationInput>(editSpec, EditFilter, EditOrder, [
  'ID_ASC',
]);

builder.queryFields((t) => ({
  edits: t.prismaConnection({
    type: 'Edit',
    cursor: 'id',
    description: 'Curation edits, filtered and ordered (by default oldest first).',
    args: editList.args,
    totalCount: (_root, args) => prisma.edit.count({ where: editList.where(args.where) }),
    resolve: (query, _root, args) => prisma.edit.findMany(keysetPage(query, editList.query(args), 'id')),
  }),
}));

/** `edits` of a node: the edits whose target is it. */
function editsOf(type: 'Person' | 'Organization' | 'Event' | 'Statement') {
  const keyOf = (parent: unknown) => (parent as { key: string }).key;
  builder.prismaObjectField(type, 'edits', (t) =>
    t.prismaConnection({
      type: 'Edit',
      cursor: 'id',
      description: `Curation edits of this ${type.toLowerCase()}, oldest first.`,
      totalCount: (parent) => prisma.edit.count({ where: { targetType: type, targetKey: keyOf(parent) } }),
      resolve: (query, parent) =>
        prisma.edit.findMany(
          keysetPage(
            query,
            { where: { targetType: type, targetKey: keyOf(parent) }, orderBy: [{ id: 'asc' as const }] },
            'id',
          ),
        ),
    }),
  );
}
for (const type of ['Person', 'Organization', 'Event', 'Statement'] as const) editsOf(type);

builder.prismaObjectField('Article', 'edits', (t) =>
  t.relatedConnection('edits', {
    cursor: 'id',
    totalCount: true,
    description: 'Curation edits of this article’s facts, oldest first.',
    query: { orderBy: { id: 'asc' } },
  }),
);
