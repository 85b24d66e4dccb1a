/**
 * Curation, one fact at a time, on a synthetic article (test/fixtures: fictional speakers):
 * every edit is checked against the article's text, recorded (who, when, before, after),
 * guarded by the version the curator read, and reversible by an admin.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { bearer } from './support/api-keys.js';
import { dumpDatabase } from './support/dump.js';
import { FIXTURES, fixture, spanOf } from './support/fixtures.js';
import { execute, post } from './support/graphql.js';

// biome-ignore lint/suspicious/noExplicitAny: GraphQL results are checked field by field
type Result = any;

const gid = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');
const ARTICLE = FIXTURES.northgate;
const articleId = gid('Article', ARTICLE);

const ERRORS = /* GraphQL */ `
  __typename
  ... on EditConflictError { message expectedVersion currentVersion }
  ... on CurationInputError { message field }
  ... on AnnotationInvalidError { message problems { path message } }
`;
const ARTICLE_EDITED = /* GraphQL */ `
  ... on ArticleEdited {
    edit { id actor operation targetType targetKey before after version }
    article { version }
    statement { id kind about { code } text speaker { ... on Person { name } ... on Organization { name } } }
    event { id title kind }
  }
`;
const NODE_EDITED = /* GraphQL */ `
  ... on NodeEdited { edit { id operation before after version } person { id name aliases version } organization { id name acronym kind version } }
`;
const REVERTED = '... on EditReverted { edit { id operation reverts { id } } reverted { id revertedBy { id } } }';
const fragmentOf = (name: string) =>
  name === 'revertEdit' ? REVERTED : /Person|Organization/.test(name) ? NODE_EDITED : ARTICLE_EDITED;

