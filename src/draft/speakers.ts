/**
 * Who a verb of saying belongs to: the person, organisation or pronoun next to it ("Lukashenko
 * said", "said the ministry", "according to him", "Kazakh authorities affirm"). Pronouns
 * resolve to the person last named before them, always with a flag.
 */

import { itPronouns, organizationDescriptions, ownerDescriptions } from './descriptions.js';
import type { OrganizationProposal } from './organizations.js';
import type { PersonProposal, PronounSuggestion } from './persons.js';
import { SPEECH_VERB } from './speech-verbs.js';
import type { Range } from './types.js';

export type SpeakerRef = { person: string } | { organization: string };

export interface SpeakerMention extends Range {
  ref: SpeakerRef;
  /** Where the noun phrase naming the speaker starts, role included ("President of Belarus …"). */
  phraseStart: number;
  via: 'name' | 'title-form' | 'organization' | 'pronoun';
  flag?: string;
}

/** "The union's spokeswoman, …", "Its chairman, …", "the …": words before a speaker's name that belong to the phrase. */
const DETERMINER_BEFORE =
  /(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}-]+(?:’s|'s|(?<=s)[’'])\s+)?|\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)$/u;

function phraseStartBefore(text: string, start: number): number {
  const m = DETERMINER_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  return m ? start - m[0].length : start;
}

