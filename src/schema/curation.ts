/**
 * Curation mutations (scope curate): create, update and delete persons, organizations,
 * statements, events and their relations (roles, participants, about-countries, event
 * relations), each validated like ingestion, recorded as an Edit, and guarded by the version
 * the curator read (optimistic concurrency); `revertEdit` (scope admin) undoes one.
 */
import { actorName } from '../auth/keys.js';
import { builder, type Context } from '../builder.js';
import * as edits from '../curate/article-edits.js';
import type { ArticleEdit } from '../curate/document.js';
import { CurationInputError, EditConflictError } from '../curate/errors.js';
import * as nodes from '../curate/nodes.js';
import { revertEdit } from '../curate/revert.js';
import { prisma } from '../db.js';
import { AnnotationInvalidError, UnresolvedEntitiesError } from '../ingest/index.js';
import {
  DatePrecision,
  EventKind,
  EventRelationType,
  OrganizationKind,
  ParticipantRole,
  StatementKind,
} from './enums.js';

builder.objectType(EditConflictError, {
  name: 'EditConflictError',
  description:
    'Someone changed the article or node since you read it: read it again (its `version`) and redo the edit.',
  fields: (t) => ({
    message: t.exposeString('message'),
    expectedVersion: t.exposeInt('expectedVersion'),
    currentVersion: t.exposeInt('currentVersion'),
  }),
});

builder.objectType(CurationInputError, {
  name: 'CurationInputError',
  description: 'The edit names something that does not exist, or asks for something that cannot be done.',
  fields: (t) => ({ message: t.exposeString('message'), field: t.exposeString('field') }),
});

const CURATION_ERRORS = [EditConflictError, CurationInputError, AnnotationInvalidError, UnresolvedEntitiesError];

const SpanInput = builder.inputType('SpanInput', {
  description:
    'A span of the article: [start, end) in UTF-16 code units, and its exact text (checked against the article).',
  fields: (t) => ({
    start: t.int({ required: true }),
    end: t.int({ required: true }),
    text: t.string({ required: true }),
  }),
});

const DateValueInput = builder.inputType('DateValueInput', {
  description:
    'A date as the text gives it: "2022-01-10" (DAY), "2022-01" (MONTH) or "2022" (YEAR), and how it was resolved.',
  fields: (t) => ({
    value: t.string({ required: true }),
    precision: t.field({ type: DatePrecision, required: true }),
    basis: t.string({ required: true }),
  }),
});

/** What an edit of an article's facts answers: the edit, the article, and the edited statement or event. */
interface ArticleEdited {
  edit: ArticleEdit;
  statementKey?: string;
  eventKey?: string;
}

const ArticleEditedRef = builder.objectRef<ArticleEdited>('ArticleEdited').implement({
  description: 'An edit of an article’s facts, ingested again and recorded.',
  fields: (t) => ({
    edit: t.prismaField({
      type: 'Edit',
      resolve: (query, o) => prisma.edit.findUniqueOrThrow({ ...query, where: { id: o.edit.editId } }),
    }),
    article: t.prismaField({
      type: 'Article',
      description: 'The article, with its new version.',
      resolve: (query, o) => prisma.article.findUniqueOrThrow({ ...query, where: { id: o.edit.outcome.articleId } }),
    }),
    statement: t.prismaField({
      type: 'Statement',
      nullable: true,
      description: 'The statement edited (null after a deletion, or for other edits).',
      resolve: (query, o) =>
        prisma.statement.findUnique({ ...query, where: o.statementKey ? { key: o.statementKey } : { id: -1 } }),
    }),
    event: t.prismaField({
      type: 'Event',
      nullable: true,
      description: 'The event edited (null after a deletion that left no report of it, or for other edits).',
      resolve: (query, o) =>
        prisma.event.findUnique({ ...query, where: o.eventKey ? { key: o.eventKey } : { id: -1 } }),
    }),
  }),
});

const NodeEditedRef = builder.objectRef<nodes.NodeEdit>('NodeEdited').implement({
  description: 'An edit of a person or organization, recorded.',
  fields: (t) => ({
    edit: t.prismaField({
      type: 'Edit',
      resolve: (query, o) => prisma.edit.findUniqueOrThrow({ ...query, where: { id: o.editId } }),
    }),
    person: t.prismaField({
      type: 'Person',
      nullable: true,
      resolve: (query, o) => prisma.person.findUnique({ ...query, where: { id: o.type === 'Person' ? o.id : -1 } }),
    }),
    organization: t.prismaField({
      type: 'Organization',
      nullable: true,
      resolve: (query, o) =>
        prisma.organization.findUnique({ ...query, where: { id: o.type === 'Organization' ? o.id : -1 } }),
    }),
  }),
});

