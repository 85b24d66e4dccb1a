/**
 * Country mentions: every name, official name, alternative spelling, alias, demonym and
 * adjective of the reference data and the reviewed alias file, found where the text writes
 * it with a capital letter. Capitals count only as flagged metonyms ("Moscow said"), and
 * names that also name something else ("Georgia", "Jordan" before a surname, "Latin
 * America") are dropped or flagged rather than guessed.
 */
import { type CountryNameKind, countryNames, lookupCountry } from '../reference/country-lookup.js';
import type { CountryMention, Range } from './types.js';

interface Form {
  /** Lower case, straight apostrophes: compared with the text lowered the same way. */
  lowered: string;
  code: string;
  kind: CountryNameKind | 'plural';
  /** Only written in capitals ("US", "UK"): codes are words otherwise ("us"). */
  upperOnly: boolean;
  /** The reference name it came from (singular for plurals). */
  name: string;
}

/** Alternative spellings in the reference data that are ordinary words or ambiguous here. */
const UNSAFE_SPELLINGS = new Set([
  'island',
  'mann',
  'mannin',
  'viti',
  'dominique',
  'prathet',
  'guiana',
  'congo',
  'the states',
]);
/** Codes that English news writes as names ("the US", "U.K."). Others are too often acronyms. */
const WRITTEN_CODES = ['US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.', 'UAE', 'DPRK', 'PRC', 'ROK', 'DRC'];
/** Phrases holding a country name that do not designate the country. */
const NOT_A_COUNTRY =
  /\b(?:(?:Latin|South|North|Central) America(?:ns?)?|(?:South|East) China Sea|Indian Ocean|New (?:Mexico|Jersey|Guinea(?!-))|Northern Ireland|Gulf of Mexico|French (?:fries|toast))\b/gu;
/** Names that are also given names, US states or common nouns: kept only with a flag. */
const AMBIGUOUS = new Map([
  ['GE', 'Georgia may be the US state'],
  ['JO', 'Jordan may be a person or the river'],
  ['TD', 'Chad may be a given name'],
  ['JE', 'Jersey may be New Jersey or the island'],
]);
const SPEECH_AFTER_CAPITAL =
  /^\s+(?:has\s+|have\s+|had\s+|also\s+|on\s+\w+\s+)?(?:said|says|warned|warns|believes|accused|insisted|insists|announced|responded|rejected|denied|stated|claimed|demanded|urged|welcomed|condemned|called|noted)\b/u;

const lower = (s: string) => s.toLowerCase().replace(/[\u2018\u2019\u02BC]/g, "'");
const stripMarks = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

