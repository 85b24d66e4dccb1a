/**
 * Persons: name mentions found by what surrounds them (a role before the name, an
 * appositive after it, an honorific, a verb of saying), clustered by full name and surname,
 * with the roles the text states. Title forms ("the Belarusian leader") join a person only
 * when exactly one person has that role; pronouns are only suggested, never added.
 */
import { slug } from './keys.js';
import { findNameRuns, type NameRun } from './names.js';
import type { Place } from './places.js';
import { ROLE, type RoleReading, roleAfter, roleBefore, roleHead } from './roles.js';
import { SPEECH_VERB } from './speech-verbs.js';
import type { ArticleText } from './text.js';
import type { CountryMention, Provenance, Range } from './types.js';

export interface MentionProposal extends Range, Provenance {
  text: string;
  /** Where a role written just before this mention starts ("Deputy Secretary-General Halvorsen"): the speaker phrase's start. */
  roleStart?: number;
}

export interface PersonProposal extends Provenance {
  key: string;
  name: string;
  aliases: string[];
  mentions: MentionProposal[];
  roles: (RoleReading & { confidence: number })[];
}

export interface PronounSuggestion extends Range {
  text: string;
  personKey: string;
}

const SPEECH_AFTER = new RegExp(
  `^(?:’s|'s)?\\s*(?:,[^,"“”]{1,80},\\s*|,\\s*)?(?:on\\s+\\w+\\s+)?${SPEECH_VERB}\\b`,
  'u',
);
const SPEECH_BEFORE = /\b(?:said|says|according to|added|noted|quoted|cited)\s+(?:the\s+)?$/i;
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Dr|Sir|Madam)\.?\s+$/;

interface Candidate {
  run: NameRun;
  role: RoleReading | null;
  evidence: string[];
}

export function findPersons(
  article: ArticleText,
  countries: CountryMention[],
  /** Spans already taken by organisations: a name inside one is not a person. */
  organizations: Range[],
  /** Places the text shows to be places (src/draft/places.ts). */
  places: Place[] = [],
): { persons: PersonProposal[]; pronouns: PronounSuggestion[] } {
  const { text } = article;
  const blocked = [...countries, ...organizations];
  const runs = findNameRuns(article, countries).filter(
    (r) => !organizations.some((o) => o.start < r.end && r.start < o.end),
  );
  const allCandidates: Candidate[] = runs.map((run) => {
    const sentence = article.sentences.find((s) => s.start <= run.start && run.start < s.end);
    const from = sentence?.start ?? 0;
    const before = text.slice(from, run.start);
    const after = text.slice(run.end, Math.min(text.length, run.end + 160));
    const evidence: string[] = [];
    const role = roleBefore(before, from, countries) ?? roleAfter(after, run.end, countries);
    if (role) evidence.push(role.rule);
    if (HONORIFIC.test(before)) evidence.push('honorific');
    if (SPEECH_AFTER.test(after) || SPEECH_BEFORE.test(before)) evidence.push('speech-verb');
    // "Aigul Bekmukhamedova, who runs a seed cooperative": "who" is said of persons.
    if (/^,\s+who\s/u.test(after)) evidence.push('relative-who');
    return { run, role, evidence };
  });
  const candidates = withoutPlaces(allCandidates, places);

  const persons = new Map<string, PersonProposal>();
  // Full names first: they define persons; surnames then join the one person they fit.
  for (const c of candidates.filter((c) => c.run.words.length >= 2)) {
    const strong = c.evidence.length > 0;
    if (!strong && !c.run.words.every((w) => /^\p{Lu}/u.test(w) || /^[a-z]{1,4}$/.test(w))) continue;
    const key = slug(c.run.words.join(' '));
    const person = persons.get(key) ?? newPerson(key, c.run.words.join(' '), strong);
    person.mentions.push(mention(c, strong ? 'person-full-name' : 'person-full-name-no-cue', strong ? 0.95 : 0.7));
    if (strong && person.confidence < 0.9)
      Object.assign(person, { confidence: 0.95, rule: 'person-full-name', flag: undefined });
    if (c.role && !person.roles.some((r) => r.title === c.role?.title))
      person.roles.push({ ...c.role, confidence: 0.85 });
    persons.set(key, person);
  }
  // A run with no cue at all is only kept if it recurs or a surname of it is used.
  for (const c of candidates.filter((c) => c.run.words.length === 1)) {
    const word = c.run.words[0] as string;
    const owners = [...persons.values()].filter((p) => p.name.split(' ').at(-1) === word);
    if (owners.length === 1) {
      (owners[0] as PersonProposal).mentions.push(mention(c, 'person-surname', 0.9));
      if (c.role && !(owners[0] as PersonProposal).roles.some((r) => r.title === c.role?.title)) {
        (owners[0] as PersonProposal).roles.push({ ...c.role, confidence: 0.8 });
      }
    } else if (owners.length === 0 && c.evidence.length > 0 && !placeContext(text, c)) {
      const key = slug(word);
      const person = persons.get(key) ?? {
        ...newPerson(key, word, false),
        flag: `only "${word}" is given: full name unknown; check it is a person`,
      };
      person.mentions.push(mention(c, 'person-single-name', 0.6));
      if (c.role && !person.roles.some((r) => r.title === c.role?.title))
        person.roles.push({ ...c.role, confidence: 0.7 });
      persons.set(key, person);
    }
  }
  const list = [...persons.values()].filter((p) => p.confidence >= 0.9 || p.mentions.length > 1 || p.flag);
  for (const p of list) {
    if (p.confidence < 0.9 && !p.flag)
      p.flag = 'no role, honorific or verb of saying next to the name: check it is a person';
  }
  addTitleForms(text, list, blocked);
  for (const p of list) {
    p.mentions.sort((a, b) => a.start - b.start);
    p.aliases = [...new Set(p.mentions.filter((m) => m.rule !== 'person-title-form').map((m) => m.text))].filter(
      (t) => t !== p.name,
    );
  }
  return { persons: list, pronouns: suggestPronouns(text, list) };
}

