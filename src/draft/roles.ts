/**
 * What the text says a person is: "President of Belarus", "Kazakh President", "Foreign
 * Minister", "a spokeswoman for the ministry". A role word list (lower case) and the
 * readings of the words around a name that state a role.
 */
import { isoCountries } from '../reference/countries.js';
import type { CountryMention, Range } from './types.js';

const QUALIFIERS = [
  'deputy',
  'vice',
  'first',
  'acting',
  'former',
  'prime',
  'foreign',
  'defense',
  'defence',
  'interior',
  'finance',
  'economy',
  'justice',
  'health',
  'energy',
  'trade',
  'emergencies',
  'agriculture',
  'education',
  'culture',
  'transport',
  'senior',
  'chief',
  'press',
  'general',
  'executive',
  'regional',
  'military',
  'political',
  'national security',
  'security',
];
const HEADS = [
  'president',
  'minister',
  'premier',
  'chancellor',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'secretary general',
  'secretary-general',
  'secretary',
  'ambassador',
  'envoy',
  'chairman',
  'chairwoman',
  'chair',
  'head',
  'leader',
  'commander',
  'governor',
  'mayor',
  'senator',
  'director general',
  'director',
  'speaker',
  'king',
  'queen',
  'prince',
  'emir',
  'professor',
  'analyst',
  'expert',
  'adviser',
  'advisor',
  'lawmaker',
  'representative',
  'coordinator',
  'commissioner',
  'economist',
  'researcher',
  'activist',
  'editor',
  'correspondent',
  'official',
  'general',
  'colonel',
  'prosecutor',
  'judge',
  'mufti',
  'patriarch',
  'consultant',
  'lawyer',
  'scientist',
  'biologist',
  'engineer',
  'founder',
  'co-founder',
  'owner',
  'manager',
  'chief executive',
  'historian',
  'journalist',
  'columnist',
  'fellow',
];

