/**
 * Scores a draft against a curated annotation of the same text, per kind: country mentions
 * and the set of countries, persons and organisations (as entities and as mention spans),
 * statements (exact span, kind, speaker, about-countries, saidOn) and dates (value and
 * precision of every date the curator attached, and days the draft made up).
 */
import type { Annotation, DateValue, Span } from '../../annotations/format.js';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface ArticleScore {
  countryMentions: Tally;
  countrySet: Tally;
  persons: Tally;
  personMentions: Tally;
  organizations: Tally;
  organizationMentions: Tally;
  statements: {
    curated: number;
    proposed: number;
    exactSpan: number;
    kind: number;
    speaker: number;
    about: number;
    saidOn: number;
    /** Proposed without a speaker (the placeholder) and without a flag: must stay 0. */
    unflaggedWithoutSpeaker: number;
  };
  dates: { curated: number; found: number; correct: number; inventedDays: number };
  /** What went wrong, for the docs' "what fails" list. */
  misses: string[];
}

const key = (s: Span) => `${s.start}:${s.end}`;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function tally(curated: Set<string>, proposed: Set<string>): Tally {
  let tp = 0;
  for (const k of proposed) if (curated.has(k)) tp++;
  return { tp, fp: proposed.size - tp, fn: curated.size - tp };
}

/** Curated entity key → draft entity key, by the mention spans they share (most shared first). */
function matchEntities(
  curated: { key: string; mentions: Span[] }[],
  drafted: { key: string; mentions: Span[] }[],
): Map<string, string> {
  const pairs: { c: string; d: string; shared: number }[] = [];
  for (const c of curated) {
    const spans = new Set(c.mentions.map(key));
    for (const d of drafted) {
      const shared = d.mentions.filter((m) => spans.has(key(m))).length;
      if (shared > 0) pairs.push({ c: c.key, d: d.key, shared });
    }
  }
  pairs.sort((a, b) => b.shared - a.shared);
  const map = new Map<string, string>();
  const used = new Set<string>();
  for (const p of pairs) {
    if (map.has(p.c) || used.has(p.d)) continue;
    map.set(p.c, p.d);
    used.add(p.d);
  }
  return map;
}

