/**
 * One BFS step over the relational data: every edge touching a set of nodes (the frontier),
 * with at most one SQL statement per edge table (Statement, _StatementAbout, Event,
 * EventParticipant, Role, Organization, Article), whatever the frontier's size.
 *
 * Each statement is a UNION ALL of branches, one per (edge type, direction, frontier kind).
 * Two modes:
 * - expand: the edges of each frontier node, at most `cap` per node and branch (the cap + 1st
 *   row only tells that the cap cut something). Which `cap` are kept:
 *     SAID         the newest by saidOn (undated ones after), via (speaker, saidOn) indexes
 *     OCCURRED_IN  the newest by startDate (undated after), via (countryCode, startDate)
 *     ABOUT        the newest statements (highest id), the join table's key ("A", "B") read backwards
 *     PUBLISHED    the newest by publishedOn
 *     the others   by id (newest first for a person's or a country's roles and participations,
 *                  in order of recording for sub-events, an article's statements and events)
 *   How each is read, and why, is in perNode. Without composite (foreign key, id) indexes the
 *   branches ordered by id read all of a node's rows of that kind (index-backed, bounded by the
 *   node's degree, never the table) before keeping `cap`.
 * - closure: only the edges between the frontier and a set of known nodes. Both ends are
 *   given, so no cap is needed and the statement reads no more than the frontier's rows that
 *   point at known nodes. Used for the edges among the nodes a traversal returns and to find,
 *   exactly, where the two searches of a shortest-path query meet, even through a hub.
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ParticipantRole } from '../generated/prisma/enums.js';
import { type NodeId, nodeId } from './nodes.js';
import type { NodeKind, RelationType } from './types.js';

/** Database ids of nodes, by kind. */
export interface NodeSet {
  Person: number[];
  Organization: number[];
  Country: string[];
  Event: number[];
  Statement: number[];
  Article: number[];
}

export const emptyNodeSet = (): NodeSet => ({
  Person: [],
  Organization: [],
  Country: [],
  Event: [],
  Statement: [],
  Article: [],
});

export function toNodeSet(ids: Iterable<NodeId>): NodeSet {
  const set = emptyNodeSet();
  for (const id of ids) {
    const cut = id.indexOf(':');
    const kind = id.slice(0, cut) as NodeKind;
    const raw = id.slice(cut + 1);
    if (kind === 'Country') set.Country.push(raw);
    else set[kind].push(Number(raw));
  }
  return set;
}

export type StepMode = { kind: 'expand'; cap: number } | { kind: 'closure'; known: NodeSet };

/** An edge as read from the database, with the frontier node it was found from. */
export interface RawEdge {
  type: RelationType;
  source: NodeId;
  target: NodeId;
  label: string | null;
  role: ParticipantRole | null;
  evidence: { articleId: number; start: number; end: number; text: string } | null;
  /** The frontier node this row was read for (source or target). */
  anchor: NodeId;
  /** Identity for de-duplication: the same relation read twice (from both ends) is one edge. */
  key: string;
}

export interface StepResult {
  edges: RawEdge[];
  /** True when a per-node cap cut at least one branch. */
  truncated: boolean;
  /** SQL statements sent. */
  statements: number;
}

interface Row {
  type: RelationType;
  src_kind: NodeKind;
  src_id: string;
  tgt_kind: NodeKind;
  tgt_id: string;
  label: string | null;
  role: ParticipantRole | null;
  ev_article: number | null;
  ev_start: number | null;
  ev_end: number | null;
  ev_text: string | null;
  anchor: string;
  branch: string;
  row_id: string;
}

const sql = Prisma.sql;
const raw = Prisma.raw;
const ints = (ids: number[]) => sql`${ids}::int[]`;
const codes = (ids: string[]) => sql`${ids}::bpchar[]`;

// The uniform column list every branch selects (see Row).
const NO_EVIDENCE = raw('NULL::int, NULL::int, NULL::int, NULL::text');

