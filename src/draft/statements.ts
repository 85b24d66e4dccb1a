/**
 * Statements of a whole article: every sentence of the body read for quotations and reported
 * speech; a quotation with no attribution of its own continues the speaker of the one just
 * before (flagged); the headline and standfirst are matched to the body statement they
 * restate; and each statement gets the countries its words are about.
 */
import type { Quotation } from '../text/quotes.js';
import { DESCRIBED_SPEAKER, IT_SPEAKER } from './descriptions.js';
import type { Place } from './places.js';
import { type SentenceStatement, statementsInSentence } from './quoted.js';
import type { SpeakerMention, SpeakerRef } from './speakers.js';
import type { CountryMention, Range } from './types.js';

export interface StatementProposal extends SentenceStatement {
  speakerRef: SpeakerRef | null;
  restatedIn: Range[];
  about: { code: string; rule: string }[];
  /** The sentence it was found in. */
  sentence: Range;
}

export interface StatementScan {
  text: string;
  sentences: Range[];
  /** Headline and standfirst: restatements, not statements of their own. */
  headlines: Range[];
  bodyStart: number;
  quotations: Quotation[];
  speakers: SpeakerMention[];
  countries: CountryMention[];
  /** Places with the country the text puts them in (src/draft/places.ts), outside organisation names. */
  places?: Place[];
}

export function findStatements(scan: StatementScan): StatementProposal[] {
  const { text } = scan;
  const statements: StatementProposal[] = [];
  let previous: StatementProposal | undefined;
  for (const sentence of scan.sentences.filter((s) => s.start >= scan.bodyStart)) {
    const found = statementsInSentence(text, sentence, scan.quotations, scan.speakers);
    for (const s of found) {
      let speakerRef = s.speaker?.ref ?? null;
      let flag = s.flag;
      if (speakerRef && 'organization' in speakerRef && speakerRef.organization === DESCRIBED_SPEAKER) {
        speakerRef = null;
      } else if (speakerRef && 'organization' in speakerRef && speakerRef.organization === IT_SPEAKER) {
        speakerRef = itStandsFor(scan.speakers, previous, s.speaker?.start ?? sentence.start);
        flag = speakerRef
          ? `"it" read as ${'organization' in speakerRef ? speakerRef.organization : speakerRef.person}: the organization that spoke before, or the one named last`
          : '"it": no organization before it to read it as';
      }
      if (
        !speakerRef &&
        previous?.speakerRef &&
        sentence.start - previous.sentence.end < 400 &&
        s.rule === 'quote-alone'
      ) {
        speakerRef = previous.speakerRef;
        flag = 'a quotation standing alone: taken as continuing the speaker of the statement before';
      }
      const proposal: StatementProposal = {
        ...s,
        speakerRef,
        restatedIn: [],
        about: [],
        sentence,
        ...(flag ? { flag } : {}),
      };
      proposal.about = aboutCountries(text, proposal, scan.countries, scan.places ?? []);
      const both = proposal.about.filter((a) => a.rule === 'about-both-countries');
      if (both.length > 0) {
        const note = `"both countries" read as ${both.map((a) => a.code).join(' and ')}, the two named last: check`;
        proposal.flag = proposal.flag ? `${proposal.flag}; ${note}` : note;
      }
      const throughPlaces = proposal.about.filter((a) => a.rule.startsWith('about-place:'));
      if (throughPlaces.length > 0) {
        const note = `about ${throughPlaces.map((a) => `${a.code} through ${a.rule.slice(12)}`).join(', ')}: a place stands for its country here; check`;
        proposal.flag = proposal.flag ? `${proposal.flag}; ${note}` : note;
        proposal.confidence = Math.min(proposal.confidence, 0.7);
      }
      statements.push(proposal);
    }
    if (found.length > 0) previous = statements.at(-1);
  }
  for (const headline of scan.headlines) addRestatements(scan, headline, statements);
  return statements;
}

/** An organisation's "it said": the organisation of the statement before, else the one named last before it. */
function itStandsFor(
  speakers: SpeakerMention[],
  previous: StatementProposal | undefined,
  at: number,
): SpeakerRef | null {
  if (previous?.speakerRef && 'organization' in previous.speakerRef) return previous.speakerRef;
  const last = speakers
    .filter((x) => x.via === 'organization' && !x.flag && x.end <= at)
    .sort((a, b) => a.end - b.end)
    .at(-1);
  return last?.ref ?? null;
}

