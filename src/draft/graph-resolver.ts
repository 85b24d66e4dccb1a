/**
 * The drafting assistant's resolver over the shared resolution module (src/resolve/, the one
 * ingestion uses): the validated draft is resolved once against the graph, read-only, and each
 * proposed person, organisation and event is answered from its decision:
 * - existing → the node (its global ID, for a `resolve: { id }` hint), with the rule, the
 *   reason and the score as the confidence (flagged below 0.8);
 * - ambiguous → the candidate nodes, no hint (ingestion would refuse it until a curator decides);
 * - create → nothing (a new node, as far as the graph can tell).
 * Two proposals that resolve to one node are flagged: they are one entity written twice.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Annotation } from '../annotations/format.js';
import { PLACEHOLDER_SPEAKER } from '../annotations/format.js';
import type { CountryDesignation } from '../annotations/validate.js';
import type { Db } from '../resolve/graph.js';
import { type Decision, ResolveGraph, resolveAnnotation } from '../resolve/index.js';
import type { AmbiguousEntity, DocumentResolver, ResolvedEntity } from './resolver.js';

const TYPES = { PERSON: 'Person', ORGANIZATION: 'Organization', EVENT: 'Event' } as const;
const KINDS = { PERSON: 'person', ORGANIZATION: 'organization', EVENT: 'event' } as const;

/** A resolver reading the graph through `db` (the service's client, or a test's). It writes nothing. */
export function graphResolver(db: Db): DocumentResolver {
  return {
    async resolveDocument(annotation: Annotation, countries: readonly CountryDesignation[]) {
      const resolution = await resolveAnnotation(new ResolveGraph(db), annotation, countries, []);
      const answers = new Map<string, ResolvedEntity | AmbiguousEntity | null>();
      for (const decision of resolution.decisions) {
        if (decision.kind === 'COUNTRY' || decision.localKey === PLACEHOLDER_SPEAKER) continue;
        answers.set(`${KINDS[decision.kind]}:${decision.localKey}`, answerOf(decision));
      }
      // "x and y both resolve to …": say so on both proposals.
      for (const problem of resolution.problems) {
        const both = /^"([^"]+)" and "([^"]+)" both resolve/.exec(problem.message);
        const section = /^\$\.(persons|organizations|events)\[/.exec(problem.path)?.[1];
        if (!both || !section) continue;
        const kind = section === 'persons' ? 'person' : section === 'organizations' ? 'organization' : 'event';
        for (const key of [both[1], both[2]]) {
          const answer = answers.get(`${kind}:${key}`);
          if (answer && 'node' in answer) answer.warning = problem.message;
        }
      }
      return answers;
    },
  };
}

function answerOf(decision: Decision): ResolvedEntity | AmbiguousEntity | null {
  if (decision.kind === 'COUNTRY') return null;
  const type = TYPES[decision.kind];
  if (decision.outcome === 'existing') {
    const { match } = decision;
    return {
      node: { key: match.key, id: encodeGlobalID(type, match.key), name: match.label },
      rule: `${match.rule}: ${match.reason}`,
      confidence: Math.min(1, match.score),
    };
  }
  if (decision.outcome === 'ambiguous') {
    return {
      candidates: decision.candidates.map((c) => ({
        key: c.key,
        name: c.label,
        id: encodeGlobalID(type, c.key),
        score: Math.min(1, c.score),
      })),
      reason: decision.reason,
    };
  }
  return null;
}