/** SAID: speaker → statement, evidence = the attribution, else the words said. */
const saidColumns = (s: string) =>
  raw(`'SAID'::text, CASE WHEN ${s}."speakerPersonId" IS NOT NULL THEN 'Person' ELSE 'Organization' END,
    COALESCE(${s}."speakerPersonId", ${s}."speakerOrganizationId")::text, 'Statement', ${s}.id::text, NULL::text, NULL::text,
    ${s}."articleId",
    CASE WHEN ${s}."attributionText" IS NOT NULL THEN ${s}."attributionStart" ELSE ${s}.start END,
    CASE WHEN ${s}."attributionText" IS NOT NULL THEN ${s}."attributionEnd" ELSE ${s}."end" END,
    COALESCE(${s}."attributionText", ${s}.text)`);
const statementEvidence = (s: string) => raw(`${s}."articleId", ${s}.start, ${s}."end", ${s}.text`);
const eventEvidence = (e: string) =>
  raw(`${e}."articleId", ${e}."evidenceStart", ${e}."evidenceEnd", ${e}."evidenceText"`);

const STATEMENT_COLUMNS = raw(
  'id, "articleId", start, "end", text, "attributionStart", "attributionEnd", "attributionText", "speakerPersonId", "speakerOrganizationId", "occasionId"',
);
const EVENT_COLUMNS = raw('id, "articleId", "countryCode", "parentId", "evidenceStart", "evidenceEnd", "evidenceText"');
const PARTICIPANT_COLUMNS = raw('id, "eventId", role, "personId", "organizationId", "countryCode"');
const ROLE_COLUMNS = raw(
  'id, "personId", title, "countryCode", "organizationId", "articleId", "evidenceStart", "evidenceEnd", "evidenceText"',
);
const ORGANIZATION_COLUMNS = raw('id, "parentId", "countryCode", "leadCountryCode"');

/** `(<prefix> || col)` as the anchor column. */
const anchor = (kind: NodeKind, column: string) => raw(`'${kind}:' || ${column}::text`);

interface Branch {
  sql: Prisma.Sql;
}

const branch = (
  columns: Prisma.Sql,
  anchorColumn: Prisma.Sql,
  name: string,
  rowId: string,
  from: Prisma.Sql,
): Branch => ({
  sql: sql`SELECT ${columns}, ${anchorColumn}, ${name}::text, ${raw(rowId)}::text FROM ${from}`,
});

/** Builds the branches of one edge table for a frontier, the requested types and the mode. */
type TableBuilder = (f: NodeSet, types: Set<RelationType>, mode: StepMode, state: { truncated: boolean }) => Branch[];

/** Frontiers up to this size are read with one subquery per node and the node's id as a constant. */
export const SMALL_FRONTIER = 10;

type Select = (value: Prisma.Sql, byId: Prisma.Sql) => Prisma.Sql;

/**
 * The rows `select` reads for each frontier value (`select` orders and limits them itself).
 *
 * - Up to SMALL_FRONTIER values: one subquery per value, the value bound as a constant, so the
 *   planner sees it and uses the column statistics: for a hub (a country with a million
 *   statements) it reads the first rows of an ordered index and stops; for a rare value it
 *   reads the few matches through the foreign-key index.
 * - More values: one LATERAL subquery over unnest(values). The planner plans it once for any
 *   value, with average statistics, so the primary-key order is written `(id + 0)`: no plan can
 *   then walk the primary key backwards filtering for the value (which reads the whole table
 *   for a value that has no rows); each value's matches are read through the foreign-key index
 *   and the newest kept. Where a composite index orders the matches (speaker+saidOn,
 *   country+startDate, the _StatementAbout key), the scan stops after `cap` + 1 rows.
 */
function perNode(
  values: readonly (number | string)[],
  cast: 'int' | 'bpchar',
  select: Select,
  alias: string,
): Prisma.Sql {
  if (values.length <= SMALL_FRONTIER) return perConstant(values, cast, select, alias);
  return sql`unnest(${values}::${raw(cast)}[]) AS f(v) CROSS JOIN LATERAL (${select(raw('f.v'), raw('(id + 0)'))}) AS ${raw(alias)}`;
}

/** One subquery per value, each with the value as a bound constant. */
function perConstant(
  values: readonly (number | string)[],
  cast: 'int' | 'bpchar',
  select: Select,
  alias: string,
): Prisma.Sql {
  const arms = values.map((value) => sql`(${select(sql`${value}::${raw(cast)}`, raw('id'))})`);
  return sql`(${Prisma.join(arms, ' UNION ALL ')}) AS ${raw(alias)}`;
}

