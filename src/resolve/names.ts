/**
 * Names as resolution compares them: folded (case, diacritics, punctuation), split into
 * words, stripped of titles and country adjectives ("Kazakh President Tokayev" is the name
 * "Tokayev" with the title "president" and the country KZ), and reduced to a consonant
 * skeleton that makes transliteration variants equal ("Tokayev" / "Tokaev", "Yerlan" /
 * "Erlan", "Lukashenko" / "Lukashenka").
 *
 * `personNameKeys` / `organizationNameKeys` are the values stored in the GIN-indexed
 * `nameKeys` column: a candidate shares at least one key with the description.
 */
import { lookupCountry } from '../reference/country-lookup.js';

/** Lower case, no diacritics, straight apostrophes, and every other mark a space. */
/** Letters NFKD does not take apart: Turkish dotless i, Polish ł, Nordic ø and æ, German ß. */
const UNDECOMPOSED: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıłøđßæœþ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a name: "Kassym-Jomart Tokayev" → kassym, jomart, tokayev. */
export function words(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * The consonant skeleton of a word, for transliteration variants: digraphs mapped to one
 * letter (kh → h, zh → j, sh/shch → s, ch/tch → c, ts → c, ph → f), q → k, w/ff → v, x → ks,
 * then every vowel (and y, the semivowel) after the first letter dropped and doubles
 * collapsed. A leading y before a vowel is dropped ("Yerlan" = "Erlan").
 */
export function skeleton(word: string): string {
  let w = foldText(word).replace(/ /g, '');
  w = w.replace(/^y(?=[aeiou])/, '');
  w = w
    .replace(/shch|sch/g, 's')
    .replace(/tch/g, 'c')
    .replace(/dzh|dj/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'j')
    .replace(/ch/g, 'c')
    .replace(/sh/g, 's')
    .replace(/ts|tz/g, 'c')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/ff\b/g, 'v')
    .replace(/w/g, 'v')
    .replace(/x/g, 'ks');
  if (w.length === 0) return w;
  const rest = w.slice(1).replace(/[aeiouy]/g, '');
  // Doubled letters collapse (Kassym / Kasym); digits never do (a numbered name stays itself).
  return (w[0] + rest).replace(/([a-z])\1+/g, '$1');
}

/** Words that precede or qualify a person's name without being part of it. */
const PERSON_TITLE_WORDS = new Set(
  `mr mrs ms miss dr prof professor sir madam president vice prime minister ministers deputy first
  foreign defence defense interior finance economy trade health justice secretary general chairman
  chairwoman chair chairperson head leader chief ambassador envoy spokesman spokeswoman spokesperson
  senator governor mayor king queen prince princess sheikh emir sultan colonel major lieutenant
  captain commander admiral adviser advisor director executive ceo analyst official officer
  representative speaker former acting incumbent
  of the for and`
    .split(/\s+/)
    .filter(Boolean),
);

export interface ParsedPersonName {
  /** The name's own words: "kassym", "jomart", "tokayev". */
  tokens: string[];
  /** Title words that preceded it: "president". */
  titles: string[];
  /** Countries its qualifiers named ("Kazakh President" → KZ). */
  countries: string[];
}

/**
 * Splits "Kazakh President Kassym-Jomart Tokayev" into title words, countries and the name.
 * Titles and country words are taken from the front only: what follows the first word that
 * is neither is the name.
 */
export function parsePersonName(text: string): ParsedPersonName {
  const all = words(text);
  const titles: string[] = [];
  const countries: string[] = [];
  let i = 0;
  for (; i < all.length - 1; i++) {
    const word = all[i] as string;
    if (PERSON_TITLE_WORDS.has(word)) {
      if (!['of', 'the', 'for', 'and'].includes(word)) titles.push(word);
      continue;
    }
    // "Kazakh President", "President of Belarus": an adjective anywhere in front, a country's
    // name only after "of" (a person may be called Jordan).
    const [country, ...others] = lookupCountry(word);
    const qualifies =
      country && others.length === 0 && (['demonym', 'adjective'].includes(country.kind) || all[i - 1] === 'of');
    if (country && qualifies) {
      countries.push(country.code);
      continue;
    }
    break;
  }
  return { tokens: all.slice(i), titles, countries };
}

/** Words that do not distinguish one organization's name from another's. */
export const NAME_STOP_WORDS = new Set(['the', 'of', 'for', 'and', 'on', 'in', 'a', 'an', 'at', 'to']);

/** The distinctive words of an organization's or event's name, as a sorted set. */
export function contentWords(text: string): string[] {
  return [...new Set(words(text).filter((w) => !NAME_STOP_WORDS.has(w)))].sort();
}

/** "CSTO", "OSCE", "U.N." → an acronym; ordinary words are not. */
export function asAcronym(text: string): string | null {
  const compact = text.replace(/[.\s]/g, '');
  return /^[A-Z][A-Z0-9&]{1,9}$/.test(compact) ? compact.toLowerCase() : null;
}

/** Index keys of a person: full names, surnames and their skeletons. */
export function personNameKeys(name: string, aliases: readonly string[] = []): string[] {
  const keys = new Set<string>();
  for (const form of [name, ...aliases]) {
    const { tokens } = parsePersonName(form);
    if (tokens.length === 0) continue;
    const surname = tokens.at(-1) as string;
    keys.add(`s:${surname}`);
    keys.add(`ks:${skeleton(surname)}`);
    if (tokens.length > 1) keys.add(`n:${tokens.join(' ')}`);
  }
  return [...keys].sort();
}

/** Index keys of an organization: its name, its word set and its acronyms. */
export function organizationNameKeys(
  name: string,
  acronym: string | null | undefined,
  aliases: readonly string[] = [],
): string[] {
  const keys = new Set<string>();
  for (const form of [name, ...aliases, ...(acronym ? [acronym] : [])]) {
    const short = asAcronym(form);
    if (short) {
      keys.add(`a:${short}`);
      continue;
    }
    const content = contentWords(form);
    if (content.length === 0) continue;
    keys.add(`n:${words(form).join(' ')}`);
    keys.add(`w:${content.join(' ')}`);
    // Each distinctive word, so that a reworded name still finds its candidates.
    for (const word of content) if (word.length > 3) keys.add(`t:${word}`);
  }
  return [...keys].sort();
}