function buildForms(): Map<string, Form[]> {
  const forms: Form[] = [];
  const add = (written: string, code: string, kind: Form['kind'], name = written, upperOnly = false) => {
    for (const variant of new Set([written, stripMarks(written)])) {
      forms.push({ lowered: lower(variant), code, kind, upperOnly, name });
    }
  };
  for (const entry of countryNames) {
    if (
      entry.kind === 'code' ||
      entry.kind === 'capital' ||
      !/^\p{Lu}/u.test(entry.name) ||
      !/^[\p{Script=Latin}\p{M}'’ .,()-]+$/u.test(entry.name)
    )
      continue;
    if (UNSAFE_SPELLINGS.has(lower(entry.name))) continue;
    add(entry.name, entry.code, entry.kind);
    if ((entry.kind === 'demonym' || entry.kind === 'adjective') && !/(?:s|sh|ch|ese|x|z|i)$/.test(entry.name)) {
      add(`${entry.name}s`, entry.code, 'plural', entry.name);
    }
  }
  // Shared by two states: found so that it can be reported, never proposed.
  for (const code of ['CD', 'CG']) add('Congo', code, 'name');
  for (const code of WRITTEN_CODES) {
    const match = lookupCountry(code);
    if (match.length === 1) add(code, (match[0] as { code: string }).code, 'code', code, true);
  }
  // Index by the first two letters; candidates longest first so "Guinea-Bissau" beats "Guinea".
  const index = new Map<string, Form[]>();
  for (const form of forms) {
    const key = form.lowered.slice(0, 2);
    const list = index.get(key) ?? [];
    if (!list.some((f) => f.lowered === form.lowered && f.code === form.code)) list.push(form);
    index.set(key, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.lowered.length - a.lowered.length);
  return index;
}

const formsByPrefix = buildForms();
const capitals = countryNames.filter((n) => n.kind === 'capital' && /^[\p{Script=Latin}' .-]+$/u.test(n.name));

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Ambiguous forms (several countries): reported, not proposed. */
export interface UnresolvedCountry extends Range {
  text: string;
  codes: string[];
}

export function findCountryMentions(text: string): { mentions: CountryMention[]; unresolved: UnresolvedCountry[] } {
  const lowered = comparable(text);
  const blocked = [...text.matchAll(NOT_A_COUNTRY)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const mentions: CountryMention[] = [];
  const unresolved: UnresolvedCountry[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\p{Lu}/u.test(text[i] as string) || isWordChar(text[i - 1])) continue;
    const candidates = formsByPrefix.get(lowered.slice(i, i + 2)) ?? [];
    const hit = candidates.find(
      (f) =>
        lowered.startsWith(f.lowered, i) &&
        !isWordChar(text[i + f.lowered.length]) &&
        (!f.upperOnly || text.slice(i, i + f.lowered.length) === text.slice(i, i + f.lowered.length).toUpperCase()),
    );
    if (!hit) continue;
    const end = i + hit.lowered.length;
    const span = { start: i, end, text: text.slice(i, end) };
    if (!blocked.some((b) => b.start <= i && end <= b.end)) {
      const codes = [...new Set(candidates.filter((f) => f.lowered === hit.lowered).map((f) => f.code))];
      // Several countries share the form ("American": US and the Northern Mariana Islands):
      // the lookup's ranking decides (a sovereign state first), or nobody does.
      const resolved =
        codes.length === 1 ? codes : hit.lowered === 'congo' ? codes : lookupCountry(hit.name).map((m) => m.code);
      if (resolved.length !== 1) unresolved.push({ ...span, codes });
      else if (!partOfPersonName(text, span, resolved[0] as string))
        mentions.push(mention(span, resolved[0] as string, hit.kind));
    }
    i = end - 1;
  }
  return { mentions: [...mentions, ...capitalMetonyms(text)].sort((a, b) => a.start - b.start), unresolved };
}

/** The text lowered and without diacritics, character by character, so every offset stays. */
function comparable(text: string): string {
  let out = '';
  for (const c of text) {
    const plain = lower(stripMarks(c));
    out += plain.length === c.length ? plain : c;
  }
  return out;
}

/** Capitalised words that start sentences without being names ("In Jordan, …"). */
const SENTENCE_OPENERS = new Set([
  'In',
  'To',
  'From',
  'At',
  'For',
  'By',
  'With',
  'The',
  'And',
  'But',
  'On',
  'Of',
  'Across',
  'Inside',
  'Outside',
  'Near',
  'Both',
  'Neither',
  'Unlike',
  'Like',
  'Visiting',
  'Leaving',
  'After',
  'Before',
  'Since',
  'While',
]);

/** "Chad Miller", "Michael Jordan": a country name that is someone's given name or surname. */
function partOfPersonName(text: string, span: Range, code: string): boolean {
  if (code !== 'TD' && code !== 'JO' && code !== 'GE') return false;
  const before = text.slice(Math.max(0, span.start - 30), span.start);
  const after = text.slice(span.end, span.end + 30);
  const previous = /(\p{Lu}\p{Ll}+)\s$/u.exec(before)?.[1];
  return /^\s\p{Lu}\p{Ll}/u.test(after) || (previous !== undefined && !SENTENCE_OPENERS.has(previous));
}

function mention(span: { start: number; end: number; text: string }, code: string, kind: Form['kind']): CountryMention {
  const confidence = {
    name: 0.97,
    official: 0.97,
    alias: 0.95,
    alternative: 0.9,
    code: 0.95,
    demonym: 0.9,
    adjective: 0.9,
    plural: 0.85,
    capital: 0.5,
  }[kind];
  const ambiguous = AMBIGUOUS.get(code);
  return {
    ...span,
    code,
    kind,
    rule: `country-${kind}`,
    confidence: ambiguous ? 0.6 : confidence,
    ...(ambiguous ? { flag: ambiguous } : {}),
  };
}

/** "Moscow said", "Beijing has warned": a capital speaking for its country, proposed with a flag. */
function capitalMetonyms(text: string): CountryMention[] {
  const found: CountryMention[] = [];
  for (const capital of capitals) {
    let at = text.indexOf(capital.name);
    while (at >= 0) {
      const end = at + capital.name.length;
      if (!isWordChar(text[at - 1]) && !isWordChar(text[end]) && SPEECH_AFTER_CAPITAL.test(text.slice(end, end + 40))) {
        found.push({
          start: at,
          end,
          text: capital.name,
          code: capital.code,
          kind: 'capital',
          rule: 'country-capital-metonym',
          confidence: 0.5,
          flag: `${capital.name} is the capital: a metonym for the country's government? Keep or remove.`,
        });
      }
      at = text.indexOf(capital.name, end);
    }
  }
  return found;
}