/**
 * A news agency may have published most of the articles, and only Article_sourceId_idx exists:
 * the articles of an organization are always read with its id as a constant (see perNode), for
 * at most this many organizations of a frontier; the others' PUBLISHED edges are left out
 * (and the step reports truncation).
 */
export const MAX_PUBLISHERS_PER_STEP = 50;

/** The value list and SQL cast of a frontier kind. */
const castOf = (kind: NodeKind) => (kind === 'Country' ? 'bpchar' : 'int');

const statementTable: TableBuilder = (f, types, mode) => {
  const out: Branch[] = [];
  const closure = mode.kind === 'closure' ? mode.known : null;
  const n = mode.kind === 'expand' ? mode.cap + 1 : 0;
  if (f.Statement.length > 0) {
    const S = ints(f.Statement);
    if (types.has('SAID')) {
      const restrict = closure
        ? sql`AND (s."speakerPersonId" = ANY(${ints(closure.Person)}) OR s."speakerOrganizationId" = ANY(${ints(closure.Organization)}))`
        : Prisma.empty;
      out.push(
        branch(
          saidColumns('s'),
          anchor('Statement', 's.id'),
          'S>SAID',
          's.id',
          sql`"Statement" s WHERE s.id = ANY(${S}) ${restrict}`,
        ),
      );
    }
    if (types.has('SAID_AT')) {
      const restrict = closure ? sql`AND s."occasionId" = ANY(${ints(closure.Event)})` : Prisma.empty;
      out.push(
        branch(
          sql`'SAID_AT'::text, 'Statement', s.id::text, 'Event', s."occasionId"::text, NULL::text, NULL::text, ${statementEvidence('s')}`,
          anchor('Statement', 's.id'),
          'S>SAID_AT',
          's.id',
          sql`"Statement" s WHERE s.id = ANY(${S}) AND s."occasionId" IS NOT NULL ${restrict}`,
        ),
      );
    }
    if (types.has('REPORTED_IN')) {
      const restrict = closure ? sql`AND s."articleId" = ANY(${ints(closure.Article)})` : Prisma.empty;
      out.push(
        branch(
          sql`'REPORTED_IN'::text, 'Statement', s.id::text, 'Article', s."articleId"::text, NULL::text, NULL::text, ${statementEvidence('s')}`,
          anchor('Statement', 's.id'),
          'S>REPORTED_IN',
          's.id',
          sql`"Statement" s WHERE s.id = ANY(${S}) ${restrict}`,
        ),
      );
    }
  }
  // Incoming SAID, from persons and from organizations: the most recent statements first.
  for (const [kind, column] of [
    ['Person', 'speakerPersonId'],
    ['Organization', 'speakerOrganizationId'],
  ] as const) {
    if (!types.has('SAID') || f[kind].length === 0) continue;
    const col = raw(`"${column}"`);
    const from = closure
      ? sql`"Statement" s WHERE s.${col} = ANY(${ints(f[kind])}) AND s.id = ANY(${ints(closure.Statement)})`
      : perNode(
          f[kind],
          'int',
          // Dated statements newest first (the (speaker, saidOn) index read backwards), then the
          // undated ones, read through that index too ((id + 0): never a walk of the primary key).
          (v, byId) => sql`SELECT * FROM (
              (SELECT ${STATEMENT_COLUMNS} FROM "Statement" WHERE ${col} = ${v} AND "saidOn" IS NOT NULL ORDER BY "saidOn" DESC, ${byId} DESC LIMIT ${n})
              UNION ALL
              (SELECT ${STATEMENT_COLUMNS} FROM "Statement" WHERE ${col} = ${v} AND "saidOn" IS NULL ORDER BY (id + 0) DESC LIMIT ${n})
            ) AS said LIMIT ${n}`,
          's',
        );
    out.push(branch(saidColumns('s'), anchor(kind, `s."${column}"`), `${kind}<SAID`, 's.id', from));
  }
  // Incoming SAID_AT (statements made at a frontier event) and REPORTED_IN (statements of a frontier article).
  for (const [type, kind, column, direction] of [
    ['SAID_AT', 'Event', 'occasionId', 'DESC'],
    ['REPORTED_IN', 'Article', 'articleId', 'ASC'],
  ] as const) {
    if (!types.has(type) || f[kind].length === 0) continue;
    const col = raw(`"${column}"`);
    const from = closure
      ? sql`"Statement" s WHERE s.${col} = ANY(${ints(f[kind])}) AND s.id = ANY(${ints(closure.Statement)})`
      : perNode(
          f[kind],
          'int',
          (v, byId) =>
            sql`SELECT ${STATEMENT_COLUMNS} FROM "Statement" WHERE ${col} = ${v} ORDER BY ${byId} ${raw(direction)} LIMIT ${n}`,
          's',
        );
    out.push(
      branch(
        sql`${type}::text, 'Statement', s.id::text, ${kind}::text, s.${col}::text, NULL::text, NULL::text, ${statementEvidence('s')}`,
        anchor(kind, `s."${column}"`),
        `${kind}<${type}`,
        's.id',
        from,
      ),
    );
  }
  return out;
};

