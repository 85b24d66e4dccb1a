/**
 * The filter allow-list: per entity, the fields a client may filter on. Every column named
 * here is indexed (or belongs to a small table); relations are followed through their
 * foreign-key indexes.
 */
import { Prisma } from '../generated/prisma/client.js';
import { type EntitySpec, type JoinSql, sqlColumn, sqlTable } from './spec.js';

/** Join of a related table whose key is `innerKey`, referenced by the parent's `outerColumn`. */
const toOne = (table: string, outerColumn: string, innerKey = 'id'): JoinSql => ({
  from: (inner) => sqlTable(table, inner),
  on: (outer, inner) => Prisma.sql`${sqlColumn(inner, innerKey)} = ${sqlColumn(outer, outerColumn)}`,
});

/** Join of a related table holding a foreign key `innerColumn` to the parent's `outerKey`. */
const toMany = (table: string, innerColumn: string, outerKey = 'id'): JoinSql => ({
  from: (inner) => sqlTable(table, inner),
  on: (outer, inner) => Prisma.sql`${sqlColumn(inner, innerColumn)} = ${sqlColumn(outer, outerKey)}`,
});

/** Prisma's implicit many-to-many table for Statement.about: "A" = country code, "B" = statement id. */
const statementAbout = (from: 'Statement' | 'Country'): JoinSql => {
  const link = (inner: Prisma.Sql) => Prisma.raw(`${inner.sql}_link`);
  return from === 'Statement'
    ? {
        from: (inner) =>
          Prisma.sql`"_StatementAbout" ${link(inner)} JOIN "Country" ${inner} ON ${inner}."code" = ${link(inner)}."A"`,
        on: (outer, inner) => Prisma.sql`${link(inner)}."B" = ${outer}."id"`,
        byKey: (outer, code) =>
          Prisma.sql`EXISTS (SELECT 1 FROM "_StatementAbout" l WHERE l."B" = ${outer}."id" AND l."A" = ${code})`,
      }
    : {
        from: (inner) =>
          Prisma.sql`"_StatementAbout" ${link(inner)} JOIN "Statement" ${inner} ON ${inner}."id" = ${link(inner)}."B"`,
        on: (outer, inner) => Prisma.sql`${link(inner)}."A" = ${outer}."code"`,
      };
};

export const countrySpec: EntitySpec = {
  name: 'CountryFilter',
  table: 'Country',
  description: 'Conditions on a country. Several fields together must all hold.',
  fields: {
    code: { kind: 'countryCode', description: 'ISO 3166-1 alpha-2 or alpha-3 code, any case.' },
    name: { kind: 'string', column: 'name' },
    region: { kind: 'string', column: 'region' },
    subregion: { kind: 'string', column: 'subregion' },
    statementCount: { kind: 'int', column: 'statementCount', description: 'Number of statements about it.' },
    eventCount: { kind: 'int', column: 'eventCount', description: 'Number of events that took place in it.' },
    statementsAbout: {
      kind: 'list',
      target: () => statementSpec,
      relation: 'statementsAbout',
      join: statementAbout('Country'),
    },
  },
};

export const personSpec: EntitySpec = {
  name: 'PersonFilter',
  table: 'Person',
  description: 'Conditions on a person. Several fields together must all hold.',
  fields: {
    name: { kind: 'string', column: 'name' },
    statementCount: { kind: 'int', column: 'statementCount', description: 'Number of statements they made.' },
    statements: {
      kind: 'list',
      target: () => statementSpec,
      relation: 'statements',
      join: toMany('Statement', 'speakerPersonId'),
    },
    roles: { kind: 'list', target: () => roleSpec, relation: 'roles', join: toMany('Role', 'personId') },
  },
};

export const roleSpec: EntitySpec = {
  name: 'RoleFilter',
  table: 'Role',
  description: 'Conditions on a role a person holds.',
  fields: {
    title: { kind: 'string', column: 'title' },
    country: {
      kind: 'relation',
      target: () => countrySpec,
      relation: 'country',
      join: toOne('Country', 'countryCode', 'code'),
    },
    organization: {
      kind: 'relation',
      target: () => organizationSpec,
      relation: 'organization',
      join: toOne('Organization', 'organizationId'),
    },
  },
};

export const organizationSpec: EntitySpec = {
  name: 'OrganizationFilter',
  table: 'Organization',
  description: 'Conditions on an organization. Several fields together must all hold.',
  fields: {
    name: { kind: 'string', column: 'name' },
    acronym: { kind: 'string', column: 'acronym' },
    kind: { kind: 'enum', column: 'kind', enumName: 'OrganizationKind', pgType: 'OrganizationKind' },
    statementCount: { kind: 'int', column: 'statementCount', description: 'Number of statements it made.' },
    parent: {
      kind: 'relation',
      target: () => organizationSpec,
      relation: 'parent',
      join: toOne('Organization', 'parentId'),
    },
    country: {
      kind: 'relation',
      target: () => countrySpec,
      relation: 'country',
      join: toOne('Country', 'countryCode', 'code'),
    },
    leadCountry: {
      kind: 'relation',
      target: () => countrySpec,
      relation: 'leadCountry',
      join: toOne('Country', 'leadCountryCode', 'code'),
    },
    statements: {
      kind: 'list',
      target: () => statementSpec,
      relation: 'statements',
      join: toMany('Statement', 'speakerOrganizationId'),
    },
  },
};

