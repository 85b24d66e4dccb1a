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

const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[ -]/g, '[ -]'))
    .join('|');

/** A role: qualifiers then a head ("Deputy Foreign Minister", "press secretary"), any case. */
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
    .map((w) => (/^(?:of|for|the|and|on|in)$/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
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
  'iu',
);
/** "Its chairman, Rustam Nazarov": a role, a comma, the name. */
const BEFORE_COMMA = new RegExp(
  `(?:^|\\s)(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\\s+(?:[\\p{L}-]+(?:’s|'s)\\s+)?(${ROLE}),\\s+$`,
  'u',
);
const BEFORE_QUALIFIED = new RegExp(`(?:^|[\\s,(])((?:[\\p{Lu}][\\p{L}’'-]*\\s+){1,4}?(?:${ROLE}))\\s+$`, 'iu');

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
  'iu',
);

export function roleAfter(after: string, offset: number, countries: CountryMention[]): RoleReading | null {
  const match = APPOSITIVE.exec(after);
  if (!match) return null;
  const words = match[1] as string;
  const start = offset + after.indexOf(words);
  return readRole(words, { start, end: start + words.length }, countries, 'role-appositive');
}

/** "Kazakh President" → President of Kazakhstan (KZ); "President of Belarus" as written. */
function readRole(words: string, range: Range, countries: CountryMention[], rule: string): RoleReading | null {
  const inside = countries.filter((c) => c.start >= range.start && c.end <= range.end && c.kind !== 'capital');
  const codes = [...new Set(inside.map((c) => c.code))];
  const country = codes.length === 1 ? (codes[0] as string) : null;
  const role = new RegExp(ROLE, 'iu').exec(words);
  if (!role) return null;
  const head = titleCase(role[0]);
  const rest = words.slice(role.index + role[0].length).trim();
  const prefix = words.slice(0, role.index).trim();
  const leading = inside.find((c) => c.start === range.start);
  let title = titleCase(words);
  let organizationText: string | null = null;
  if (leading && country && prefix === leading.text) title = `${head} of ${countryName(country)}`;
  else if (prefix && !leading) {
    organizationText = prefix.replace(/[’']s$/, '');
    title = head;
  } else if (/^(?:of|for|at)\s/.test(rest) && !country)
    organizationText = rest.replace(/^(?:of|for|at)\s+(?:the\s+)?/, '');
  return { ...range, title, country, organizationText, written: titleCase(words), rule };
}