const aboutTable: TableBuilder = (f, types, mode) => {
  if (!types.has('ABOUT')) return [];
  const out: Branch[] = [];
  const closure = mode.kind === 'closure' ? mode.known : null;
  const columns = sql`'ABOUT'::text, 'Statement', s.id::text, 'Country', sa."A"::text, NULL::text, NULL::text, ${statementEvidence('s')}`;
  if (f.Statement.length > 0) {
    const restrict = closure ? sql`AND sa."A" = ANY(${codes(closure.Country)})` : Prisma.empty;
    out.push(
      branch(
        columns,
        anchor('Statement', 's.id'),
        'S>ABOUT',
        'sa."A"',
        sql`"_StatementAbout" sa JOIN "Statement" s ON s.id = sa."B" WHERE sa."B" = ANY(${ints(f.Statement)}) ${restrict}`,
      ),
    );
  }
  if (f.Country.length > 0) {
    // The join table's primary key is ("A", "B"): per country, the newest statements are read
    // backwards from the index and the scan stops after cap + 1 entries, even for a hub.
    const n = mode.kind === 'expand' ? mode.cap + 1 : 0;
    const from = closure
      ? sql`"_StatementAbout" sa JOIN "Statement" s ON s.id = sa."B" WHERE sa."A" = ANY(${codes(f.Country)}) AND sa."B" = ANY(${ints(closure.Statement)})`
      : sql`${perNode(f.Country, 'bpchar', (v) => sql`SELECT "A", "B" FROM "_StatementAbout" WHERE "A" = ${v} ORDER BY "B" DESC LIMIT ${n}`, 'sa')}
          JOIN "Statement" s ON s.id = sa."B"`;
    out.push(branch(columns, anchor('Country', 'sa."A"'), 'Country<ABOUT', 's.id', from));
  }
  return out;
};

