/**
 * Who a verb of saying belongs to: the person, organisation or pronoun next to it ("Lukashenko
 * said", "said the ministry", "according to him", "Kazakh authorities affirm"). Pronouns
 * resolve to the person last named before them, always with a flag.
 */
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
  /(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}-]+(?:’s|'s)\s+)?|\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)$/u;

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
        phraseStart: phraseStartBefore(text, role ? role.start : m.start),
        via: m.rule === 'person-title-form' ? 'title-form' : 'name',
        ...(m.flag ? { flag: m.flag } : {}),
      });
    }
  }
  for (const o of organizations) {
    if (o.kind === 'NEWS_AGENCY') continue; // "- TASS" inside a quotation is the agency's insertion, not a speaker
    for (const m of o.mentions) {
      out.push({
        start: m.start,
        end: m.end,
        ref: { organization: o.key },
        phraseStart: phraseStartBefore(text, m.start),
        via: 'organization',
      });
    }
  }
  out.push(...organizationDescriptions(text, organizations));
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

/**
 * "the council said", "according to the forum's communiqué": a definite description naming
 * the one organisation of the article whose name ends in that word. Not a mention (curators
 * do not list these), only a way to find who speaks; always flagged.
 */
function organizationDescriptions(text: string, organizations: OrganizationProposal[]): SpeakerMention[] {
  const byHead = new Map<string, OrganizationProposal[]>();
  for (const o of organizations) {
    if (o.kind === 'NEWS_AGENCY') continue;
    const last = o.name.split(/\s+/).at(-1)?.toLowerCase();
    // "Andes Copper Holdings" is "the company"; other names by their last word ("the council").
    const head = last && /^(?:holdings|inc|ltd|llc|plc|corporation|corp)$/.test(last) ? 'company' : last;
    if (head && /^\p{L}{4,}$/u.test(head)) byHead.set(head, [...(byHead.get(head) ?? []), o]);
  }
  const out: SpeakerMention[] = [];
  for (const [head, orgs] of byHead) {
    if (orgs.length !== 1) continue;
    const org = orgs[0] as OrganizationProposal;
    for (const m of text.matchAll(new RegExp(`\\b[Tt]he\\s+(${head})\\b(?!\\s+\\p{Lu})`, 'gu'))) {
      out.push({
        start: m.index + m[0].length - head.length,
        end: m.index + m[0].length,
        ref: { organization: org.key },
        phraseStart: m.index,
        via: 'organization',
        flag: `"${m[0]}" read as ${org.name}`,
      });
    }
  }
  // "according to the group": a generic noun stands for the organisation named last before it.
  const named = organizations
    .filter((o) => o.kind !== 'NEWS_AGENCY')
    .flatMap((o) => o.mentions.map((m) => ({ at: m.end, org: o })))
    .sort((a, b) => a.at - b.at);
  for (const m of text.matchAll(/\b[Tt]he\s+(group|organi[sz]ation|body)\b(?!\s+\p{Lu})/gu)) {
    const last = named.filter((n) => n.at <= m.index).at(-1);
    if (!last || out.some((x) => x.phraseStart === m.index)) continue;
    out.push({
      start: m.index + m[0].length - (m[1] as string).length,
      end: m.index + m[0].length,
      ref: { organization: last.org.key },
      phraseStart: m.index,
      via: 'organization',
      flag: `"${m[0]}" read as ${last.org.name}, the organization named last before it`,
    });
  }
  return out;
}

/** Between a subject and its verb: an appositive in commas, a time or place ("on Monday"). */
const SUBJECT_GAP =
  /^(?:\s*,[^,"“”«»]{1,100},|\s*,\s*(?:which|who|whose)\b[^"“”«»]{1,140}?,)?\s*,?\s*(?:(?:on|in|at|late|early|earlier|later)\s+[\p{L}\d’' -]{1,40}?\s+)?$/u;
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
    const candidates = speakers
      .filter((s) => s.start >= from && s.end <= verb.start && subjectGap(s, text.slice(s.end, verb.start)))
      .sort((a, b) => b.end - a.end || b.end - b.start - (a.end - a.start));
    // "Chad Morrow, a consultant with the Black Sea Freight Group, believes": the subject is the
    // one whose appositive holds the nearer candidate, not the organisation inside it.
    const nearest = candidates[0];
    const subject =
      nearest &&
      ((nearest.via === 'organization' &&
        candidates.find(
          (c) => c.via !== 'organization' && c.end < nearest.start && /^\s*,/.test(text.slice(c.end, verb.start)),
        )) ||
        nearest);
    if (subject) return { speaker: ownerOf(text, subject, speakers), verb, inverted: false };
    const after = speakers.find(
      (s) => s.start >= verb.end && s.end <= to && /^\s+(?:the\s+)?$/.test(text.slice(verb.end, s.start)),
    );
    if (after) return { speaker: after, verb, inverted: true };
  }
  return null;
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
  return speakers.find((s) => s.phraseStart === after || s.start === after) ?? null;
}

export { VERB_AT_START };
