/**
 * Plugs a resolver (the shared module src/resolve/, or a test's) into drafting: every proposed
 * person and organisation is offered to it, and a match becomes a `resolve` hint on the
 * proposal (`{ "id": <global ID> }`, or `{ "key" }`), with the rule and confidence in the review;
 * an ambiguous answer is a flag and no hint. Without a
 * resolver nothing changes; a resolver that fails leaves the proposal as it was, flagged.
 */
import { validateAnnotation } from '../annotations/validate.js';
import { type Draft, type DraftInput, draftArticle, withDraftBlock } from './draft.js';
import type { EntityCandidate, EntityResolver } from './resolver.js';
import { reviewItem } from './review.js';

interface PersonDoc {
  key: string;
  name: string;
  aliases: string[];
  roles: { title: string; country: string | null }[];
  resolve?: unknown;
}
interface OrganizationDoc {
  key: string;
  name: string;
  aliases: string[];
  acronym: string | null;
  country: string | null;
  resolve?: unknown;
}

export async function draftArticleResolved(
  input: DraftInput,
  options: { resolver?: EntityResolver; now?: Date } = {},
): Promise<Draft> {
  const draft = draftArticle(input, options);
  if (!options.resolver) return draft;
  const { draft: _block, ...content } = draft.document;
  const article = content.article as { key: string; publishedOn: { value: string }; source: string };
  const context = { key: article.key, publishedOn: article.publishedOn.value, source: article.source };
  const persons = content.persons as PersonDoc[];
  const organizations = content.organizations as OrganizationDoc[];
  const candidates: [string, EntityCandidate, { resolve?: unknown }][] = [
    ...persons.map((p, i): [string, EntityCandidate, PersonDoc] => [
      `$.persons[${i}]`,
      {
        kind: 'person',
        key: p.key,
        name: p.name,
        aliases: p.aliases,
        acronym: null,
        roles: p.roles.map((r) => ({ title: r.title, country: r.country })),
        countries: [...new Set(p.roles.flatMap((r) => (r.country ? [r.country] : [])))],
        article: context,
      },
      p,
    ]),
    ...organizations.map((o, i): [string, EntityCandidate, OrganizationDoc] => [
      `$.organizations[${i}]`,
      {
        kind: 'organization',
        key: o.key,
        name: o.name,
        aliases: o.aliases,
        acronym: o.acronym,
        roles: [],
        countries: o.country ? [o.country] : [],
        article: context,
      },
      o,
    ]),
  ];
  for (const [path, candidate, target] of candidates) {
    try {
      const match = await options.resolver(candidate);
      if (!match) continue;
      if ('candidates' in match) {
        const names = match.candidates.map((c) => c.key).join(', ');
        draft.review.items.push(
          reviewItem(path, candidate.kind, candidate.name, {
            rule: 'resolver-ambiguous',
            confidence: 0.3,
            flag: `may be ${names} in the graph (${match.reason}): add a resolve hint`,
          }),
        );
        continue;
      }
      target.resolve = match.node.id ? { id: match.node.id } : { key: match.node.key };
      const confidence = match.confidence ?? 0.8;
      draft.review.items.push(
        reviewItem(`${path}.resolve`, candidate.kind, `${candidate.name} = ${match.node.key}`, {
          rule: `resolver: ${match.rule}`,
          confidence,
          ...(confidence < 0.8
            ? { flag: `taken as the graph's ${match.node.key}: check it is the same ${candidate.kind}` }
            : {}),
        }),
      );
    } catch (error) {
      draft.review.items.push(
        reviewItem(path, candidate.kind, candidate.name, {
          rule: 'resolver-failed',
          confidence: 0,
          flag: `the resolver failed (${error instanceof Error ? error.message : String(error)}): resolve it by hand`,
        }),
      );
    }
  }
  draft.review.flaggedCount = draft.review.items.filter((i) => i.flagged).length;
  // The hints are part of what was drafted: the hash covers them.
  draft.document = withDraftBlock(content, options.now ?? new Date());
  const checked = validateAnnotation(structuredClone(draft.document), input.text);
  if (!checked.ok)
    throw new Error(
      `a resolver's answer made the draft invalid: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return draft;
}