const eventTable: TableBuilder = (f, types, mode) => {
  const out: Branch[] = [];
  const closure = mode.kind === 'closure' ? mode.known : null;
  const n = mode.kind === 'expand' ? mode.cap + 1 : 0;
  if (f.Event.length > 0) {
    const E = ints(f.Event);
    const outgoing = [
      ['OCCURRED_IN', 'Country', 'countryCode', closure && codes(closure.Country)],
      ['PART_OF', 'Event', 'parentId', closure && ints(closure.Event)],
      ['REPORTED_IN', 'Article', 'articleId', closure && ints(closure.Article)],
    ] as const;
    for (const [type, kind, column, known] of outgoing) {
      if (!types.has(type)) continue;
      const col = raw(`e."${column}"`);
      const restrict = known ? sql`AND ${col} = ANY(${known})` : Prisma.empty;
      out.push(
        branch(
          sql`${type}::text, 'Event', e.id::text, ${kind}::text, ${col}::text, NULL::text, NULL::text, ${eventEvidence('e')}`,
          anchor('Event', 'e.id'),
          `Event>${type}`,
          'e.id',
          sql`"Event" e WHERE e.id = ANY(${E}) AND ${col} IS NOT NULL ${restrict}`,
        ),
      );
    }
  }
  // Incoming: sub-events of a frontier event, events in a frontier country, events of a frontier article.
  const incoming = [
    ['PART_OF', 'Event', 'parentId'],
    ['OCCURRED_IN', 'Country', 'countryCode'],
    ['REPORTED_IN', 'Article', 'articleId'],
  ] as const;
  for (const [type, kind, column] of incoming) {
    if (!types.has(type) || f[kind].length === 0) continue;
    const values: readonly (number | string)[] = f[kind];
    const col = raw(`"${column}"`);
    let from: Prisma.Sql;
    if (closure) {
      const ids = kind === 'Country' ? codes(f.Country) : ints(f[kind]);
      from = sql`"Event" e WHERE e.${col} = ANY(${ids}) AND e.id = ANY(${ints(closure.Event)})`;
    } else if (kind !== 'Country') {
      // Sub-events and the events of an article: in the order they were recorded.
      from = perNode(
        values,
        'int',
        (v, byId) => sql`SELECT ${EVENT_COLUMNS} FROM "Event" WHERE ${col} = ${v} ORDER BY ${byId} LIMIT ${n}`,
        'e',
      );
    } else {
      // Events in a country: the most recent first, through the (countryCode, startDate) index.
      from = perNode(
        values,
        'bpchar',
        (v, byId) => sql`SELECT * FROM (
            (SELECT ${EVENT_COLUMNS} FROM "Event" WHERE ${col} = ${v} AND "startDate" IS NOT NULL ORDER BY "startDate" DESC, ${byId} DESC LIMIT ${n})
            UNION ALL
            (SELECT ${EVENT_COLUMNS} FROM "Event" WHERE ${col} = ${v} AND "startDate" IS NULL ORDER BY (id + 0) DESC LIMIT ${n})
          ) AS occurred LIMIT ${n}`,
        'e',
      );
    }
    out.push(
      branch(
        sql`${type}::text, 'Event', e.id::text, ${kind}::text, e.${col}::text, NULL::text, NULL::text, ${eventEvidence('e')}`,
        anchor(kind, `e."${column}"`),
        `${kind}<${type}`,
        'e.id',
        from,
      ),
    );
  }
  return out;
};

const participantTable: TableBuilder = (f, types, mode) => {
  if (!types.has('PARTICIPATED_IN')) return [];
  const out: Branch[] = [];
  const closure = mode.kind === 'closure' ? mode.known : null;
  const n = mode.kind === 'expand' ? mode.cap + 1 : 0;
  const columns = sql`'PARTICIPATED_IN'::text,
    CASE WHEN p."personId" IS NOT NULL THEN 'Person' WHEN p."organizationId" IS NOT NULL THEN 'Organization' ELSE 'Country' END,
    COALESCE(p."personId"::text, p."organizationId"::text, p."countryCode"::text), 'Event', p."eventId"::text, NULL::text, p.role::text,
    ${eventEvidence('e')}`;
  if (f.Event.length > 0) {
    const E = ints(f.Event);
    const from = closure
      ? sql`"EventParticipant" p JOIN "Event" e ON e.id = p."eventId" WHERE p."eventId" = ANY(${E}) AND (p."personId" = ANY(${ints(closure.Person)})
          OR p."organizationId" = ANY(${ints(closure.Organization)}) OR p."countryCode" = ANY(${codes(closure.Country)}))`
      : sql`${perNode(
          f.Event,
          'int',
          (v, byId) =>
            sql`SELECT ${PARTICIPANT_COLUMNS} FROM "EventParticipant" WHERE "eventId" = ${v} ORDER BY ${byId} LIMIT ${n}`,
          'p',
        )} JOIN "Event" e ON e.id = p."eventId"`;
    out.push(branch(columns, anchor('Event', 'p."eventId"'), 'Event<PARTICIPATED_IN', 'p.id', from));
  }
  for (const [kind, column] of [
    ['Person', 'personId'],
    ['Organization', 'organizationId'],
    ['Country', 'countryCode'],
  ] as const) {
    if (f[kind].length === 0) continue;
    const ids = kind === 'Country' ? codes(f.Country) : ints(f[kind]);
    const col = raw(`"${column}"`);
    const from = closure
      ? sql`"EventParticipant" p JOIN "Event" e ON e.id = p."eventId" WHERE p.${col} = ANY(${ids}) AND p."eventId" = ANY(${ints(closure.Event)})`
      : sql`${perNode(
          f[kind],
          castOf(kind),
          (v, byId) =>
            sql`SELECT ${PARTICIPANT_COLUMNS} FROM "EventParticipant" WHERE ${col} = ${v} ORDER BY ${byId} DESC LIMIT ${n}`,
          'p',
        )} JOIN "Event" e ON e.id = p."eventId"`;
    out.push(branch(columns, anchor(kind, `p."${column}"`), `${kind}>PARTICIPATED_IN`, 'p.id', from));
  }
  return out;
};