export function scoreDraft(
  curated: Annotation,
  draft: Annotation,
  draftDates: { value: string; precision: string; evidence: Span }[],
  flaggedStatements: Set<number>,
  placeholderKey: string,
): ArticleScore {
  const misses: string[] = [];
  const countryMentions = tally(
    new Set(curated.countries.flatMap((c) => c.mentions.map((m) => `${c.code}@${key(m)}`))),
    new Set(draft.countries.flatMap((c) => c.mentions.map((m) => `${c.code}@${key(m)}`))),
  );
  const countrySet = tally(new Set(curated.countries.map((c) => c.code)), new Set(draft.countries.map((c) => c.code)));
  for (const c of curated.countries) {
    const d = draft.countries.find((x) => x.code === c.code);
    for (const m of c.mentions)
      if (!d?.mentions.some((x) => key(x) === key(m))) misses.push(`country mention missed: ${m.text} (${c.code})`);
  }
  for (const d of draft.countries) {
    const c = curated.countries.find((x) => x.code === d.code);
    for (const m of d.mentions)
      if (!c?.mentions.some((x) => key(x) === key(m))) misses.push(`country mention extra: ${m.text} (${d.code})`);
  }

  const draftPersons = draft.persons;
  const draftOrgs = draft.organizations.filter((o) => o.key !== placeholderKey);
  const personMap = matchEntities(curated.persons, draftPersons);
  const orgMap = matchEntities(curated.organizations, draftOrgs);
  const entityTally = (n: number, m: number, matched: number): Tally => ({
    tp: matched,
    fp: m - matched,
    fn: n - matched,
  });
  const persons = entityTally(curated.persons.length, draftPersons.length, personMap.size);
  const organizations = entityTally(curated.organizations.length, draftOrgs.length, orgMap.size);
  for (const p of curated.persons) if (!personMap.has(p.key)) misses.push(`person missed: ${p.name}`);
  for (const p of draftPersons) if (![...personMap.values()].includes(p.key)) misses.push(`person extra: ${p.name}`);
  for (const o of curated.organizations) if (!orgMap.has(o.key)) misses.push(`organization missed: ${o.name}`);
  for (const o of draftOrgs) if (![...orgMap.values()].includes(o.key)) misses.push(`organization extra: ${o.name}`);
  const personMentions = tally(
    new Set(curated.persons.flatMap((p) => p.mentions.map(key))),
    new Set(draftPersons.flatMap((p) => p.mentions.map(key))),
  );
  const organizationMentions = tally(
    new Set(curated.organizations.flatMap((o) => o.mentions.map(key))),
    new Set(draftOrgs.flatMap((o) => o.mentions.map(key))),
  );

  const statements = {
    curated: curated.statements.length,
    proposed: draft.statements.length,
    exactSpan: 0,
    kind: 0,
    speaker: 0,
    about: 0,
    saidOn: 0,
    unflaggedWithoutSpeaker: 0,
  };
  for (const [i, s] of draft.statements.entries()) {
    if ('organization' in s.speaker && s.speaker.organization === placeholderKey && !flaggedStatements.has(i))
      statements.unflaggedWithoutSpeaker++;
  }
  for (const c of curated.statements) {
    const d = draft.statements.find((x) => key(x.text) === key(c.text));
    if (!d) {
      const near = draft.statements.find((x) => overlaps(x.text, c.text));
      misses.push(
        `statement ${near ? 'span differs' : 'missed'}: ${clip(c.text.text)}${near ? ` — draft: ${clip(near.text.text)}` : ''}`,
      );
      continue;
    }
    statements.exactSpan++;
    if (d.kind === c.kind) statements.kind++;
    else misses.push(`statement kind ${d.kind} instead of ${c.kind}: ${clip(c.text.text)}`);
    const speakerOk =
      'person' in c.speaker
        ? 'person' in d.speaker && personMap.get(c.speaker.person) === d.speaker.person
        : 'organization' in d.speaker && orgMap.get(c.speaker.organization) === d.speaker.organization;
    if (speakerOk) statements.speaker++;
    else
      misses.push(
        `statement speaker ${JSON.stringify(d.speaker)} instead of ${JSON.stringify(c.speaker)}: ${clip(c.text.text)}`,
      );
    const about = (a: string[]) => [...a].sort().join(',');
    if (about(d.about) === about(c.about)) statements.about++;
    else misses.push(`statement about [${about(d.about)}] instead of [${about(c.about)}]: ${clip(c.text.text)}`);
    const when = (x: DateValue | null) => (x ? `${x.value}/${x.precision}` : 'none');
    if (when(d.saidOn) === when(c.saidOn)) statements.saidOn++;
    else misses.push(`statement saidOn ${when(d.saidOn)} instead of ${when(c.saidOn)}: ${clip(c.text.text)}`);
  }

  for (const d of draft.statements) {
    if (!curated.statements.some((c) => key(c.text) === key(d.text)))
      misses.push(`statement extra: ${d.kind} ${clip(d.text.text)}`);
  }

  const curatedDates = new Map<string, DateValue>();
  const addDate = (d: DateValue | null) => {
    if (d?.evidence) curatedDates.set(`${key(d.evidence)}=${d.value}`, d);
  };
  addDate(curated.article.publishedOn);
  for (const e of curated.events) {
    addDate(e.start);
    addDate(e.end);
  }
  for (const s of curated.statements) addDate(s.saidOn);
  const dates = { curated: curatedDates.size, found: 0, correct: 0, inventedDays: 0 };
  for (const c of curatedDates.values()) {
    const evidence = c.evidence as Span;
    const d = draftDates.find((x) => overlaps(x.evidence, evidence));
    if (!d) {
      misses.push(`date missed: "${evidence.text}" (${c.value})`);
      continue;
    }
    dates.found++;
    if (d.value === c.value && d.precision === c.precision) dates.correct++;
    else {
      misses.push(`date "${evidence.text}": ${d.value}/${d.precision} instead of ${c.value}/${c.precision}`);
      if (d.precision === 'DAY' && (c.precision !== 'DAY' || d.value !== c.value)) dates.inventedDays++;
    }
  }
  return {
    countryMentions,
    countrySet,
    persons,
    personMentions,
    organizations,
    organizationMentions,
    statements,
    dates,
    misses,
  };
}

const clip = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s);
