/**
 * Does an article's person description designate a person already in the graph?
 *
 * Rules, strongest first (see ResolutionRule):
 * - KEY: the article uses the node's key (or a former key) and the names agree;
 * - NAME: a full name equals one of the node's (after folding), or adds only a middle name;
 * - TRANSLITERATION: every word of a full name has the skeleton of the node's;
 * - SURNAME_AND_ROLE: only a surname ("Tokayev", "President Tokayev"), and a role, country or
 *   organization that agrees with the node's roles;
 * - a surname alone, with nothing to corroborate it, is a weak match: reported, not decided.
 * Different given names with the same surname ("Lena Marsh" / "Tom Marsh") never match.
 */
import { parsePersonName, skeleton } from './names.js';
import type { Match } from './types.js';

export interface PersonDescription {
  key: string;
  name: string;
  aliases: readonly string[];
  /** Role titles the article gives ("President of Kazakhstan"). */
  roleTitles: readonly string[];
  /** Countries of those roles. */
  roleCountries: readonly string[];
  /** Graph ids of the organizations of those roles, where already resolved. */
  roleOrganizationIds: readonly number[];
}

export interface PersonCandidate {
  id: number;
  key: string;
  name: string;
  aliases: readonly string[];
  formerKeys: readonly string[];
  roleTitles: readonly string[];
  roleCountries: readonly string[];
  roleOrganizationIds: readonly number[];
}

interface Forms {
  /** Names of two words or more. */
  full: string[][];
  /** Every surname (last word), and every one-word name. */
  surnames: string[];
  titles: Set<string>;
  countries: Set<string>;
}

function formsOf(
  name: string,
  aliases: readonly string[],
  roleTitles: readonly string[],
  roleCountries: readonly string[],
): Forms {
  const full: string[][] = [];
  const surnames = new Set<string>();
  const titles = new Set<string>();
  const countries = new Set(roleCountries);
  for (const form of [name, ...aliases]) {
    const parsed = parsePersonName(form);
    if (parsed.tokens.length === 0) continue;
    if (parsed.tokens.length > 1) full.push(parsed.tokens);
    surnames.add(parsed.tokens.at(-1) as string);
    for (const t of parsed.titles) titles.add(t);
    for (const c of parsed.countries) countries.add(c);
  }
  // A role title read as the words before a name: "President of Kazakhstan" → president, KZ.
  for (const title of roleTitles) {
    const parsed = parsePersonName(`${title} X`);
    for (const t of parsed.titles) titles.add(t);
    for (const c of parsed.countries) countries.add(c);
  }
  return { full, surnames: [...surnames], titles, countries };
}

const sameSkeleton = (a: string, b: string) => a === b || skeleton(a) === skeleton(b);

/** "a" and "alexander" agree (an initial); so do transliteration variants. */
const givenAgrees = (a: string, b: string) =>
  sameSkeleton(a, b) || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

type FullComparison = 'equal' | 'middle-name' | 'transliteration' | 'conflict' | 'unrelated';

/** Compares two full names whose surnames may agree. */
function compareFull(a: string[], b: string[]): FullComparison {
  const surnameA = a.at(-1) as string;
  const surnameB = b.at(-1) as string;
  if (!sameSkeleton(surnameA, surnameB)) return 'unrelated';
  if (a.join(' ') === b.join(' ')) return 'equal';
  const givenA = a.slice(0, -1);
  const givenB = b.slice(0, -1);
  if (givenA.length === givenB.length && givenA.every((g, i) => givenAgrees(g, givenB[i] as string))) {
    return givenA.every((g, i) => g === givenB[i]) && surnameA === surnameB ? 'equal' : 'transliteration';
  }
  // One name has a middle name the other lacks: the first given names and surnames agree.
  const [shorter, longer] = givenA.length < givenB.length ? [givenA, givenB] : [givenB, givenA];
  if (
    shorter.length > 0 &&
    shorter.every((g) => longer.some((l) => givenAgrees(g, l))) &&
    givenAgrees(shorter[0] as string, longer[0] as string)
  ) {
    return 'middle-name';
  }
  return 'conflict';
}

/** What agrees between a description's roles and a node's: the corroboration of a surname. */
function corroboration(d: Forms & { orgs: readonly number[] }, c: Forms & { orgs: readonly number[] }): string[] {
  const why: string[] = [];
  const countries = [...d.countries].filter((x) => c.countries.has(x));
  if (countries.length > 0) why.push(`country ${countries.join(', ')}`);
  const orgs = d.orgs.filter((x) => c.orgs.includes(x));
  if (orgs.length > 0) why.push('organization');
  const titles = [...d.titles].filter((x) => c.titles.has(x));
  if (titles.length > 0) why.push(`title "${titles.join(' ')}"`);
  return why;
}

export function scorePerson(description: PersonDescription, candidate: PersonCandidate): Match | null {
  const d = {
    ...formsOf(description.name, description.aliases, description.roleTitles, description.roleCountries),
    orgs: description.roleOrganizationIds,
  };
  const c = {
    ...formsOf(candidate.name, candidate.aliases, candidate.roleTitles, candidate.roleCountries),
    orgs: candidate.roleOrganizationIds,
  };
  const match = (rule: Match['rule'], score: number, reason: string): Match => ({
    nodeId: candidate.id,
    key: candidate.key,
    label: candidate.name,
    rule,
    score,
    reason,
  });

  let best: FullComparison = 'unrelated';
  let pair: [string[], string[]] | null = null;
  const order: FullComparison[] = ['unrelated', 'conflict', 'middle-name', 'transliteration', 'equal'];
  for (const a of d.full) {
    for (const b of c.full) {
      const result = compareFull(a, b);
      if (order.indexOf(result) > order.indexOf(best)) {
        best = result;
        pair = [a, b];
      }
    }
  }
  const keyAgrees = candidate.key === description.key || candidate.formerKeys.includes(description.key);
  const [mine, theirs] = pair?.map((p) => p.join(' ')) ?? ['', ''];
  if (best === 'equal') return match('NAME', 0.95, `full name "${mine}" equals the node's`);
  if (best === 'middle-name') return match('NAME', 0.85, `"${mine}" and "${theirs}" differ only by a middle name`);
  if (best === 'transliteration') {
    return match('TRANSLITERATION', 0.85, `"${mine}" and "${theirs}" are transliteration variants`);
  }
  // Both sides know full names and they conflict: a different person with the same surname.
  if (best === 'conflict') return null;

  const surnames = d.surnames.filter((s) => c.surnames.some((t) => sameSkeleton(s, t)));
  if (surnames.length === 0) return null;
  const surname = surnames[0] as string;
  if (keyAgrees)
    return match('KEY', 0.9, `key "${description.key}" names the node and the surname "${surname}" agrees`);
  const why = corroboration(d, c);
  if (why.length > 0) {
    return match('SURNAME_AND_ROLE', 0.8, `surname "${surname}" and ${why.join(', ')} agree with the node's roles`);
  }
  return match('SURNAME_AND_ROLE', 0.5, `only the surname "${surname}" agrees; nothing else corroborates it`);
}