const roleTable: TableBuilder = (f, types, mode) => {
  if (!types.has('HOLDS_ROLE')) return [];
  const out: Branch[] = [];
  const closure = mode.kind === 'closure' ? mode.known : null;
  const n = mode.kind === 'expand' ? mode.cap + 1 : 0;
  const columns = (targetKind: Prisma.Sql, targetId: Prisma.Sql) =>
    sql`'HOLDS_ROLE'::text, 'Person', r."personId"::text, ${targetKind}, ${targetId}, r.title, NULL::text,
      r."articleId", r."evidenceStart", r."evidenceEnd", r."evidenceText"`;
  if (f.Person.length > 0) {
    const P = ints(f.Person);
    // A role names a country, an organization or both: one edge for each.
    const targets = raw(
      `CROSS JOIN LATERAL (VALUES ('Country', r."countryCode"::text), ('Organization', r."organizationId"::text)) AS t(kind, id)`,
    );
    const from = closure
      ? sql`"Role" r ${targets} WHERE t.id IS NOT NULL AND r."personId" = ANY(${P})
          AND (r."countryCode" = ANY(${codes(closure.Country)}) OR r."organizationId" = ANY(${ints(closure.Organization)}))`
      : sql`${perNode(
          f.Person,
          'int',
          (v, byId) => sql`SELECT ${ROLE_COLUMNS} FROM "Role" WHERE "personId" = ${v} ORDER BY ${byId} DESC LIMIT ${n}`,
          'r',
        )} ${targets} WHERE t.id IS NOT NULL`;
    out.push(
      branch(columns(raw('t.kind'), raw('t.id')), anchor('Person', 'r."personId"'), 'Person>HOLDS_ROLE', 'r.id', from),
    );
  }
  for (const [kind, column] of [
    ['Country', 'countryCode'],
    ['Organization', 'organizationId'],
  ] as const) {
    if (f[kind].length === 0) continue;
    const ids = kind === 'Country' ? codes(f.Country) : ints(f[kind]);
    const col = raw(`"${column}"`);
    const from = closure
      ? sql`"Role" r WHERE r.${col} = ANY(${ids}) AND r."personId" = ANY(${ints(closure.Person)})`
      : perNode(
          f[kind],
          castOf(kind),
          (v, byId) => sql`SELECT ${ROLE_COLUMNS} FROM "Role" WHERE ${col} = ${v} ORDER BY ${byId} DESC LIMIT ${n}`,
          'r',
        );
    out.push(
      branch(
        columns(sql`${kind}::text`, sql`r.${col}::text`),
        anchor(kind, `r."${column}"`),
        `${kind}<HOLDS_ROLE`,
        'r.id',
        from,
      ),
    );
  }
  return out;
};