const EditRevertedRef = builder.objectRef<{ editId: number; revertedId: number }>('EditReverted').implement({
  description: 'A reverted edit, and the edit that reverted it.',
  fields: (t) => ({
    edit: t.prismaField({
      type: 'Edit',
      resolve: (query, o) => prisma.edit.findUniqueOrThrow({ ...query, where: { id: o.editId } }),
    }),
    reverted: t.prismaField({
      type: 'Edit',
      resolve: (query, o) => prisma.edit.findUniqueOrThrow({ ...query, where: { id: o.revertedId } }),
    }),
  }),
});

const statementFields = {
  kind: { type: StatementKind, description: 'QUOTE or PARAPHRASE.' },
  speaker: { type: 'ID', description: 'The Person or Organization who said it.' },
  text: { type: SpanInput, description: 'The words said (QUOTE: inside the marks; PARAPHRASE: the reported clause).' },
  attribution: { type: SpanInput, description: 'The words attributing it (null removes it).' },
  about: { type: ['String'], description: 'The countries it is about: codes or names.' },
  saidOn: { type: DateValueInput, description: 'When it was said (null: unknown).' },
  occasion: { type: 'ID', description: 'The Event at which it was said (null removes it).' },
  note: { type: 'String', description: 'An editorial remark (null removes it).' },
} as const;

const eventFields = {
  title: { type: 'String' },
  kind: { type: EventKind },
  start: { type: DateValueInput, description: 'null: unknown.' },
  end: { type: DateValueInput, description: 'null: unknown.' },
  country: { type: 'String', description: 'A country code or name (null: none).' },
  location: { type: 'String', description: 'The place as the article words it (null: none).' },
  parent: { type: 'ID', description: 'The larger Event this one is a phase of (null: none).' },
  evidence: { type: SpanInput, description: 'The sentence or clause stating the event.' },
} as const;

type FieldSpec = { type: unknown; description?: string };

/** An input type from a field table, plus the fields every input of its kind has. */
function inputOf(
  name: string,
  description: string,
  base: Record<string, FieldSpec & { required?: boolean }>,
  optional: Record<string, FieldSpec>,
) {
  return builder.inputType(name, {
    description,
    fields: (t) => {
      const fields: Record<string, unknown> = {};
      for (const [key, spec] of Object.entries(base)) {
        fields[key] = t.field({
          type: spec.type as never,
          required: spec.required ?? true,
          description: spec.description,
        });
      }
      for (const [key, spec] of Object.entries(optional)) {
        fields[key] = t.field({ type: spec.type as never, required: false, description: spec.description });
      }
      return fields as never;
    },
  });
}

const ARTICLE = { type: 'ID', description: 'The Article whose facts are edited.' };
const VERSION = {
  type: 'Int',
  description: 'The version of the article (or node) you read: the edit is refused if it has changed since.',
};

