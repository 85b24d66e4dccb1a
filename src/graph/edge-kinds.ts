/**
 * The edge kinds of the graph, as data: for each relation, the table its rows are read from,
 * the node kind and column at each end, what an edge carries (label, role, evidence) and, for
 * each end, how the rows of one node at that end are read. src/graph/edge-sql.ts turns this
 * into SQL; nothing else in src/graph knows a table or a column.
 *
 * Reading the rows of one frontier node at an end:
 * - `all`: the node has a handful of rows there (its own row, a statement's countries): all of
 *   them, no cap.
 * - `newest`: at most `cap` rows (plus one that only tells the cap cut something), in an order
 *   an index serves where one exists, so the scan stops after them even for a hub:
 *     SAID         the newest by saidOn (undated ones after), via the (speaker, saidOn) indexes
 *     OCCURRED_IN  the newest by startDate (undated after), via (countryCode, startDate, id)
 *     ABOUT        the newest statements (highest id): the join table's key ("A", "B") backwards
 *     REPORTED_IN  an event's newest reports (highest article id), via (eventId, articleId)
 *     PUBLISHED    the newest by publishedOn, via (sourceId, publishedOn)
 *     the others   by id, through the (foreign key, id) indexes: newest first for a node's
 *                  roles, participations and event relations, in order of recording for an
 *                  event's participants and sub-events and an article's statements and events.
 *   Where no (foreign key, id) index exists (Organization.parentId, countryCode,
 *   leadCountryCode; EventReport.articleId), the node's rows are read through the foreign-key
 *   index (bounded by its degree, never the table) and sorted before `cap` are kept.
 */
import { EVENT_RELATION_TYPES, isNodeKind, type NodeKind, type RelationType } from './types.js';

/** The SQL statements of one step, in the order they are sent; each table belongs to one. */
export const EDGE_STATEMENTS = [
  'Statement',
  '_StatementAbout',
  'Event',
  'EventParticipant',
  'Role',
  'Organization',
  'Article',
] as const;
export type EdgeStatement = (typeof EDGE_STATEMENTS)[number];

/**
 * A news agency may have published most of the articles: the articles of an organization are
 * always read with its id as a constant (see edge-sql.ts), so that the planner sees a hub
 * agency as one, for at most this many organizations of a frontier; the others' PUBLISHED
 * edges are left out (and the step reports truncation).
 */
export const MAX_PUBLISHERS_PER_STEP = 50;

export interface EdgeTable {
  name: string;
  /** The alias every branch gives the table (and its per-node rows). */
  alias: string;
  /** What a per-node subquery passes on: every column the kinds of this table read. */
  columns: readonly string[];
  statement: EdgeStatement;
}

/** An order of a node's rows; `id` is read as `(id + 0)` where a plan must not walk the primary key (edge-sql.ts). */
export type RowOrder =
  | { by: readonly (readonly [column: string, direction: 'ASC' | 'DESC'])[] }
  /** Newest by this date first, then the undated ones, newest id first. */
  | { dated: string };

export type EndRead =
  | { all: true }
  | {
      newest: RowOrder;
      /** Read only with the node's id as a constant, for at most this many nodes of a frontier. */
      constantsFor?: number;
    };

export interface EndNode {
  kind: NodeKind;
  column: string;
}

export interface EdgeEnd {
  /** One node kind and its column; or several: whichever columns a row sets, one edge each. */
  nodes: readonly EndNode[];
  /** The column may be null: such rows have no edge. */
  optional?: true;
  /** How the edges of a frontier node at this end are read. */
  read: EndRead;
}

/** SQL expressions for the evidence span, over the aliases of the kind's table and join. */
export interface EvidenceColumns {
  article: string;
  start: string;
  end: string;
  text: string;
}

export interface EdgeKind {
  /** Names the kind in the SQL (a comment on each of its branches). */
  name: string;
  /** The relation type, or the column holding it (an enum of the database) and the types it may hold. */
  type: RelationType | { column: string; sqlType: string; values: readonly RelationType[] };
  table: EdgeTable;
  source: EdgeEnd;
  target: EdgeEnd;
  /** SQL over the table's alias. */
  label?: string;
  role?: string;
  evidence?: EvidenceColumns;
  /** Joined to every row read (after any cap): where the evidence lives in another table. */
  join?: string;
}

const column = (alias: string, name: string) => `${alias}."${name}"`;

/** `<prefix>Start`, `<prefix>End`, `<prefix>Text` and the article column of a table. */
const span = (alias: string, prefix: string, article = 'articleId'): EvidenceColumns => ({
  article: column(alias, article),
  start: column(alias, `${prefix}Start`),
  end: column(alias, `${prefix}End`),
  text: column(alias, `${prefix}Text`),
});