const organizationTable: TableBuilder = (f, types, mode) => {
  const out: Branch[] = [];
  const closure = mode.kind === 'closure' ? mode.known : null;
  const n = mode.kind === 'expand' ? mode.cap + 1 : 0;
  if (f.Organization.length > 0) {
    const O = ints(f.Organization);
    if (types.has('PART_OF')) {
      const restrict = closure ? sql`AND o."parentId" = ANY(${ints(closure.Organization)})` : Prisma.empty;
      out.push(
        branch(
          sql`'PART_OF'::text, 'Organization', o.id::text, 'Organization', o."parentId"::text, NULL::text, NULL::text, ${NO_EVIDENCE}`,
          anchor('Organization', 'o.id'),
          'Organization>PART_OF',
          'o.id',
          sql`"Organization" o WHERE o.id = ANY(${O}) AND o."parentId" IS NOT NULL ${restrict}`,
        ),
      );
    }
    if (types.has('BELONGS_TO')) {
      const restrict = closure ? sql`AND o."countryCode" = ANY(${codes(closure.Country)})` : Prisma.empty;
      out.push(
        branch(
          sql`'BELONGS_TO'::text, 'Organization', o.id::text, 'Country', o."countryCode"::text, NULL::text, NULL::text, ${NO_EVIDENCE}`,
          anchor('Organization', 'o.id'),
          'Organization>BELONGS_TO',
          'o.id',
          sql`"Organization" o WHERE o.id = ANY(${O}) AND o."countryCode" IS NOT NULL ${restrict}`,
        ),
      );
    }
    if (types.has('LEADS')) {
      const restrict = closure ? sql`AND o."leadCountryCode" = ANY(${codes(closure.Country)})` : Prisma.empty;
      out.push(
        branch(
          sql`'LEADS'::text, 'Country', o."leadCountryCode"::text, 'Organization', o.id::text, NULL::text, NULL::text,
            o."leadCountryArticleId", o."leadCountryEvidenceStart", o."leadCountryEvidenceEnd", o."leadCountryEvidenceText"`,
          anchor('Organization', 'o.id'),
          'Organization<LEADS',
          'o.id',
          sql`"Organization" o WHERE o.id = ANY(${O}) AND o."leadCountryCode" IS NOT NULL ${restrict}`,
        ),
      );
    }
    if (types.has('PART_OF')) {
      // Children of a frontier organization.
      const from = closure
        ? sql`"Organization" o WHERE o."parentId" = ANY(${O}) AND o.id = ANY(${ints(closure.Organization)})`
        : perNode(
            f.Organization,
            'int',
            (v, byId) =>
              sql`SELECT ${ORGANIZATION_COLUMNS} FROM "Organization" WHERE "parentId" = ${v} ORDER BY ${byId} LIMIT ${n}`,
            'o',
          );
      out.push(
        branch(
          sql`'PART_OF'::text, 'Organization', o.id::text, 'Organization', o."parentId"::text, NULL::text, NULL::text, ${NO_EVIDENCE}`,
          anchor('Organization', 'o."parentId"'),
          'Organization<PART_OF',
          'o.id',
          from,
        ),
      );
    }
  }
  if (f.Country.length > 0) {
    const C = codes(f.Country);
    if (types.has('LEADS')) {
      const from = closure
        ? sql`"Organization" o WHERE o."leadCountryCode" = ANY(${C}) AND o.id = ANY(${ints(closure.Organization)})`
        : perNode(
            f.Country,
            'bpchar',
            (
              v,
              byId,
            ) => sql`SELECT id, "leadCountryCode", "leadCountryArticleId", "leadCountryEvidenceStart", "leadCountryEvidenceEnd", "leadCountryEvidenceText"
              FROM "Organization" WHERE "leadCountryCode" = ${v} ORDER BY ${byId} LIMIT ${n}`,
            'o',
          );
      out.push(
        branch(
          sql`'LEADS'::text, 'Country', o."leadCountryCode"::text, 'Organization', o.id::text, NULL::text, NULL::text,
            o."leadCountryArticleId", o."leadCountryEvidenceStart", o."leadCountryEvidenceEnd", o."leadCountryEvidenceText"`,
          anchor('Country', 'o."leadCountryCode"'),
          'Country>LEADS',
          'o.id',
          from,
        ),
      );
    }
    if (types.has('BELONGS_TO')) {
      const from = closure
        ? sql`"Organization" o WHERE o."countryCode" = ANY(${C}) AND o.id = ANY(${ints(closure.Organization)})`
        : perNode(
            f.Country,
            'bpchar',
            (v, byId) =>
              sql`SELECT id, "countryCode" FROM "Organization" WHERE "countryCode" = ${v} ORDER BY ${byId} LIMIT ${n}`,
            'o',
          );
      out.push(
        branch(
          sql`'BELONGS_TO'::text, 'Organization', o.id::text, 'Country', o."countryCode"::text, NULL::text, NULL::text, ${NO_EVIDENCE}`,
          anchor('Country', 'o."countryCode"'),
          'Country<BELONGS_TO',
          'o.id',
          from,
        ),
      );
    }
  }
  return out;
};

