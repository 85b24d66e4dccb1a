/**
 * Plugs a resolver (the shared module src/resolve/ through src/draft/graph-resolver.ts, or a
 * test's) into drafting: every proposed person, organisation and event is offered to it, and a
 * match becomes a `resolve` hint on the proposal (`{ "id": <global ID> }`, or `{ "key" }`), with
 * the rule and confidence in the review, flagged below 0.8; an ambiguous answer is a flag with
 * the candidates and no hint. Without a resolver nothing changes; a resolver that fails leaves
 * the proposals as they were, flagged.
 */
import { PLACEHOLDER_SPEAKER } from '../annotations/format.js';
import { validateAnnotation } from '../annotations/validate.js';
import { type Draft, type DraftInput, draftArticle, withDraftBlock } from './draft.js';
import type { DocumentResolver, EntityCandidate, EntityResolver, ResolverAnswer } from './resolver.js';
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
interface EventDoc {
  key: string;
  title: string;
  country: string | null;
  resolve?: unknown;
}

export async function draftArticleResolved(
  input: DraftInput,
  options: { resolver?: EntityResolver | DocumentResolver; now?: Date } = {},
): Promise<Draft> {
  const draft = draftArticle(input, options);
  if (!options.resolver) return draft;
  const { draft: _block, ...content } = draft.document;
  const article = content.article as { key: string; publishedOn: { value: string }; source: string };
  const context = { key: article.key, publishedOn: article.publishedOn.value, source: article.source };
  const persons = content.persons as PersonDoc[];
  const organizations = content.organizations as OrganizationDoc[];
  const events = content.events as EventDoc[];
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
    ...organizations
      .filter((o) => o.key !== PLACEHOLDER_SPEAKER)
      .map((o): [string, EntityCandidate, OrganizationDoc] => [
        `$.organizations[${organizations.indexOf(o)}]`,
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
    ...events.map((e, i): [string, EntityCandidate, EventDoc] => [
      `$.events[${i}]`,
      {
        kind: 'event',
        key: e.key,
        name: e.title,
        aliases: [],
        acronym: null,
        roles: [],
        countries: e.country ? [e.country] : [],
        article: context,
      },
      e,
    ]),
  ];
  let ask: EntityResolver;
  try {
    ask = await perCandidate(options.resolver, content, input.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ask = () => Promise.reject(new Error(reason));
  }
  for (const [path, candidate, target] of candidates) {
    try {
      const match = await ask(candidate);
      if (!match) continue;
      if ('candidates' in match) {
        const names = match.candidates
          .map((c) => `${c.key}${c.name ? ` (${c.name})` : ''}${c.id ? ` id ${c.id}` : ''}`)
          .join(', ');
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
          ...(match.warning
            ? { flag: match.warning }
            : confidence < 0.8
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

/** A document resolver asked once about the validated draft, as an answer per candidate. */
async function perCandidate(
  resolver: EntityResolver | DocumentResolver,
  content: Record<string, unknown>,
  text: string,
): Promise<EntityResolver> {
  if (typeof resolver === 'function') return resolver;
  const checked = validateAnnotation(structuredClone(content), text);
  if (!checked.ok) throw new Error('the draft did not validate before resolution');
  const answers = await resolver.resolveDocument(checked.annotation, checked.countries);
  return async (candidate): Promise<ResolverAnswer> => answers.get(`${candidate.kind}:${candidate.key}`) ?? null;
}