export const articleSpec: EntitySpec = {
  name: 'ArticleFilter',
  table: 'Article',
  description: 'Conditions on an article.',
  fields: {
    title: { kind: 'string', column: 'title' },
    language: { kind: 'string', column: 'language' },
    publishedOn: { kind: 'date', column: 'publishedOn' },
    source: {
      kind: 'relation',
      target: () => organizationSpec,
      relation: 'source',
      join: toOne('Organization', 'sourceId'),
    },
  },
};

export const participantSpec: EntitySpec = {
  name: 'EventParticipantFilter',
  table: 'EventParticipant',
  description: 'Conditions on a participant of an event: its role, and who it is.',
  fields: {
    role: { kind: 'enum', column: 'role', enumName: 'ParticipantRole', pgType: 'ParticipantRole' },
    person: { kind: 'relation', target: () => personSpec, relation: 'person', join: toOne('Person', 'personId') },
    organization: {
      kind: 'relation',
      target: () => organizationSpec,
      relation: 'organization',
      join: toOne('Organization', 'organizationId'),
    },
    country: {
      kind: 'relation',
      target: () => countrySpec,
      relation: 'country',
      join: toOne('Country', 'countryCode', 'code'),
    },
  },
};

export const eventSpec: EntitySpec = {
  name: 'EventFilter',
  table: 'Event',
  description: 'Conditions on an event. Several fields together must all hold.',
  fields: {
    title: { kind: 'string', column: 'title' },
    kind: { kind: 'enum', column: 'kind', enumName: 'EventKind', pgType: 'EventKind' },
    startDate: { kind: 'date', column: 'startDate' },
    endDate: { kind: 'date', column: 'endDate' },
    country: {
      kind: 'relation',
      target: () => countrySpec,
      relation: 'country',
      join: toOne('Country', 'countryCode', 'code'),
    },
    parent: { kind: 'relation', target: () => eventSpec, relation: 'parent', join: toOne('Event', 'parentId') },
    participants: {
      kind: 'list',
      target: () => participantSpec,
      relation: 'participants',
      join: toMany('EventParticipant', 'eventId'),
    },
    article: { kind: 'relation', target: () => articleSpec, relation: 'article', join: toOne('Article', 'articleId') },
  },
};

export const statementSpec: EntitySpec = {
  name: 'StatementFilter',
  table: 'Statement',
  description: 'Conditions on a statement. Several fields together must all hold.',
  fields: {
    kind: { kind: 'enum', column: 'kind', enumName: 'StatementKind', pgType: 'StatementKind' },
    saidOn: { kind: 'date', column: 'saidOn' },
    about: {
      kind: 'list',
      target: () => countrySpec,
      relation: 'about',
      join: statementAbout('Statement'),
      description: 'The countries it is about.',
    },
    speakerPerson: {
      kind: 'relation',
      target: () => personSpec,
      relation: 'speakerPerson',
      join: toOne('Person', 'speakerPersonId'),
      description: 'The speaker, when a person.',
    },
    speakerOrganization: {
      kind: 'relation',
      target: () => organizationSpec,
      relation: 'speakerOrganization',
      join: toOne('Organization', 'speakerOrganizationId'),
      description: 'The speaker, when an organization.',
    },
    occasion: { kind: 'relation', target: () => eventSpec, relation: 'occasion', join: toOne('Event', 'occasionId') },
    article: { kind: 'relation', target: () => articleSpec, relation: 'article', join: toOne('Article', 'articleId') },
  },
};

export const resolutionSpec: EntitySpec = {
  name: 'ResolutionFilter',
  table: 'Resolution',
  description: 'Conditions on a resolution: how an article’s entity was matched to a node.',
  fields: {
    kind: { kind: 'enum', column: 'kind', enumName: 'EntityKind', pgType: 'EntityKind' },
    rule: { kind: 'enum', column: 'rule', enumName: 'ResolutionRule', pgType: 'ResolutionRule' },
    localKey: { kind: 'string', column: 'localKey', description: 'The key the article gave the entity.' },
    article: { kind: 'relation', target: () => articleSpec, relation: 'article', join: toOne('Article', 'articleId') },
    person: { kind: 'relation', target: () => personSpec, relation: 'person', join: toOne('Person', 'personId') },
    organization: {
      kind: 'relation',
      target: () => organizationSpec,
      relation: 'organization',
      join: toOne('Organization', 'organizationId'),
    },
    country: {
      kind: 'relation',
      target: () => countrySpec,
      relation: 'country',
      join: toOne('Country', 'countryCode', 'code'),
    },
    event: { kind: 'relation', target: () => eventSpec, relation: 'event', join: toOne('Event', 'eventId') },
  },
};

export const editSpec: EntitySpec = {
  name: 'EditFilter',
  table: 'Edit',
  description: 'Conditions on a curation edit.',
  fields: {
    targetType: {
      kind: 'string',
      column: 'targetType',
      description: 'Statement, Event, Role, EventParticipant, EventRelation, Person or Organization.',
    },
    targetKey: { kind: 'string', column: 'targetKey', description: 'The key of what was edited.' },
    actor: { kind: 'string', column: 'actor', description: 'The API key’s name.' },
    operation: { kind: 'string', column: 'operation', description: 'e.g. UPDATE_STATEMENT, REVERT.' },
    createdAt: { kind: 'date', column: 'createdAt' },
    article: { kind: 'relation', target: () => articleSpec, relation: 'article', join: toOne('Article', 'articleId') },
  },
};