export function speakerMentions(
  text: string,
  persons: PersonProposal[],
  organizations: OrganizationProposal[],
  pronouns: PronounSuggestion[],
): SpeakerMention[] {
  const out: SpeakerMention[] = [];
  for (const p of persons) {
    for (const m of p.mentions) {
      const role = p.roles.find((r) => r.end <= m.start && /^,?\s*$/.test(text.slice(r.end, m.start)));
      out.push({
        start: m.start,
        end: m.end,
        ref: { person: p.key },
        phraseStart: phraseStartBefore(text, m.roleStart ?? (role ? role.start : m.start)),
        via: m.rule === 'person-title-form' ? 'title-form' : 'name',
        ...(m.flag ? { flag: m.flag } : {}),
      });
    }
  }
  for (const o of organizations) {
    if (o.kind === 'NEWS_AGENCY') continue; // "- TASS" inside a quotation is the agency's insertion, not a speaker
    for (const m of o.mentions) {
      // "The Silk Corridor Freight Organization (SCFO), an association …, said": name and acronym are one phrase.
      const acronym = o.acronym ? new RegExp(`^\\s\\(${o.acronym}\\)`).exec(text.slice(m.end)) : null;
      if (o.acronym && text.slice(m.start - 1, m.end + 1) === `(${o.acronym})`) continue;
      // "The buyers' group, Coastal Cocoa Traders, said": the description and the name are one phrase.
      const described = o.mentions.find((x) => x.end < m.start && /^,\s+$/.test(text.slice(x.end, m.start)));
      out.push({
        start: m.start,
        end: m.end + (acronym?.[0].length ?? 0),
        ref: { organization: o.key },
        phraseStart: phraseStartBefore(text, described ? described.start : m.start),
        via: 'organization',
      });
    }
  }
  out.push(...organizationDescriptions(text, organizations));
  out.push(...ownerDescriptions(text, organizations, out));
  out.push(...itPronouns(text));
  for (const p of pronouns) {
    out.push({
      start: p.start,
      end: p.end,
      ref: { person: p.personKey },
      phraseStart: p.start,
      via: 'pronoun',
      flag: `speaker "${p.text}" read as ${p.personKey}, the person named last before it`,
    });
  }
  // Longest first at the same place, so "CSTO Collective Security Council" beats "CSTO".
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Between a subject and its verb: an appositive in commas, a time or place ("on Monday"). */
const SUBJECT_GAP =
  /^(?:\s*,[^,"“”«»]{1,100},|\s*,\s*(?:which|who|whose)\b[^"“”«»]{1,140}?,)?\s*,?\s*(?:(?:on|in|at|late|early|earlier|later)\s+[\p{L}\d’' -]{1,40}?\s+)?(?:\p{Ll}+ed\b[^,;"“”«»]{0,60}?\s+(?:but|and)\s+)?$/u;
const VERB_AT_START = new RegExp(`^\\s*(${SPEECH_VERB})\\b`, 'u');
const VERB_ANYWHERE = new RegExp(`(?<![\\p{L}])(${SPEECH_VERB})(?![\\p{L}])`, 'gu');

/** "SFU members say", "ministry officials said": people of an organisation speaking for it. */
const MEMBERS_GAP =
  /^\s+(?:members|officials|representatives|leaders|sources|staff|activists|experts|spokespeople)\s+$/u;
const subjectGap = (s: SpeakerMention, gap: string) =>
  SUBJECT_GAP.test(gap) || (s.via === 'organization' && MEMBERS_GAP.test(gap));

export interface Attribution {
  speaker: SpeakerMention;
  /** The verb phrase ("said", "pointed out"). */
  verb: Range;
  /** Subject before the verb, or after it ("said Lukashenko"). */
  inverted: boolean;
}

/** The first verb of saying in [from, to) with a speaker next to it. */
export function findAttribution(
  text: string,
  from: number,
  to: number,
  speakers: SpeakerMention[],
): Attribution | null {
  const segment = text.slice(from, to);
  for (const m of segment.matchAll(VERB_ANYWHERE)) {
    const verb = { start: from + m.index, end: from + m.index + m[0].length };
    const subject = subjectOf(text, from, verb.start, speakers);
    if (subject) return { speaker: subject, verb, inverted: false };
    // "said Lukashenko", "said the ministry", "said Dr Daniel Marsh", "said Deputy Secretary-General Ingrid Halvorsen".
    const after = speakers.find(
      (s) =>
        s.start >= verb.end &&
        s.end <= to &&
        (/^\s+(?:the\s+)?$/.test(text.slice(verb.end, s.start)) ||
          (s.phraseStart >= verb.end && /^\s+$/.test(text.slice(verb.end, s.phraseStart)))),
    );
    if (after) return { speaker: after, verb, inverted: true };
  }
  return null;
}

/** The speaker whose phrase ends right before a verb at `verbStart` (appositives and adjuncts between allowed). */
export function subjectOf(
  text: string,
  from: number,
  verbStart: number,
  speakers: SpeakerMention[],
): SpeakerMention | null {
  const candidates = speakers
    .filter((s) => s.start >= from && s.end <= verbStart && subjectGap(s, text.slice(s.end, verbStart)))
    .sort((a, b) => b.end - a.end || b.end - b.start - (a.end - a.start));
  // "Chad Morrow, a consultant with the Black Sea Freight Group, believes": the subject is the
  // one whose appositive holds the nearer candidate, not the organisation inside it.
  const nearest = candidates[0];
  if (!nearest) return null;
  const subject =
    (nearest.via === 'organization' &&
      candidates.find(
        (c) => c.via !== 'organization' && c.end < nearest.start && /^\s*,/.test(text.slice(c.end, verbStart)),
      )) ||
    nearest;
  return ownerOf(text, subject, speakers);
}

/**
 * "Saule Dzhaksybekova of the Almaty Commodities Institute said": the organisation next to the
 * verb is where the speaker works; the person before it speaks.
 */
function ownerOf(text: string, nearest: SpeakerMention, speakers: SpeakerMention[]): SpeakerMention {
  if (nearest.via !== 'organization') return nearest;
  const person = speakers.find(
    (s) =>
      s.via !== 'organization' &&
      s.end < nearest.phraseStart &&
      /^\s+(?:of|from|at|with)\s+$/.test(text.slice(s.end, nearest.phraseStart)),
  );
  return person ?? nearest;
}

/** "According to him", "according to the ministry": the speaker right after the phrase. */
export function accordingTo(text: string, at: number, speakers: SpeakerMention[]): SpeakerMention | null {
  const m = /^[Aa]ccording to\s+/.exec(text.slice(at));
  if (!m) return null;
  const after = at + m[0].length;
  const exact = speakers.find((s) => s.phraseStart === after || s.start === after);
  if (exact) return exact;
  // "According to union chairman Askar Temirgaliev": a few words of a role the rules did not read as one.
  return (
    speakers.find(
      (s) =>
        s.phraseStart > after &&
        s.phraseStart - after < 40 &&
        /^(?:[\p{L}’'-]+\s+){1,3}$/u.test(text.slice(after, s.phraseStart)),
    ) ?? null
  );
}

export { VERB_AT_START };