/** The first span where it has a text, else the second. */
const firstOf = (first: EvidenceColumns, second: EvidenceColumns): EvidenceColumns => {
  const pick = (a: string, b: string) => `CASE WHEN ${first.text} IS NOT NULL THEN ${a} ELSE ${b} END`;
  return {
    article: first.article === second.article ? first.article : pick(first.article, second.article),
    start: pick(first.start, second.start),
    end: pick(first.end, second.end),
    text: `COALESCE(${first.text}, ${second.text})`,
  };
};

/** A table of `columns` (space-separated); its statement is the one named after it unless given. */
function table(name: string, alias: string, columns: string, statement?: EdgeStatement): EdgeTable {
  const list = columns.split(' ');
  const own = EDGE_STATEMENTS.find((s) => s === name);
  if (!(statement ?? own)) throw new Error(`edge table ${name}: no statement named after it, give one`);
  return {
    name,
    alias,
    columns: list,
    statement: statement ?? (own as EdgeStatement),
  };
}

const STATEMENT = table(
  'Statement',
  's',
  'id articleId start end text attributionStart attributionEnd attributionText speakerPersonId speakerOrganizationId occasionId',
);
const STATEMENT_ABOUT = table('_StatementAbout', 'sa', 'A B');
const EVENT = table('Event', 'e', 'id articleId countryCode parentId evidenceStart evidenceEnd evidenceText');
// An event's reports and relations share the Event statement: its edges cost one statement per step.
const EVENT_REPORT = table(
  'EventReport',
  'rep',
  'id eventId articleId evidenceStart evidenceEnd evidenceText',
  'Event',
);
const EVENT_RELATION = table(
  'EventRelation',
  'rel',
  'id type fromId toId articleId evidenceStart evidenceEnd evidenceText',
  'Event',
);
const PARTICIPANT = table('EventParticipant', 'p', 'id eventId articleId role personId organizationId countryCode');
const ROLE = table(
  'Role',
  'r',
  'id personId title countryCode organizationId articleId evidenceStart evidenceEnd evidenceText',
);
const ORGANIZATION = table(
  'Organization',
  'o',
  'id parentId countryCode leadCountryCode leadCountryArticleId leadCountryEvidenceStart leadCountryEvidenceEnd leadCountryEvidenceText',
);
const ARTICLE = table('Article', 'a', 'id sourceId');

const WORDS: EvidenceColumns = { article: 's."articleId"', start: 's.start', end: 's."end"', text: 's.text' };
const ALL = { all: true } as const;
/** An order of columns, each `column ASC|DESC`. */
function orderBy(...terms: string[]): RowOrder {
  return {
    by: terms.map((term) => {
      const [name = '', direction] = term.split(' ');
      if (direction !== 'ASC' && direction !== 'DESC') throw new Error(`order "${term}": not "column ASC|DESC"`);
      return [name, direction] as const;
    }),
  };
}
const byId = (direction: 'ASC' | 'DESC'): EndRead => ({ newest: orderBy(`id ${direction}`) });
const own = (kind: NodeKind): EdgeEnd => ({ nodes: [{ kind, column: 'id' }], read: ALL });

/** An end: `Kind.column` for each node kind it can be (space-separated). */
function end(nodes: string, read: EndRead, nullable?: 'optional'): EdgeEnd {
  const parsed = nodes.split(' ').map((node) => {
    const [kind = '', column = ''] = node.split('.');
    if (!isNodeKind(kind) || !column) throw new Error(`edge end "${node}": not Kind.column`);
    return { kind, column };
  });
  return nullable ? { nodes: parsed, read, optional: true } : { nodes: parsed, read };
}

/**
 * Every edge kind, grouped by statement. Within a statement the branches are sent in this
 * order (those read `all` first), which decides, among equally short paths, the one found.
 */