/** "secretary general" → "[Ss]ecretary[ -][Gg]eneral": each word capitalised or not, without the `i` flag (which would make `\p{Lu}` match any letter). */
const anyCase = (word: string) =>
  word
    .split(/[ -]/)
    .map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`)
    .join('[ -]');
const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(anyCase)
    .join('|');

/** A role: qualifiers then a head ("Deputy Foreign Minister", "press secretary"), words capitalised or not. */
export const ROLE = `(?:(?:${alternation(QUALIFIERS)})\\s+)*(?:${alternation(HEADS)})`;
const ROLE_WORDS = new Set([...QUALIFIERS, ...HEADS].flatMap((w) => w.split(/[ -]/)));

export const isRoleWord = (word: string) => ROLE_WORDS.has(word.toLowerCase());

/** The head of a role ("minister" in "Deputy Foreign Minister"), for matching "the minister". */
export function roleHead(title: string): string {
  const lowered = title.toLowerCase();
  return [...HEADS].sort((a, b) => b.length - a.length).find((h) => new RegExp(`\\b${h}\\b`).test(lowered)) ?? lowered;
}

export const titleCase = (words: string) =>
  words
    .split(/(\s+|-)/)
    .map((w) =>
      /^(?:of|for|the|and|on|in|at|with)$/i.test(w) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');

const commonName = new Map(isoCountries.map((c) => [c.cca2, c.name.common]));
export const countryName = (code: string) => commonName.get(code) ?? code;

export interface RoleReading extends Range {
  title: string;
  country: string | null;
  /** Text of an organization the role names ("CSTO" in "CSTO Secretary General"), to resolve. */
  organizationText: string | null;
  /** The words as written, for a title when the organisation cannot be resolved. */
  written: string;
  rule: string;
}

const BEFORE_OF = new RegExp(
  `(?:^|[\\s,(])(${ROLE}(?:\\s+of\\s+(?:the\\s+)?[\\p{Lu}][\\p{L}-]*(?:\\s+(?:of\\s+|and\\s+)?[\\p{Lu}][\\p{L}-]*)*)?)\\s+$`,
  'u',
);
/** "Its chairman, Rustam Nazarov": a role, a comma, the name. */
const BEFORE_COMMA = new RegExp(
  `(?:^|\\s)(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\\s+(?:[\\p{L}-]+(?:’s|'s|(?<=s)[’'])\\s+)?(${ROLE}(?:\\s+(?:for|of|at|with)\\s+[^,;"“”]{2,80}?)?),\\s+$`,
  'u',
);
const BEFORE_QUALIFIED = new RegExp(`(?:^|[\\s,(])((?:[\\p{Lu}][\\p{L}’'-]*\\s+){1,4}?(?:${ROLE}))\\s+$`, 'u');

/**
 * The role stated just before a name: "President of Belarus " / "Kazakh President " /
 * "Foreign Ministry spokeswoman " / "Minister ". `before` is the sentence up to the name.
 */
export function roleBefore(before: string, offset: number, countries: CountryMention[]): RoleReading | null {
  const comma = BEFORE_COMMA.exec(before);
  if (comma) {
    const words = comma[1] as string;
    const start = offset + before.lastIndexOf(words);
    return readRole(words, { start, end: start + words.length }, countries, 'role-before-name-comma');
  }
  const qualified = BEFORE_QUALIFIED.exec(before);
  const ofForm = BEFORE_OF.exec(before);
  const match =
    qualified && (!ofForm || (qualified[1] as string).length >= (ofForm[1] as string).length) ? qualified : ofForm;
  if (!match) return null;
  const words = match[1] as string;
  const start = offset + before.lastIndexOf(words);
  const range = { start, end: start + words.length };
  return readRole(words, range, countries, match === qualified ? 'role-before-name-qualified' : 'role-before-name');
}

/** ", the foreign minister of Uzbekistan," / ", a spokeswoman for the ministry,": an appositive after a name. */
const APPOSITIVE = new RegExp(
  `^,\\s+(?:the|a|an)\\s+((?:[\\p{L}’'-]+\\s+){0,3}?${ROLE}(?:\\s+(?:of|for|at|in|with)\\s+[^,.;"“”]{2,60}?)?)(?=,|\\s+(?:said|says|told|noted|added|stated)\\b|\\.)`,
  'u',
);

/** ", chair of the Kemerlik Chamber of Logistics,": a role of an organisation, without an article. */
const APPOSITIVE_BARE = new RegExp(
  `^,\\s+(${ROLE}\\s+(?:of|for|at)\\s+(?:the\\s+)?\\p{Lu}[^,.;"“”]{2,60}?)(?=,|\\s+(?:said|says|told|noted|added|stated)\\b|\\.)`,
  'u',
);

export function roleAfter(after: string, offset: number, countries: CountryMention[]): RoleReading | null {
  const match = APPOSITIVE.exec(after) ?? APPOSITIVE_BARE.exec(after);
  if (!match) return null;
  const words = match[1] as string;
  const start = offset + after.indexOf(words);
  return readRole(words, { start, end: start + words.length }, countries, 'role-appositive');
}

/** Heads of offices held for a country ("Kazakh President" is the President of Kazakhstan), unlike professions. */
const OFFICES = new Set([
  'president',
  'minister',
  'premier',
  'chancellor',
  'ambassador',
  'envoy',
  'king',
  'queen',
  'prince',
  'emir',
  'leader',
  'governor',
  'commander',
]);

/**
 * "Kazakh President" → President of Kazakhstan (KZ); "President of Belarus" as written (BY);
 * "Kazakh analyst" → Analyst (KZ); "Director of the Fergana Policy Forum" → that title, with
 * the organisation to resolve. A country counts only as the role's qualifier or object.
 */
function readRole(words: string, range: Range, countries: CountryMention[], rule: string): RoleReading | null {
  const role = new RegExp(ROLE, 'u').exec(words);
  if (!role) return null;
  const head = titleCase(role[0]);
  const prefix = words.slice(0, role.index).trim();
  const rest = words.slice(role.index + role[0].length).trim();
  const object = /^(?:of|for|at|with)\s+(?:the\s+)?(.+)$/u.exec(rest)?.[1] ?? null;
  const named = (t: string | null) =>
    t
      ? countries.find((c) => c.kind !== 'capital' && c.text === t && c.start >= range.start && c.end <= range.end)
      : undefined;
  const written = titleCase(words);
  const leading = named(prefix);
  const objectCountry = named(object);
  const office = OFFICES.has(roleHead(role[0]).split(' ').at(-1) ?? '');
  if (leading) {
    const title = office ? `${head} of ${countryName(leading.code)}` : head;
    return { ...range, title, country: leading.code, organizationText: null, written, rule };
  }
  if (objectCountry)
    return { ...range, title: written, country: objectCountry.code, organizationText: null, written, rule };
  if (prefix)
    return { ...range, title: head, country: null, organizationText: prefix.replace(/[’']s$/, ''), written, rule };
  return { ...range, title: object ? written : head, country: null, organizationText: object, written, rule };
}
