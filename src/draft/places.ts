/**
 * Places the article names, from its own evidence: the dateline's place ("TAMIR BAY,
 * Kazakhstan"), a name followed by its country ("Kemerlik, Turkey"), a name after a place noun
 * ("the Kazakh port of Tamir Bay", "the town of Ruse"), a name after a locative preposition
 * ("in Tamir Bay"), and the capitals of the reference data ("Baku"). A place is never a person,
 * and it may say which country the words are about, always with a flag: the country of a place
 * is the article's claim, not a country mention.
 */
import { lookupCountry } from '../reference/country-lookup.js';
import type { Layout } from './layout.js';
import type { CountryMention, Range } from './types.js';

export interface Place {
  name: string;
  /** Country the text puts the place in, if it says (or the reference data's, for a capital). */
  country: string | null;
  /** How the text shows it is a place: the strongest of its rules. */
  evidence: 'dateline' | 'country-after' | 'place-noun' | 'capital' | 'preposition';
  mentions: Range[];
}

/** Nouns that name a kind of place: "the port of X", "the Turkish port of X". */
const PLACE_NOUN =
  'port|city|town|village|capital|region|province|district|harbou?r|island|oblast|county|municipality|settlement|border town|port city|seaport';
const CAPITALISED = "\\p{Lu}[\\p{L}’'-]+(?:\\s\\p{Lu}[\\p{L}’'-]+){0,2}";
const AFTER_PLACE_NOUN = new RegExp(
  `\\b(?:the\\s+)?(?:(\\p{Lu}[\\p{L}-]+)\\s+)?(?:${PLACE_NOUN})\\s+of\\s+(${CAPITALISED})`,
  'gu',
);
const LOCATIVE = new RegExp(
  `\\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|[Tt]hrough|[Vv]ia|[Oo]utside|[Aa]cross|[Aa]round)\\s+(${CAPITALISED})`,
  'gu',
);
/** Words that start a capitalised run without being a place ("In Monday's talks"). */
const NOT_PLACE_START =
  /^(?:The|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Mr|Mrs|Ms|Dr)\b/u;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function findPlaces(text: string, layout: Pick<Layout, 'place'>, countries: CountryMention[]): Place[] {
  const byName = new Map<string, Place>();
  const rank: Place['evidence'][] = ['preposition', 'capital', 'place-noun', 'country-after', 'dateline'];
  const countryAt = (start: number, end: number) =>
    countries.find((c) => c.start === start && c.end === end && c.kind !== 'capital');
  const add = (name: string, evidence: Place['evidence'], country: string | null) => {
    const trimmed = name.replace(/(?:’s|'s)$/u, '');
    if (NOT_PLACE_START.test(trimmed) || countries.some((c) => c.text === trimmed)) return;
    const key = fold(trimmed);
    const place = byName.get(key) ?? { name: trimmed, country: null, evidence, mentions: [] };
    if (rank.indexOf(evidence) > rank.indexOf(place.evidence)) place.evidence = evidence;
    place.country ??= country;
    byName.set(key, place);
  };

  if (layout.place) {
    const region = layout.place.region;
    const code = region ? (countryAt(region.start, region.end)?.code ?? null) : null;
    add(titleCased(layout.place.name), 'dateline', code);
  }
  // "Kemerlik, Turkey": a capitalised name followed by a country named in full.
  for (const c of countries) {
    if (c.kind !== 'name' && c.kind !== 'alias' && c.kind !== 'official') continue;
    const before = new RegExp(`(?:^|[\\s(])(${CAPITALISED}),\\s$`, 'u').exec(
      text.slice(Math.max(0, c.start - 40), c.start),
    );
    // …and the country ends the phrase: "in Kemerlik, Turkey, on March 14", not "Marsh, Kazakhstan's envoy".
    // A list ("in New Mexico, Argentina and …") says nothing of where its first item is.
    const inList = /,\s$/u.test(text.slice(0, Math.max(0, c.start - (before?.[1]?.length ?? 0) - 2)).slice(-2));
    if (before && !inList && /^(?:[,.;)]|\s+(?:on|in|at|with|for)\b|$)/u.test(text.slice(c.end, c.end + 6)))
      add(before[1] as string, 'country-after', c.code);
  }
  for (const m of text.matchAll(AFTER_PLACE_NOUN)) {
    const adjective = m[1];
    const at = adjective ? m.index + m[0].indexOf(adjective) : -1;
    const country = adjective ? (countryAt(at, at + adjective.length)?.code ?? null) : null;
    add(m[2] as string, 'place-noun', country);
  }
  for (const m of text.matchAll(LOCATIVE)) add(m[1] as string, 'preposition', null);

  const places = [...byName.values()];
  for (const place of places) {
    const written = new RegExp(`(?<![\\p{L}])${escapeRegExp(place.name)}(?![\\p{L}])`, 'giu');
    for (const m of text.matchAll(written)) place.mentions.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const capital of capitals(text, countries)) {
    const same = byName.get(fold(capital.name));
    if (!same) places.push(capital);
    else same.country ??= capital.country;
  }
  return places;
}

/** Capitals of the reference data, wherever the text names them ("in Baku and Tbilisi"). */
const capitalOf = new Map<string, string | null>();
/** The country whose capital this name is, and only a capital (not also a country's name). */
function capitalCountry(words: string): string | null {
  let code = capitalOf.get(words);
  if (code === undefined) {
    const hit = lookupCountry(words, { capitals: true }).filter((x) => x.kind === 'capital');
    code = hit.length === 1 && lookupCountry(words).length === 0 ? (hit[0] as { code: string }).code : null;
    if (capitalOf.size < 50_000) capitalOf.set(words, code);
  }
  return code;
}

function capitals(text: string, countries: CountryMention[]): Place[] {
  const found = new Map<string, Place>();
  for (const m of text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}’'-]+(?:\s\p{Lu}[\p{L}’'-]+)?(?![\p{L}])/gu)) {
    for (const words of [m[0], m[0].split(/\s/)[0] as string]) {
      const code = capitalCountry(words);
      if (!code) continue;
      if (countries.some((c) => c.start === m.index && c.kind !== 'capital')) continue;
      const place = found.get(fold(words)) ?? {
        name: words,
        country: code,
        evidence: 'capital' as const,
        mentions: [],
      };
      place.mentions.push({ start: m.index, end: m.index + words.length });
      found.set(fold(words), place);
      break;
    }
  }
  return [...found.values()];
}

/** "TAMIR BAY" as the body writes it: "Tamir Bay". */
const titleCased = (words: string) =>
  /\p{Ll}/u.test(words) ? words : words.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a, b) => a + b.toUpperCase());

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The place named at exactly this span, if any. */
export function placeAt(places: Place[], range: Range): Place | undefined {
  return places.find((p) => p.mentions.some((m) => m.start === range.start && m.end === range.end));
}
