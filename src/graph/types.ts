/**
 * The graph view of the relational data: six node kinds and fifteen directed, typed edges.
 * Plain types, shared by the traversal (src/graph), the GraphQL types (src/schema/graph.ts)
 * and the exports (src/export).
 */
import type { ParticipantRole, EventRelationType as StoredEventRelationType } from '../generated/prisma/enums.js';

/** Node kinds: each is a GraphQL type that implements Node, with a Relay global ID. */
export const NODE_KINDS = ['Person', 'Organization', 'Country', 'Event', 'Statement', 'Article'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const isNodeKind = (value: string): value is NodeKind => (NODE_KINDS as readonly string[]).includes(value);

/**
 * Edge types, each with its direction and where it comes from:
 * SAID            Person|Organization → Statement   Statement.speaker*     evidence: attribution, else the words
 * ABOUT           Statement → Country               Statement.about        evidence: the statement's words
 * SAID_AT         Statement → Event                 Statement.occasion     evidence: the statement's words
 * PARTICIPATED_IN Person|Organization|Country → Event  EventParticipant    evidence: the report of the event by
 *                                                                        the article that says so; role
 * PART_OF         Organization → Organization, Event → Event   parent       evidence: the sub-event's span (orgs: none)
 * HOLDS_ROLE      Person → Country|Organization     Role                   evidence: the role's span; label: title
 * LEADS           Country → Organization            Organization.leadCountry   evidence: "Russia-led"
 * BELONGS_TO      Organization → Country            Organization.country   no evidence stored
 * OCCURRED_IN     Event → Country                   Event.country          evidence: the event's span
 * PUBLISHED       Organization → Article            Article.source         no evidence stored
 * REPORTED_IN     Statement|Event → Article         Statement.article,     evidence: the statement's words /
 *                                                   EventReport            that article's report of the event
 * ESCALATED_INTO, LED_TO, FOLLOWED_BY, RESPONSE_TO
 *                 Event → Event                     EventRelation          evidence: the connecting words
 *
 * Roles, participations, event reports and event relations are stated per article: the same
 * edge stated by several articles is one edge with the evidence of each (GraphEdge.supportedBy).
 */

/** How the text says one event led to another: the edge types read from EventRelation. */
export const EVENT_RELATION_TYPES = [
  'ESCALATED_INTO',
  'LED_TO',
  'FOLLOWED_BY',
  'RESPONSE_TO',
] as const satisfies readonly StoredEventRelationType[];

export const RELATION_TYPES = [
  'SAID',
  'ABOUT',
  'SAID_AT',
  'PARTICIPATED_IN',
  'PART_OF',
  'HOLDS_ROLE',
  'LEADS',
  'BELONGS_TO',
  'OCCURRED_IN',
  'PUBLISHED',
  'REPORTED_IN',
  ...EVENT_RELATION_TYPES,
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const RELATION_DESCRIPTIONS: Record<RelationType, string> = {
  SAID: 'Person or Organization → Statement: the speaker made the statement. Evidence: the attribution ("Lukashenko said on Monday"), else the words said.',
  ABOUT: 'Statement → Country: the statement is about the country. Evidence: the words said.',
  SAID_AT: 'Statement → Event: the statement was made at the event (its occasion). Evidence: the words said.',
  PARTICIPATED_IN:
    'Person, Organization or Country → Event: took part, in the edge’s `role`. Evidence: the span of the event’s report in the article that says so.',
  PART_OF:
    'Organization → parent Organization (no evidence stored), or Event → the larger Event (evidence: the sub-event’s span).',
  HOLDS_ROLE:
    'Person → Country or Organization: holds the position named in `label` ("President of Belarus"). Evidence: the role’s span.',
  LEADS: 'Country → Organization: the country leads it ("the Russia-led bloc"). Evidence: that span.',
  BELONGS_TO:
    'Organization → Country: the organization belongs to the country (e.g. Kazakh authorities). No evidence stored.',
  OCCURRED_IN: 'Event → Country: the event took place in the country. Evidence: the span reporting the event.',
  PUBLISHED: 'Organization → Article: the news agency published the article. No evidence stored.',
  REPORTED_IN:
    'Statement or Event → Article: the article reports it. Evidence: the statement’s words, or the span of that article’s report of the event (an event reported by several articles has one such edge for each).',
  ESCALATED_INTO:
    'Event → Event: the first event escalated into the second ("protests escalating into mass riots"). Evidence: the connecting words.',
  LED_TO:
    'Event → Event: the first event led to the second ("as a result", "the ensuing violence"). Evidence: the connecting words.',
  FOLLOWED_BY: 'Event → Event: the second event followed the first ("subsequently"). Evidence: the connecting words.',
  RESPONSE_TO:
    'Event → Event: the first event was a response to the second ("in response to"). Evidence: the connecting words.',
};

/** A node as the traversal knows it: database id, public key, Relay global ID and a short label. */
export interface GraphNodeRef {
  kind: NodeKind;
  /** Primary key: an integer, or the alpha-2 code for a Country. */
  dbId: number | string;
  /** Public key (Country: the code); the global ID is built from it. */
  key: string;
  /** Relay global ID, as the API's `id` fields give it. */
  id: string;
  /** Name (Person, Organization, Country), title (Event, Article) or the words said (Statement). */
  label: string;
  /** Number of edges between this node and the start node (neighbors) or its position (path). */
  distance: number;
}

export interface EdgeEvidence {
  articleId: number;
  start: number;
  end: number;
  text: string;
}

export interface GraphEdge {
  /** Stable for the same data: `<type>:<source>:<target>`, plus the role or title where two may differ. */
  id: string;
  type: RelationType;
  /** Global IDs. */
  source: string;
  target: string;
  /** HOLDS_ROLE: the role title. Other types: null. */
  label: string | null;
  /** PARTICIPATED_IN: how the actor took part. */
  role: ParticipantRole | null;
  /** The first of supportedBy (the earliest-ingested article's), or null when the data stores none. */
  evidence: EdgeEvidence | null;
  /** The evidence of every article that states the edge, as far as the traversal read it, by article. */
  supportedBy: EdgeEvidence[];
}

export interface Subgraph {
  root: GraphNodeRef;
  depth: number;
  /** Nodes by distance from the root, the root first. */
  nodes: GraphNodeRef[];
  /** Every edge of the requested types between two returned nodes that the traversal saw. */
  edges: GraphEdge[];
  /** True when the node limit or a per-node edge cap left something out. */
  truncated: boolean;
}

export interface GraphPath {
  length: number;
  /** From `from` to `to`, in order; nodes.length = length + 1. */
  nodes: GraphNodeRef[];
  /** edges[i] joins nodes[i] and nodes[i + 1], in either direction (see source/target). */
  edges: GraphEdge[];
  /** True when a per-node edge cap applied during the search: a shorter path may exist through the cut edges. */
  truncated: boolean;
}

/** A client's mistake (bad depth, malformed or unknown ID): safe to show as it is. */
export class GraphInputError extends Error {
  override name = 'GraphInputError';
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' = 'BAD_USER_INPUT',
  ) {
    super(message);
  }
}