export const EDGE_KINDS: readonly EdgeKind[] = [
  {
    name: 'SAID',
    type: 'SAID',
    table: STATEMENT,
    source: end('Person.speakerPersonId Organization.speakerOrganizationId', { newest: { dated: 'saidOn' } }),
    target: own('Statement'),
    evidence: firstOf(span('s', 'attribution'), WORDS),
  },
  {
    name: 'SAID_AT',
    type: 'SAID_AT',
    table: STATEMENT,
    source: own('Statement'),
    target: end('Event.occasionId', byId('DESC'), 'optional'),
    evidence: WORDS,
  },
  {
    name: 'Statement REPORTED_IN',
    type: 'REPORTED_IN',
    table: STATEMENT,
    source: own('Statement'),
    target: end('Article.articleId', byId('ASC')),
    evidence: WORDS,
  },
  {
    name: 'ABOUT',
    type: 'ABOUT',
    table: STATEMENT_ABOUT,
    source: end('Statement.B', ALL),
    target: end('Country.A', { newest: orderBy('B DESC') }),
    join: 'JOIN "Statement" s ON s.id = sa."B"',
    evidence: WORDS,
  },
  {
    name: 'OCCURRED_IN',
    type: 'OCCURRED_IN',
    table: EVENT,
    source: own('Event'),
    target: end('Country.countryCode', { newest: { dated: 'startDate' } }, 'optional'),
    evidence: span('e', 'evidence'),
  },
  {
    name: 'Event PART_OF',
    type: 'PART_OF',
    table: EVENT,
    source: own('Event'),
    target: end('Event.parentId', byId('ASC'), 'optional'),
    evidence: span('e', 'evidence'),
  },
  {
    // One edge per article that reports the event, with that report's evidence.
    name: 'Event REPORTED_IN',
    type: 'REPORTED_IN',
    table: EVENT_REPORT,
    source: end('Event.eventId', { newest: orderBy('articleId DESC') }),
    target: end('Article.articleId', byId('ASC')),
    evidence: span('rep', 'evidence'),
  },
  {
    // ESCALATED_INTO, LED_TO, FOLLOWED_BY, RESPONSE_TO: one kind, its type stored in the row.
    name: 'EVENT_RELATION',
    type: { column: 'type', sqlType: '"EventRelationType"', values: EVENT_RELATION_TYPES },
    table: EVENT_RELATION,
    source: end('Event.fromId', byId('DESC')),
    target: end('Event.toId', byId('DESC')),
    evidence: span('rel', 'evidence'),
  },
  {
    name: 'PARTICIPATED_IN',
    type: 'PARTICIPATED_IN',
    table: PARTICIPANT,
    source: end('Person.personId Organization.organizationId Country.countryCode', byId('DESC')),
    target: end('Event.eventId', byId('ASC')),
    role: 'p.role::text',
    // The evidence is the participant's own article's report of the event, looked up per row
    // through the (eventId, articleId) key: a plain join is planned as a hash join over every
    // report, and so is a LATERAL subquery the planner may flatten (LIMIT keeps it a subquery).
    // LEFT: an edge never depends on its evidence being there.
    join: `LEFT JOIN LATERAL (SELECT r."articleId", r."evidenceStart", r."evidenceEnd", r."evidenceText"
      FROM "EventReport" r WHERE r."eventId" = p."eventId" AND r."articleId" = p."articleId" LIMIT 1) AS rep ON true`,
    evidence: span('rep', 'evidence'),
  },
  {
    name: 'HOLDS_ROLE',
    type: 'HOLDS_ROLE',
    table: ROLE,
    source: end('Person.personId', byId('DESC')),
    // A role names a country, an organization or both: one edge for each.
    target: end('Country.countryCode Organization.organizationId', byId('DESC')),
    label: 'r.title',
    evidence: span('r', 'evidence'),
  },
  {
    name: 'Organization PART_OF',
    type: 'PART_OF',
    table: ORGANIZATION,
    source: own('Organization'),
    target: end('Organization.parentId', byId('ASC'), 'optional'),
  },
  {
    name: 'BELONGS_TO',
    type: 'BELONGS_TO',
    table: ORGANIZATION,
    source: own('Organization'),
    target: end('Country.countryCode', byId('ASC'), 'optional'),
  },
  {
    name: 'LEADS',
    type: 'LEADS',
    table: ORGANIZATION,
    source: end('Country.leadCountryCode', byId('ASC'), 'optional'),
    target: own('Organization'),
    evidence: span('o', 'leadCountryEvidence', 'leadCountryArticleId'),
  },
  {
    name: 'PUBLISHED',
    type: 'PUBLISHED',
    table: ARTICLE,
    source: end('Organization.sourceId', {
      newest: orderBy('publishedOn DESC', 'id DESC'),
      constantsFor: MAX_PUBLISHERS_PER_STEP,
    }),
    target: own('Article'),
  },
];

/** The relation types of a kind that `types` asks for (none: the kind is not read). */
export function requestedTypes(kind: EdgeKind, types: ReadonlySet<RelationType>): RelationType[] {
  const all = typeof kind.type === 'string' ? [kind.type] : kind.type.values;
  return all.filter((type) => types.has(type));
}
