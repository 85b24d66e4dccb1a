/**
 * How drafting asks the graph whether a proposed person or organisation is already known.
 * The resolution module (src/resolve/, shared with ingestion) implements `EntityResolver`;
 * drafting ships none and does no database lookup of its own. A match becomes a `resolve`
 * hint on the proposal, for the curator to accept or change.
 */

export interface EntityCandidate {
  kind: 'person' | 'organization';
  /** The key the draft gave it (kebab-case of the name). */
  key: string;
  name: string;
  aliases: string[];
  acronym: string | null;
  /** Role titles the article states ("President of Belarus"). */
  roles: { title: string; country: string | null }[];
  /** Country of an organisation, or of the person's roles. */
  countries: string[];
  /** The article, for resolvers that weigh context. */
  article: { key: string; publishedOn: string; source: string };
}

export interface ResolvedEntity {
  /** The node in the graph: its key, and its global ID when the resolver knows it (the hint then names the ID). */
  node: { key: string; id?: string; name?: string };
  /** Which rule matched ("same key", "alias and role country"), for the review report. */
  rule: string;
  /** 0..1; below 0.8 the match is flagged. Defaults to 0.8. */
  confidence?: number;
}

/** Several nodes fit about as well: the draft names none of them and flags the proposal. */
export interface AmbiguousEntity {
  candidates: { key: string; name?: string }[];
  reason: string;
}

/**
 * One question per proposed entity. `null`: nothing in the graph fits (a new node, as far as the
 * resolver can tell). An adapter over src/resolve/ may resolve the whole draft document once
 * (resolveAnnotation) and answer each candidate from its decisions: 'existing' → ResolvedEntity,
 * 'ambiguous' → AmbiguousEntity, 'create' → null.
 */
export type EntityResolver = (candidate: EntityCandidate) => Promise<ResolvedEntity | AmbiguousEntity | null>;
