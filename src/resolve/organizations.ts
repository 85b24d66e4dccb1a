/**
 * Does an article's organization description designate one already in the graph?
 *
 * - ACRONYM: the same acronym ("CSTO"), whether given as the acronym or as a name;
 * - NAME: the same name after folding ("the Kazakh authorities" = "Kazakh authorities");
 * - NAME_WORDS: the same distinctive words in another order ("the Council of Ministers of the
 *   XYZO" = "the XYZO Council of Ministers"), acronyms counted as words;
 * - most words shared: a weak match, reported rather than decided.
 * A known parent or country that differs rules a candidate out.
 */
import { asAcronym, contentWords, words } from './names.js';
import type { Match } from './types.js';

export interface OrganizationDescription {
  key: string;
  name: string;
  kind: string;
  acronym: string | null;
  aliases: readonly string[];
  /** Graph id of its parent, where the article names one that is already resolved. */
  parentId: number | null;
  /** The words of the parent's names and acronym: a sub-body's name often repeats them. */
  parentWords?: readonly string[];
  countryCode: string | null;
}

export interface OrganizationCandidate {
  id: number;
  key: string;
  name: string;
  kind: string;
  acronym: string | null;
  aliases: readonly string[];
  formerKeys: readonly string[];
  parentId: number | null;
  countryCode: string | null;
}

interface Forms {
  names: string[];
  wordSets: string[][];
  acronyms: Set<string>;
}

function formsOf(name: string, acronym: string | null, aliases: readonly string[]): Forms {
  const forms: Forms = { names: [], wordSets: [], acronyms: new Set() };
  for (const form of [name, ...aliases, ...(acronym ? [acronym] : [])]) {
    const short = asAcronym(form);
    if (short) {
      forms.acronyms.add(short);
      continue;
    }
    forms.names.push(
      words(form)
        .filter((w) => w !== 'the')
        .join(' '),
    );
    forms.wordSets.push(contentWords(form));
  }
  return forms;
}

const jaccard = (a: readonly string[], b: readonly string[]) => {
  const union = new Set([...a, ...b]);
  const shared = a.filter((w) => b.includes(w)).length;
  return union.size === 0 ? 0 : shared / union.size;
};

export function scoreOrganization(
  description: OrganizationDescription,
  candidate: OrganizationCandidate,
): Match | null {
  // "Mediators from the SCFO" is not the SCFO: nothing is its own parent.
  if (description.parentId === candidate.id) return null;
  if (description.parentId !== null && candidate.parentId !== null && description.parentId !== candidate.parentId) {
    return null;
  }
  if (description.countryCode && candidate.countryCode && description.countryCode !== candidate.countryCode) {
    return null;
  }
  const d = formsOf(description.name, description.acronym, description.aliases);
  const c = formsOf(candidate.name, candidate.acronym, candidate.aliases);
  const match = (rule: Match['rule'], score: number, reason: string): Match => ({
    nodeId: candidate.id,
    key: candidate.key,
    label: candidate.name,
    rule,
    score,
    reason,
  });

  const name = d.names.find((n) => c.names.includes(n));
  if (name) return match('NAME', 0.95, `name "${name}" equals the node's`);
  const acronym = [...d.acronyms].find((a) => c.acronyms.has(a));
  if (acronym) return match('ACRONYM', 0.9, `acronym ${acronym.toUpperCase()} equals the node's`);
  // Acronyms count as words: "CSTO Collective Security Council" ~ "Collective Security Council of the CSTO".
  for (const a of d.wordSets) {
    for (const b of c.wordSets) {
      if (a.length > 0 && a.join(' ') === b.join(' ')) {
        return match('NAME_WORDS', 0.9, `the same words in another order: ${a.join(', ')}`);
      }
    }
  }
  if (candidate.key === description.key || candidate.formerKeys.includes(description.key)) {
    const shared = d.wordSets.some((a) => c.wordSets.some((b) => jaccard(a, b) >= 0.5));
    if (shared) return match('KEY', 0.85, `key "${description.key}" names the node and most of the name agrees`);
  }
  let best = 0;
  for (const a of d.wordSets) for (const b of c.wordSets) best = Math.max(best, jaccard(a, b));
  // Two sub-bodies of one parent: compare what their names say beyond the parent's name
  // ("SCFO mediation team sent to Tamir Bay" / "Silk Corridor Freight Organization mediation team in Tamir Bay").
  if (description.parentId !== null && description.parentId === candidate.parentId && description.parentWords) {
    const parent = new Set(description.parentWords);
    const own = (set: readonly string[]) => set.filter((w) => !parent.has(w));
    let beyond = 0;
    for (const a of d.wordSets) for (const b of c.wordSets) beyond = Math.max(beyond, jaccard(own(a), own(b)));
    if (beyond >= 0.75) {
      return match('NAME_WORDS', 0.8, `same parent, and ${Math.round(beyond * 100)}% of the rest of the name agrees`);
    }
  }
  // A partial likeness between organizations of different kinds is not worth a question.
  if (best >= 0.6 && description.kind === candidate.kind) {
    return match('NAME_WORDS', 0.5, `${Math.round(best * 100)}% of the name's words agree: not enough to decide`);
  }
  return null;
}