async function mutate(
  name: string,
  input: Record<string, unknown>,
  scope: 'curate' | 'admin' = 'curate',
): Promise<Result> {
  const inputType = `${name[0]?.toUpperCase()}${name.slice(1)}Input`
    .replace(/^(Create|Delete)EventParticipantInput$/, 'EventParticipantInput')
    .replace(/^Delete(Person|Organization)Input$/, 'DeleteNodeInput');
  const { data, errors } = await execute<Result>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ${ERRORS} ${fragmentOf(name)} } }`,
    { input },
    bearer(scope),
  );
  expect(errors).toBeUndefined();
  return data[name];
}

const version = async () => (await prisma.article.findUniqueOrThrow({ where: { key: ARTICLE } })).version;
const text = fixture(ARTICLE).text;
/** A PARAPHRASE statement of the fixture: editable without uncovering a quotation. */
const paraphrase = fixture(ARTICLE).annotations.statements.find((s: Result) => s.kind === 'PARAPHRASE');
const statementId = gid('Statement', `${ARTICLE}/${paraphrase.key}`);

beforeAll(async () => {
  const { data } = await execute<Result>(
    'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { __typename } }',
    { input: fixture(ARTICLE) },
    bearer('ingest'),
  );
  expect(data.ingestArticle.__typename).toBe('IngestedArticle');
});

describe('statements', () => {
  it('updateStatement changes one fact, bumps the version and records who, what before and what after', async () => {
    const v = await version();
    const result = await mutate('updateStatement', { id: statementId, expectedVersion: v, about: ['UZ', 'Kazakh'] });
    expect(result.__typename).toBe('ArticleEdited');
    expect(result.article.version).toBe(v + 1);
    expect(result.statement.about.map((c: Result) => c.code)).toEqual(['KZ', 'UZ']);
    expect(result.edit).toMatchObject({
      actor: 'test-curate',
      operation: 'UPDATE_STATEMENT',
      targetType: 'Statement',
      targetKey: `${ARTICLE}/${paraphrase.key}`,
      version: v + 1,
      before: { key: paraphrase.key, about: paraphrase.about },
      after: { key: paraphrase.key, about: ['UZ', 'KZ'] },
    });
    // The audit trail per node.
    const { data } = await execute<Result>(
      `{ node(id: "${statementId}") { ... on Statement { edits(first: 5) { totalCount edges { node { operation actor } } } } } }`,
    );
    expect(data.node.edits.totalCount).toBe(1);
    // The stored document keeps the edit: the article's facts are rebuilt from it.
    const stored = await prisma.article.findUniqueOrThrow({ where: { key: ARTICLE } });
    expect((stored.annotation as Result).statements.find((s: Result) => s.key === paraphrase.key).about).toEqual([
      'UZ',
      'KZ',
    ]);
  });

  it('refuses a span that is not the article’s words, naming it, with nothing changed', async () => {
    const before = await dumpDatabase(prisma);
    const wrong = { ...paraphrase.text, text: `X${paraphrase.text.text.slice(1)}` };
    const result = await mutate('updateStatement', { id: statementId, expectedVersion: await version(), text: wrong });
    expect(result.__typename).toBe('AnnotationInvalidError');
    expect(result.problems[0]).toMatchObject({
      path: expect.stringMatching(/^\$\.statements\[\d+\]\.text$/),
      message: expect.stringMatching(/is ".*", not "X/),
    });
    expect(await dumpDatabase(prisma)).toEqual(before);
  });

  it('refuses to delete a quotation’s statement: every quotation stays attributed', async () => {
    const quote = fixture(ARTICLE).annotations.statements.find((s: Result) => s.kind === 'QUOTE');
    const result = await mutate('deleteStatement', {
      id: gid('Statement', `${ARTICLE}/${quote.key}`),
      expectedVersion: await version(),
    });
    expect(result.__typename).toBe('AnnotationInvalidError');
    expect(result.problems[0].message).toMatch(/not covered by any statement/);
  });

  it('createStatement and deleteStatement, with the speaker by global ID', async () => {
    const speaker = await prisma.resolution.findFirstOrThrow({
      where: { article: { key: ARTICLE }, kind: 'PERSON' },
      include: { person: true },
    });
    const words = text.slice(paraphrase.text.start, paraphrase.text.end);
    const created = await mutate('createStatement', {
      article: articleId,
      expectedVersion: await version(),
      key: 'curated-copy',
      kind: 'PARAPHRASE',
      speaker: gid('Person', speaker.person?.key as string),
      text: paraphrase.text,
      about: ['KZ'],
    });
    expect(created.__typename).toBe('ArticleEdited');
    expect(created.statement).toMatchObject({
      text: words,
      kind: 'PARAPHRASE',
      speaker: { name: speaker.person?.name },
    });
    const deleted = await mutate('deleteStatement', {
      id: created.statement.id,
      expectedVersion: created.article.version,
    });
    expect(deleted.__typename).toBe('ArticleEdited');
    expect(deleted.statement).toBeNull();
    expect(await prisma.statement.count({ where: { key: `${ARTICLE}/curated-copy` } })).toBe(0);
  });
});

describe('optimistic concurrency', () => {
  it('of two curators editing the same statement at once, one wins and the other gets a conflict', async () => {
    const v = await version();
    const [a, b] = await Promise.all([
      mutate('updateStatement', { id: statementId, expectedVersion: v, note: 'first curator' }),
      mutate('updateStatement', { id: statementId, expectedVersion: v, note: 'second curator' }),
    ]);
    const results = [a, b].map((r) => r.__typename).sort();
    expect(results).toEqual(['ArticleEdited', 'EditConflictError']);
    const conflict = [a, b].find((r) => r.__typename === 'EditConflictError');
    expect(conflict).toMatchObject({ expectedVersion: v, currentVersion: v + 1 });
    expect(conflict.message).toMatch(/someone changed it meanwhile.*nothing was changed/);
    expect(await version()).toBe(v + 1);
    const winner = [a, b].find((r) => r.__typename === 'ArticleEdited');
    const stored = await prisma.statement.findUniqueOrThrow({ where: { key: `${ARTICLE}/${paraphrase.key}` } });
    expect(stored.note).toBe(winner.edit.after.note);
  });
});

describe('events, roles, participants and relations', () => {
  it('creates, updates and deletes an event of the article’s report, and relates it', async () => {
    const evidence = spanOf(text, 'on Tuesday');
    const created = await mutate('createEvent', {
      article: articleId,
      expectedVersion: await version(),
      key: 'curated-event',
      title: 'A curated test event',
      kind: 'OTHER',
      evidence,
    });
    expect(created.__typename).toBe('ArticleEdited');
    expect(created.event).toMatchObject({ title: 'A curated test event', kind: 'OTHER' });
    const updated = await mutate('updateEvent', {
      id: created.event.id,
      article: articleId,
      expectedVersion: created.article.version,
      title: 'A curated test event, retitled',
    });
    expect(updated.event.title).toBe('A curated test event, retitled');

    const other = await prisma.eventReport.findFirstOrThrow({
      where: { article: { key: ARTICLE }, localKey: { not: 'curated-event' } },
      include: { event: true },
    });
    const related = await mutate('createEventRelation', {
      article: articleId,
      expectedVersion: updated.article.version,
      type: 'FOLLOWED_BY',
      from: gid('Event', other.event.key),
      to: created.event.id,
      evidence,
    });
    expect(related.__typename).toBe('ArticleEdited');
    const createdKey = Buffer.from(created.event.id, 'base64')
      .toString('utf8')
      .replace(/^Event:/, '');
    expect(
      await prisma.eventRelation.count({
        where: { type: 'FOLLOWED_BY', from: { key: other.event.key }, to: { key: createdKey } },
      }),
    ).toBe(1);
    const removed = await mutate('deleteEvent', {
      id: created.event.id,
      article: articleId,
      expectedVersion: related.article.version,
    });
    expect(removed.__typename).toBe('ArticleEdited');
    expect(removed.event).toBeNull();
    // The relation went with it.
    expect(await prisma.eventRelation.count({ where: { article: { key: ARTICLE }, type: 'FOLLOWED_BY' } })).toBe(0);
  });

  it('adds and removes a role and a participant', async () => {
    const person = await prisma.resolution.findFirstOrThrow({
      where: { article: { key: ARTICLE }, kind: 'PERSON' },
      include: { person: true },
    });
    const personId = gid('Person', person.person?.key as string);
    const evidence = spanOf(text, 'on Tuesday');
    const role = await mutate('createRole', {
      article: articleId,
      expectedVersion: await version(),
      person: personId,
      title: 'Test role',
      country: 'Kazakhstan',
      evidence,
    });
    expect(role.__typename).toBe('ArticleEdited');
    expect(await prisma.role.count({ where: { title: 'Test role', countryCode: 'KZ' } })).toBe(1);
    const gone = await mutate('deleteRole', {
      article: articleId,
      expectedVersion: role.article.version,
      person: personId,
      title: 'Test role',
    });
    expect(gone.__typename).toBe('ArticleEdited');
    expect(await prisma.role.count({ where: { title: 'Test role' } })).toBe(0);

    const event = await prisma.eventReport.findFirstOrThrow({
      where: { article: { key: ARTICLE } },
      include: { event: true },
    });
    const participant = {
      article: articleId,
      event: gid('Event', event.event.key),
      role: 'AFFECTED',
      actor: gid('Country', 'UZ'),
    };
    const added = await mutate('createEventParticipant', { ...participant, expectedVersion: gone.article.version });
    expect(added.__typename).toBe('ArticleEdited');
    expect(
      await prisma.eventParticipant.count({ where: { eventId: event.eventId, countryCode: 'UZ', role: 'AFFECTED' } }),
    ).toBe(1);
    const again = await mutate('createEventParticipant', { ...participant, expectedVersion: added.article.version });
    expect(again).toMatchObject({ __typename: 'CurationInputError', field: 'actor' });
    const dropped = await mutate('deleteEventParticipant', { ...participant, expectedVersion: added.article.version });
    expect(dropped.__typename).toBe('ArticleEdited');
    expect(await prisma.eventParticipant.count({ where: { eventId: event.eventId, countryCode: 'UZ' } })).toBe(0);
  });

  it('answers what it cannot do with a typed error naming the field', async () => {
    expect(await mutate('updateStatement', { id: gid('Person', 'x'), expectedVersion: 1 })).toMatchObject({
      __typename: 'CurationInputError',
      field: 'id',
    });
    expect(
      await mutate('deleteRole', {
        article: articleId,
        expectedVersion: await version(),
        person: gid('Person', 'kassym-jomart-tokayev'),
        title: 'Emperor',
      }),
    ).toMatchObject({
      __typename: 'CurationInputError',
      field: 'title',
    });
  });
});

describe('persons and organizations', () => {
  it('creates, updates (guarded by its version) and deletes a person', async () => {
    const created = await mutate('createPerson', { name: 'Ada Testperson', aliases: ['Testperson'] });
    expect(created.person).toMatchObject({ name: 'Ada Testperson', version: 1 });
    const updated = await mutate('updatePerson', {
      id: created.person.id,
      expectedVersion: 1,
      aliases: ['Testperson', 'A. Testperson'],
    });
    expect(updated.person).toMatchObject({ aliases: ['Testperson', 'A. Testperson'], version: 2 });
    expect(updated.edit.before.aliases).toEqual(['Testperson']);
    expect(await mutate('updatePerson', { id: created.person.id, expectedVersion: 1, name: 'Stale' })).toMatchObject({
      __typename: 'EditConflictError',
      currentVersion: 2,
    });
    const deleted = await mutate('deletePerson', { id: created.person.id, expectedVersion: 2 });
    expect(deleted.__typename).toBe('NodeEdited');
    expect(deleted.person).toBeNull();
  });

  it('refuses to delete a person articles name', async () => {
    const person = await prisma.person.findUniqueOrThrow({ where: { key: 'kassym-jomart-tokayev' } });
    const result = await mutate('deletePerson', { id: gid('Person', person.key), expectedVersion: person.version });
    expect(result).toMatchObject({ __typename: 'CurationInputError', message: expect.stringMatching(/still name it/) });
  });

  it('updates an organization’s acronym, kind and parent', async () => {
    const org = await prisma.organization.findUniqueOrThrow({ where: { key: 'csto-collective-security-council' } });
    const result = await mutate('updateOrganization', {
      id: gid('Organization', org.key),
      expectedVersion: org.version,
      acronym: 'CSC',
      parent: null,
    });
    expect(result.organization).toMatchObject({ acronym: 'CSC', version: org.version + 1 });
    expect((await prisma.organization.findUniqueOrThrow({ where: { key: org.key } })).parentId).toBeNull();
  });
});

describe('revertEdit', () => {
  it('needs an admin, restores the article as it was, and reverts only once', async () => {
    const v = await version();
    const edited = await mutate('updateStatement', {
      id: statementId,
      expectedVersion: v,
      kind: 'QUOTE',
      note: 'to be reverted',
    });
    expect(edited.__typename).toBe('ArticleEdited');
    const beforeEdit = (
      await prisma.edit.findUniqueOrThrow({
        where: { id: Number(Buffer.from(edited.edit.id, 'base64').toString().split(':')[1]) },
      })
    ).previousDocument;

    const refused = await post(
      `mutation { revertEdit(input: { id: "${edited.edit.id}" }) { __typename } }`,
      undefined,
      bearer('curate'),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.message).toMatch(/"test-curate" lacks scope admin/);

    const reverted = await mutate('revertEdit', { id: edited.edit.id }, 'admin');
    expect(reverted.__typename).toBe('EditReverted');
    expect(reverted.reverted.revertedBy.id).toBe(reverted.edit.id);
    const stored = await prisma.article.findUniqueOrThrow({ where: { key: ARTICLE } });
    expect(stored.annotation).toEqual(beforeEdit);
    expect(stored.version).toBe(v + 2);
    expect((await prisma.statement.findUniqueOrThrow({ where: { key: `${ARTICLE}/${paraphrase.key}` } })).kind).toBe(
      'PARAPHRASE',
    );

    expect(await mutate('revertEdit', { id: edited.edit.id }, 'admin')).toMatchObject({
      __typename: 'CurationInputError',
      message: expect.stringMatching(/already reverted/),
    });
  });

  it('refuses to revert an edit the article has changed since', async () => {
    const first = await mutate('updateStatement', { id: statementId, expectedVersion: await version(), note: 'one' });
    await mutate('updateStatement', { id: statementId, expectedVersion: first.article.version, note: 'two' });
    expect(await mutate('revertEdit', { id: first.edit.id }, 'admin')).toMatchObject({
      __typename: 'EditConflictError',
      message: expect.stringMatching(/revert the later edits first/),
    });
  });

  it('reverts a person’s edit', async () => {
    const created = await mutate('createPerson', { name: 'Bo Revertable' });
    const updated = await mutate('updatePerson', { id: created.person.id, expectedVersion: 1, name: 'Bo Renamed' });
    const reverted = await mutate('revertEdit', { id: updated.edit.id }, 'admin');
    expect(reverted.__typename).toBe('EditReverted');
    expect((await prisma.person.findUniqueOrThrow({ where: { key: 'bo-revertable' } })).name).toBe('Bo Revertable');
  });
});