/**
 * A name the text shows to be a place is not a person: with strong evidence (the dateline, "X,
 * Kazakhstan", "the port of X") unless a role or an honorific is written next to it somewhere;
 * after a locative preposition only ("in Tamir Bay") unless some mention of it has any cue.
 */
function withoutPlaces(candidates: Candidate[], places: Place[]): Candidate[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const byName = new Map(places.map((p) => [fold(p.name), p]));
  const cues = new Map<string, string[]>();
  for (const c of candidates) {
    const name = fold(c.run.text);
    if (byName.has(name)) cues.set(name, [...(cues.get(name) ?? []), ...c.evidence]);
  }
  const isPlace = (name: string) => {
    const place = byName.get(name);
    if (!place) return false;
    const seen = cues.get(name) ?? [];
    if (place.evidence === 'preposition') return seen.length === 0;
    return !seen.some((e) => e === 'honorific' || e.startsWith('role-'));
  };
  return candidates.filter((c) => !isPlace(fold(c.run.text)));
}

/** "Ports in Vukovar and Ruse reported": a lone capitalised word after a preposition is a place. */
function placeContext(text: string, c: Candidate): boolean {
  if (c.role || c.evidence.includes('honorific')) return false;
  return /\b(?:in|and|of|at|from|near|to|or)\s+$/.test(text.slice(Math.max(0, c.run.start - 12), c.run.start));
}

function newPerson(key: string, name: string, strong: boolean): PersonProposal {
  return {
    key,
    name,
    aliases: [],
    mentions: [],
    roles: [],
    rule: strong ? 'person-full-name' : 'person-full-name-no-cue',
    confidence: strong ? 0.95 : 0.7,
  };
}

const mention = ({ run, role }: Candidate, rule: string, confidence: number): MentionProposal => ({
  start: run.start,
  end: run.end,
  text: run.text,
  rule,
  confidence,
  ...(role && role.end <= run.start ? { roleStart: role.start } : {}),
});

/** "the Belarusian leader", "the minister": a mention of the one person holding such a role. */
function addTitleForms(text: string, persons: PersonProposal[], blocked: Range[]) {
  const re = new RegExp(
    `\\b[Tt]he\\s+((?:[\\p{Lu}][\\p{L}-]+\\s+)?(${ROLE}))\\b(?!\\s+(?:\\p{Lu}|of\\b|for\\b))`,
    'gu',
  );
  // Headline style, no article, right after a quotation: "‘…,’ council chair warns".
  const bare = new RegExp(
    `(?<=[,’”"»]\\s)((?:\\p{Ll}[\\p{L}-]+\\s+)?(${ROLE}))(?=\\s+(?:warns|says|said|insists|claims|urges)\\b)`,
    'gu',
  );
  for (const match of [...text.matchAll(re), ...text.matchAll(bare)]) {
    const start = match.index;
    const end = start + match[0].length;
    const head = roleHead(match[2] as string);
    const qualifier = (match[1] as string).slice(0, -(match[2] as string).length).trim();
    // A lower-case qualifier ("council chair") cannot be checked against the role: the head decides.
    const lowerCase = qualifier !== '' && qualifier === qualifier.toLowerCase();
    const holders = persons.filter((p) =>
      p.roles.some(
        (r) =>
          roleHead(r.title) === head &&
          (!qualifier ||
            lowerCase ||
            r.title.includes(qualifier) ||
            countryQualifies(qualifier, r.country, blocked, start, text)),
      ),
    );
    if (holders.length !== 1) continue;
    (holders[0] as PersonProposal).mentions.push({
      start,
      end,
      text: text.slice(start, end),
      rule: 'person-title-form',
      confidence: 0.7,
      flag: `"${text.slice(start, end)}" taken as ${(holders[0] as PersonProposal).name}, the only person with that role here`,
    });
  }
}

/** Whether the adjective before a role ("Belarusian" in "the Belarusian leader") names the role's country. */
function countryQualifies(
  qualifier: string,
  code: string | null,
  countries: Range[],
  start: number,
  text: string,
): boolean {
  if (!code) return false;
  return countries.some(
    (c) =>
      c.start >= start &&
      text.slice(c.start, c.end) === qualifier &&
      'code' in c &&
      (c as CountryMention).code === code,
  );
}

/** He / she / him / her: the last person named before, as a suggestion for the curator. */
function suggestPronouns(text: string, persons: PersonProposal[]): PronounSuggestion[] {
  const mentions = persons
    .flatMap((p) => p.mentions.map((m) => ({ ...m, key: p.key })))
    .sort((a, b) => a.start - b.start);
  const out: PronounSuggestion[] = [];
  for (const match of text.matchAll(/\b(?:[Hh]e|[Ss]he|him|her)\b/g)) {
    const antecedent = mentions.filter((m) => m.end <= match.index && match.index - m.end < 600).at(-1);
    if (antecedent)
      out.push({ start: match.index, end: match.index + match[0].length, text: match[0], personKey: antecedent.key });
  }
  return out;
}
