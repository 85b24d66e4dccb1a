/**
 * How drafting asks the graph whether a proposed person, organisation or event is already
 * known. Two shapes: an `EntityResolver` answers one candidate at a time (tests, other
 * sources); a `DocumentResolver` resolves the whole validated draft at once, as the shared
 * resolution module does (src/draft/graph-resolver.ts, over src/resolve/, which ingestion uses
 * too). Drafting itself does no database lookup. A match becomes a `resolve` hint on the
 * proposal, for the curator to accept or change.
 */
import type { Annotation } from '../annotations/format.js';
import type { CountryDesignation } from '../annotations/validate.js';

export interface EntityCandidate {
  kind: 'person' | 'organization' | 'event';
  /** The key the draft gave it (kebab-case of the name). */
  key: string;
  /** Name, or an event's title. */
  name: string;
  aliases: string[];
  acronym: string | null;
  /** Role titles the article states ("President of Belarus"). */
  roles: { title: string; country: string | null }[];
  /** Country of an organisation or an event, or of the person's roles. */
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
  /** Something the curator must check even so (another proposal resolves to the same node): flagged. */
  warning?: string;
}

/** Several nodes fit about as well, or one only weakly: the draft names none of them and flags the proposal. */
export interface AmbiguousEntity {
  candidates: { key: string; name?: string; id?: string; score?: number }[];
  reason: string;
}

export type ResolverAnswer = ResolvedEntity | AmbiguousEntity | null;

/**
 * One question per proposed entity. `null`: nothing in the graph fits (a new node, as far as the
 * resolver can tell).
 */
export type EntityResolver = (candidate: EntityCandidate) => Promise<ResolverAnswer>;

/**
 * The whole draft at once: the validated document (country names already resolved to codes)
 * in, one answer per entity out, keyed `${kind}:${key}` ("person:kassym-jomart-tokayev"); an
 * entity without an answer is new.
 */
export interface DocumentResolver {
  resolveDocument(
    annotation: Annotation,
    countries: readonly CountryDesignation[],
  ): Promise<ReadonlyMap<string, ResolverAnswer>>;
}