const inputs = {
  CreateStatementInput: inputOf(
    'CreateStatementInput',
    'A new statement of an article.',
    {
      article: ARTICLE,
      expectedVersion: VERSION,
      kind: statementFields.kind,
      speaker: statementFields.speaker,
      text: statementFields.text,
    },
    {
      key: { type: 'String', description: 'Its key in the article (default: from its words).' },
      attribution: statementFields.attribution,
      about: statementFields.about,
      saidOn: statementFields.saidOn,
      occasion: statementFields.occasion,
      note: statementFields.note,
    },
  ),
  UpdateStatementInput: inputOf(
    'UpdateStatementInput',
    'Changes to a statement: fields left out stay as they are.',
    { id: { type: 'ID', description: 'The Statement.' }, expectedVersion: VERSION },
    statementFields,
  ),
  DeleteStatementInput: inputOf(
    'DeleteStatementInput',
    'A statement to delete (a quotation must stay covered by a statement).',
    { id: { type: 'ID' }, expectedVersion: VERSION },
    {},
  ),
  CreateEventInput: inputOf(
    'CreateEventInput',
    'A new event an article reports (it may resolve to an event another article reported).',
    {
      article: ARTICLE,
      expectedVersion: VERSION,
      title: eventFields.title,
      kind: eventFields.kind,
      evidence: eventFields.evidence,
    },
    {
      key: { type: 'String' },
      start: eventFields.start,
      end: eventFields.end,
      country: eventFields.country,
      location: eventFields.location,
      parent: eventFields.parent,
    },
  ),
  UpdateEventInput: inputOf(
    'UpdateEventInput',
    'Changes to one article’s report of an event (by default its primary report).',
    { id: { type: 'ID', description: 'The Event.' }, expectedVersion: VERSION },
    { article: { type: 'ID', description: 'Whose report (default: the primary one).' }, ...eventFields },
  ),
  DeleteEventInput: inputOf(
    'DeleteEventInput',
    'Takes an event out of one article’s report (with its participants, relations and the statements’ occasions).',
    { id: { type: 'ID' }, expectedVersion: VERSION },
    { article: { type: 'ID', description: 'Whose report (default: the primary one).' } },
  ),
  CreateRoleInput: inputOf(
    'CreateRoleInput',
    'A role an article says a person holds.',
    {
      article: ARTICLE,
      expectedVersion: VERSION,
      person: { type: 'ID' },
      title: { type: 'String' },
      evidence: { type: SpanInput },
    },
    { country: { type: 'String', description: 'A country code or name.' }, organization: { type: 'ID' } },
  ),
  DeleteRoleInput: inputOf(
    'DeleteRoleInput',
    'The roles of a person with this title, in one article.',
    { article: ARTICLE, expectedVersion: VERSION, person: { type: 'ID' }, title: { type: 'String' } },
    {},
  ),
  EventParticipantInput: inputOf(
    'EventParticipantInput',
    'A participant of an event, in one article’s report of it.',
    {
      article: ARTICLE,
      expectedVersion: VERSION,
      event: { type: 'ID' },
      role: { type: ParticipantRole },
      actor: { type: 'ID', description: 'A Person, Organization or Country.' },
    },
    {},
  ),
  CreateEventRelationInput: inputOf(
    'CreateEventRelationInput',
    'How an article connects two events, with the connecting words.',
    {
      article: ARTICLE,
      expectedVersion: VERSION,
      type: { type: EventRelationType },
      from: { type: 'ID' },
      to: { type: 'ID' },
      evidence: { type: SpanInput },
    },
    {},
  ),
  DeleteEventRelationInput: inputOf(
    'DeleteEventRelationInput',
    'A relation an article states, to delete.',
    {
      article: ARTICLE,
      expectedVersion: VERSION,
      type: { type: EventRelationType },
      from: { type: 'ID' },
      to: { type: 'ID' },
    },
    {},
  ),
  CreatePersonInput: inputOf(
    'CreatePersonInput',
    'A person of the graph (no article needed).',
    { name: { type: 'String' } },
    { key: { type: 'String' }, aliases: { type: ['String'] } },
  ),
  UpdatePersonInput: inputOf(
    'UpdatePersonInput',
    'Changes to a person: fields left out stay.',
    { id: { type: 'ID' }, expectedVersion: VERSION },
    { name: { type: 'String' }, aliases: { type: ['String'] } },
  ),
  DeleteNodeInput: inputOf(
    'DeleteNodeInput',
    'A node no article supports, to delete.',
    { id: { type: 'ID' }, expectedVersion: VERSION },
    {},
  ),
  CreateOrganizationInput: inputOf(
    'CreateOrganizationInput',
    'An organization of the graph (no article needed).',
    { name: { type: 'String' }, kind: { type: OrganizationKind } },
    {
      key: { type: 'String' },
      acronym: { type: 'String' },
      aliases: { type: ['String'] },
      parent: { type: 'ID' },
      country: { type: 'String' },
    },
  ),
  UpdateOrganizationInput: inputOf(
    'UpdateOrganizationInput',
    'Changes to an organization: fields left out stay; null removes acronym, parent or country.',
    { id: { type: 'ID' }, expectedVersion: VERSION },
    {
      name: { type: 'String' },
      acronym: { type: 'String' },
      aliases: { type: ['String'] },
      kind: { type: OrganizationKind },
      parent: { type: 'ID' },
      country: { type: 'String' },
    },
  ),
  RevertEditInput: inputOf(
    'RevertEditInput',
    'The edit to revert.',
    { id: { type: 'ID', description: 'The Edit.' } },
    {},
  ),
};

// biome-ignore lint/suspicious/noExplicitAny: the inputs are checked by GraphQL; the curate functions type their use
type Input = any;
type Resolve<T> = (input: Input, actor: string) => Promise<T>;

/** One curation mutation: scope, typed errors, the acting key's name. */
function curation<T>(
  name: string,
  description: string,
  input: keyof typeof inputs,
  type: typeof ArticleEditedRef | typeof NodeEditedRef | typeof EditRevertedRef,
  scope: 'curate' | 'admin',
  resolve: Resolve<T>,
) {
  builder.mutationField(name, (t) =>
    t.field({
      type: type as typeof ArticleEditedRef,
      description: `${description} Needs scope ${scope}.`,
      authScopes: scope === 'admin' ? { admin: true } : { curate: true },
      errors: { types: CURATION_ERRORS, directResult: true },
      args: { input: t.arg({ type: inputs[input], required: true }) },
      resolve: async (_root, args, context: Context) =>
        (await resolve(args.input, actorName(context.auth))) as unknown as ArticleEdited,
    }),
  );
}