/** The countries named in the words said; the words naming the speaker do not count. */
function aboutCountries(
  text: string,
  s: StatementProposal,
  countries: CountryMention[],
  places: Place[],
): { code: string; rule: string }[] {
  const inside = (c: Range) => s.text.start <= c.start && c.end <= s.text.end;
  const inAttribution = (c: Range) =>
    s.attribution !== null && s.attribution.start <= c.start && c.end <= s.attribution.end;
  const about = new Map<string, string>();
  for (const c of countries)
    if (inside(c) && !inAttribution(c) && c.kind !== 'capital') about.set(c.code, 'about-named');
  // "…, after a week of unrest in Kazakhstan": the circumstance the reporter gives for the words.
  const context = s.context;
  if (context)
    for (const c of countries)
      if (context.start <= c.start && c.end <= context.end && c.kind !== 'capital')
        about.set(c.code, 'about-circumstance');
  // "the country’s regions": the country named last before, when the words name none.
  if (about.size === 0 && /\bthe country(?:’s|'s)?\b/i.test(text.slice(s.text.start, s.text.end))) {
    const before = countries
      .filter((c) => c.end <= s.text.end && c.kind !== 'capital')
      .filter((c) => !inside(c) || inAttribution(c));
    const last = before.at(-1);
    if (last) about.set(last.code, 'about-the-country');
  }
  // "consumers in both countries": the two countries named last before the words.
  if (about.size === 0 && /\b(?:both|the two) countries\b/i.test(text.slice(s.text.start, s.text.end))) {
    const before = countries
      .filter((c) => c.end <= s.text.start && c.kind !== 'capital' && !inAttribution(c))
      .map((c) => c.code);
    const lastTwo = [...new Set(before.reverse())].slice(0, 2);
    if (lastTwo.length === 2) for (const code of lastTwo) about.set(code, 'about-both-countries');
  }
  if (about.size === 0)
    for (const [code, place] of throughPlaces(text, s, places)) about.set(code, `about-place:${place}`);
  return [...about].map(([code, rule]) => ({ code, rule }));
}

/**
 * Words that name no country may still be about one through its places, as the article locates
 * them: when they open with a place ("Kemerlik had doubled its berths", "But North Ustin shows
 * …"), or name places of two countries or more ("A blockade in Tamir Bay is felt in Baku and
 * Tbilisi"). A place merely passed through or stayed in says nothing of the kind; always flagged.
 */
function throughPlaces(text: string, s: StatementProposal, places: Place[]): Map<string, string> {
  const found = places.flatMap((p) =>
    p.country
      ? p.mentions
          .filter((m) => s.text.start <= m.start && m.end <= s.text.end)
          .map((m) => ({ m, p, code: p.country as string }))
      : [],
  );
  const codes = new Set(found.map((f) => f.code));
  const opening = found.find((f) =>
    /^(?:(?:But|And|Yet|So|Still|Now)\s+)?$/u.test(text.slice(s.text.start, f.m.start)),
  );
  const out = new Map<string, string>();
  if (codes.size >= 2) for (const f of found) out.set(f.code, f.p.name);
  else if (opening) out.set(opening.code, opening.p.name);
  return out;
}

const STOP = new Set(
  'the a an of in on at to and or but if that this these those is are was were be been has have had it its their there for with by from as not no'.split(
    ' ',
  ),
);

/** Content words, with the country named by each country mention as one word. */
function words(text: string, range: Range, countries: CountryMention[]): Set<string> {
  const out = new Set<string>();
  for (const c of countries) if (range.start <= c.start && c.end <= range.end) out.add(`#${c.code}`);
  let slice = text.slice(range.start, range.end);
  for (const c of countries) if (range.start <= c.start && c.end <= range.end) slice = slice.replace(c.text, ' ');
  for (const w of slice
    .toLowerCase()
    .replace(/n[’']t\b/g, ' not')
    .split(/[^\p{L}\d]+/u)) {
    if (w.length > 2 && !STOP.has(w)) out.add(w.replace(/(?:ed|s)$/, ''));
  }
  return out;
}

/**
 * A headline or standfirst restates the body statement of the same speaker it shares most
 * words with; one it restates nothing of is proposed as a statement of its own only when it
 * holds a quotation (every quotation must be covered).
 */
function addRestatements(scan: StatementScan, headline: Range, statements: StatementProposal[]) {
  const { text } = scan;
  for (const candidate of statementsInSentence(text, headline, scan.quotations, scan.speakers)) {
    const mine = words(text, candidate.text, scan.countries);
    // Without a speaker in the headline, only near-identical words tell which statement it restates.
    const scored = statements
      .filter((s) => !candidate.speaker || (s.speakerRef && sameRef(s.speakerRef, candidate.speaker.ref)))
      .map((s) => {
        const theirs = words(text, s.text, scan.countries);
        const shared = [...mine].filter((w) => theirs.has(w)).length;
        return { s, shared, score: shared / Math.max(1, Math.min(mine.size, theirs.size)) };
      })
      .sort((a, b) => b.score - a.score || b.shared - a.shared);
    const best = scored[0];
    if (best && best.shared >= 2 && best.score >= (candidate.speaker ? 0.3 : 0.8)) {
      best.s.restatedIn.push(candidate.text);
      continue;
    }
    const quotes = scan.quotations.filter((q) => candidate.text.start <= q.start && q.end <= candidate.text.end);
    if (quotes.length > 0 || candidate.kind === 'QUOTE') {
      statements.push({
        ...candidate,
        speakerRef: candidate.speaker?.ref ?? null,
        restatedIn: [],
        about: [],
        sentence: headline,
        flag: 'in the headline only: no body statement restates it',
        confidence: Math.min(candidate.confidence, 0.5),
      });
      const added = statements.at(-1) as StatementProposal;
      added.about = aboutCountries(text, added, scan.countries, scan.places ?? []);
    }
  }
}

const sameRef = (a: SpeakerRef, b: SpeakerRef) =>
  ('person' in a && 'person' in b && a.person === b.person) ||
  ('organization' in a && 'organization' in b && a.organization === b.organization);