const articleTable: TableBuilder = (f, types, mode, state) => {
  if (!types.has('PUBLISHED')) return [];
  const out: Branch[] = [];
  const closure = mode.kind === 'closure' ? mode.known : null;
  const n = mode.kind === 'expand' ? mode.cap + 1 : 0;
  const columns = sql`'PUBLISHED'::text, 'Organization', a."sourceId"::text, 'Article', a.id::text, NULL::text, NULL::text, ${NO_EVIDENCE}`;
  if (f.Article.length > 0) {
    const restrict = closure ? sql`AND a."sourceId" = ANY(${ints(closure.Organization)})` : Prisma.empty;
    out.push(
      branch(
        columns,
        anchor('Article', 'a.id'),
        'Article<PUBLISHED',
        'a.id',
        sql`"Article" a WHERE a.id = ANY(${ints(f.Article)}) ${restrict}`,
      ),
    );
  }
  if (f.Organization.length > 0) {
    let from: Prisma.Sql;
    if (closure) {
      from = sql`"Article" a WHERE a."sourceId" = ANY(${ints(f.Organization)}) AND a.id = ANY(${ints(closure.Article)})`;
    } else {
      // The newest articles of each organization (see MAX_PUBLISHERS_PER_STEP).
      const publishers = f.Organization.slice(0, MAX_PUBLISHERS_PER_STEP);
      if (publishers.length < f.Organization.length) state.truncated = true;
      from = perConstant(
        publishers,
        'int',
        (v) =>
          sql`SELECT id, "sourceId" FROM "Article" WHERE "sourceId" = ${v} ORDER BY "publishedOn" DESC, id DESC LIMIT ${n}`,
        'a',
      );
    }
    out.push(branch(columns, anchor('Organization', 'a."sourceId"'), 'Organization>PUBLISHED', 'a.id', from));
  }
  return out;
};

/** The edge tables, in the order their statements are sent. */
export const EDGE_TABLES: readonly [string, TableBuilder][] = [
  ['Statement', statementTable],
  ['_StatementAbout', aboutTable],
  ['Event', eventTable],
  ['EventParticipant', participantTable],
  ['Role', roleTable],
  ['Organization', organizationTable],
  ['Article', articleTable],
];

const parseId = (kind: NodeKind, id: string) => nodeId(kind, kind === 'Country' ? id.trim() : Number(id));

/**
 * The edges of the requested types touching the frontier: one statement per edge table that
 * has a branch for it (at most EDGE_TABLES.length), sent concurrently.
 */
export async function fetchEdges(
  prisma: PrismaClient,
  frontier: NodeSet,
  types: Set<RelationType>,
  mode: StepMode,
): Promise<StepResult> {
  const statements: Prisma.Sql[] = [];
  const state = { truncated: false };
  for (const [, build] of EDGE_TABLES) {
    const branches = build(frontier, types, mode, state);
    if (branches.length === 0) continue;
    statements.push(
      sql`SELECT * FROM (${Prisma.join(
        branches.map((b) => sql`(${b.sql})`),
        ' UNION ALL ',
      )}) AS edge(type, src_kind, src_id, tgt_kind, tgt_id, label, role, ev_article, ev_start, ev_end, ev_text, anchor, branch, row_id)`,
    );
  }
  const results = await Promise.all(statements.map((statement) => prisma.$queryRaw<Row[]>(statement)));

  const edges: RawEdge[] = [];
  let truncated = state.truncated;
  for (const rows of results) {
    // Rows are grouped per frontier node and branch; a group with more than `cap` distinct rows
    // was cut by the cap: its extra row is dropped and the result marked truncated.
    const seen = new Map<string, Set<string>>();
    for (const row of rows) {
      if (mode.kind === 'expand') {
        const group = `${row.branch}|${row.anchor}`;
        const ids = seen.get(group) ?? new Set<string>();
        seen.set(group, ids);
        ids.add(row.row_id);
        if (ids.size > mode.cap) {
          truncated = true;
          continue;
        }
      }
      const source = parseId(row.src_kind, row.src_id);
      const target = parseId(row.tgt_kind, row.tgt_id);
      const discriminator =
        row.type === 'HOLDS_ROLE' ? `:${row.label}` : row.type === 'PARTICIPATED_IN' ? `:${row.role}` : '';
      edges.push({
        type: row.type,
        source,
        target,
        label: row.label,
        role: row.role,
        evidence:
          row.ev_article !== null && row.ev_start !== null && row.ev_end !== null && row.ev_text !== null
            ? { articleId: row.ev_article, start: row.ev_start, end: row.ev_end, text: row.ev_text }
            : null,
        anchor: row.anchor.startsWith('Country:') ? row.anchor.trim() : row.anchor,
        key: `${row.type}|${source}|${target}${discriminator}`,
      });
    }
  }
  return { edges, truncated, statements: statements.length };
}