const c = (actor: string) => ({ prisma, actor });
const statementKeyOf = (edit: ArticleEdit) => edit;

curation(
  'createStatement',
  'Adds a statement to an article.',
  'CreateStatementInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => {
    const edit = await edits.createStatement(c(actor), input);
    const row = await prisma.edit.findUniqueOrThrow({ where: { id: edit.editId }, select: { targetKey: true } });
    return { edit: statementKeyOf(edit), statementKey: row.targetKey };
  },
);
curation(
  'updateStatement',
  'Changes a statement.',
  'UpdateStatementInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => {
    const edit = await edits.updateStatement(c(actor), input);
    return {
      edit,
      statementKey: Buffer.from(input.id, 'base64')
        .toString('utf8')
        .replace(/^Statement:/, ''),
    };
  },
);
curation(
  'deleteStatement',
  'Deletes a statement.',
  'DeleteStatementInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => ({ edit: await edits.deleteStatement(c(actor), input) }),
);

const eventKeyOf = async (edit: ArticleEdit) =>
  (await prisma.edit.findUniqueOrThrow({ where: { id: edit.editId }, select: { targetKey: true } })).targetKey;
curation(
  'createEvent',
  'Adds an event to an article’s report.',
  'CreateEventInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => {
    const edit = await edits.createEvent(c(actor), input);
    return { edit, eventKey: await eventKeyOf(edit) };
  },
);
curation(
  'updateEvent',
  'Changes one article’s report of an event.',
  'UpdateEventInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => {
    const edit = await edits.updateEvent(c(actor), input);
    return { edit, eventKey: await eventKeyOf(edit) };
  },
);
curation(
  'deleteEvent',
  'Takes an event out of one article’s report.',
  'DeleteEventInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => {
    const edit = await edits.deleteEvent(c(actor), input);
    return { edit, eventKey: await eventKeyOf(edit) };
  },
);
curation(
  'createRole',
  'Adds a role an article gives a person.',
  'CreateRoleInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => ({ edit: await edits.createRole(c(actor), input) }),
);
curation(
  'deleteRole',
  'Deletes the roles of a title an article gives a person.',
  'DeleteRoleInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => ({ edit: await edits.deleteRole(c(actor), input) }),
);
curation(
  'createEventParticipant',
  'Adds a participant to an article’s report of an event.',
  'EventParticipantInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => ({ edit: await edits.createEventParticipant(c(actor), input) }),
);
curation(
  'deleteEventParticipant',
  'Deletes a participant from an article’s report of an event.',
  'EventParticipantInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => ({ edit: await edits.deleteEventParticipant(c(actor), input) }),
);
curation(
  'createEventRelation',
  'Adds a relation between two events an article states.',
  'CreateEventRelationInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => ({ edit: await edits.createEventRelation(c(actor), input) }),
);
curation(
  'deleteEventRelation',
  'Deletes a relation an article states.',
  'DeleteEventRelationInput',
  ArticleEditedRef,
  'curate',
  async (input, actor) => ({ edit: await edits.deleteEventRelation(c(actor), input) }),
);
curation('createPerson', 'Creates a person.', 'CreatePersonInput', NodeEditedRef, 'curate', (input, actor) =>
  nodes.createPerson(prisma, actor, input),
);
curation(
  'updatePerson',
  'Changes a person’s name or aliases.',
  'UpdatePersonInput',
  NodeEditedRef,
  'curate',
  (input, actor) => nodes.updatePerson(prisma, actor, input),
);
curation(
  'deletePerson',
  'Deletes a person no article names.',
  'DeleteNodeInput',
  NodeEditedRef,
  'curate',
  (input, actor) => nodes.deleteNode(prisma, actor, input, 'Person'),
);
curation(
  'createOrganization',
  'Creates an organization.',
  'CreateOrganizationInput',
  NodeEditedRef,
  'curate',
  (input, actor) => nodes.createOrganization(prisma, actor, input),
);
curation(
  'updateOrganization',
  'Changes an organization.',
  'UpdateOrganizationInput',
  NodeEditedRef,
  'curate',
  (input, actor) => nodes.updateOrganization(prisma, actor, input),
);
curation(
  'deleteOrganization',
  'Deletes an organization no article names.',
  'DeleteNodeInput',
  NodeEditedRef,
  'curate',
  (input, actor) => nodes.deleteNode(prisma, actor, input, 'Organization'),
);
curation(
  'revertEdit',
  'Reverts a curation edit, if nothing changed since.',
  'RevertEditInput',
  EditRevertedRef,
  'admin',
  (input, actor) => revertEdit(prisma, actor, input.id),
);
