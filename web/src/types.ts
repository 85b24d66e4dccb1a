/** The shapes of the API's answers that the explorer reads (see schema.graphql). */

export type NodeKind = 'Person' | 'Organization' | 'Country' | 'Event' | 'Statement' | 'Article';

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
  'ESCALATED_INTO',
  'LED_TO',
  'FOLLOWED_BY',
  'RESPONSE_TO',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** `synthetic` is read only when the API has the field (see features.ts). */
interface Synthetic {
  synthetic?: boolean | null;
  article?: { synthetic?: boolean | null } | null;
}

export type GraphNode = Synthetic &
  (
    | { __typename: 'Person'; id: string; name: string }
    | { __typename: 'Organization'; id: string; name: string; acronym: string | null }
    | { __typename: 'Country'; id: string; code: string; name: string }
    | { __typename: 'Event'; id: string; title: string; startDate: string | null }
    | { __typename: 'Statement'; id: string; text: string; saidOn: string | null }
    | { __typename: 'Article'; id: string; title: string; publishedOn: string }
  );

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface GraphEdge {
  id: string;
  type: RelationType;
  label: string | null;
  role: string | null;
  source: string;
  target: string;
  evidence: (Span & { article: { id: string } }) | null;
}

export interface Subgraph {
  truncated: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Path {
  length: number;
  truncated: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Article {
  id: string;
  title: string;
  publishedOn: string;
  url: string | null;
  dateline: string | null;
  source: { name: string };
  body: string;
  synthetic?: boolean | null;
}

export type Speaker = { __typename: 'Person' | 'Organization'; id: string; name: string };

export interface StatementDetails {
  __typename: 'Statement';
  id: string;
  text: string;
  kind: string;
  saidOn: string | null;
  saidOnPrecision: string | null;
  saidOnBasis: string | null;
  note: string | null;
  speaker: Speaker;
  about: { id: string; code: string; name: string }[];
  occasion: { id: string; title: string } | null;
  evidence: Span;
  attribution: Span | null;
  article: Article;
}

export interface SearchEdge {
  score: number;
  snippet: string;
  node: GraphNode;
}
