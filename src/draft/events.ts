/**
 * Candidate events: a clause that states a protest, riot, violence, deployment, meeting,
 * request for assistance, day of mourning, restoration of order or declaration, with the
 * dates, country and participants the clause gives. Every one is flagged: what counts as an
 * event, and how events nest, is the curator's call.
 */
import type { eventKinds, participantRoles } from '../annotations/format.js';
import type { OrganizationProposal } from './organizations.js';
import type { PersonProposal } from './persons.js';
import type { CountryMention, Provenance, Range, ResolvedDate } from './types.js';

type EventKind = (typeof eventKinds)[number];
type ParticipantRole = (typeof participantRoles)[number];

export interface EventProposal extends Provenance {
  kind: EventKind;
  title: string;
  evidence: Range;
  /** The words naming the event ("an extraordinary session of the … Council"). */
  mention: Range | null;
  start: ResolvedDate | null;
  end: ResolvedDate | null;
  country: string | null;
  participants: { role: ParticipantRole; actor: { person: string } | { organization: string } | { country: string } }[];
  /** A deployed force the text names only by a noun ("peacekeepers"): an organization to propose. */
  force: (Range & { name: string; key: string }) | null;
}

const TRIGGERS: [EventKind, RegExp][] = [
  ['PROTEST', /\b(?:protests?|protesters|demonstrations?|demonstrators|rall(?:y|ies)|took to the streets)\b/i],
  ['RIOT', /\b(?:riots?|rioting|rioters|looting|ransacked|stormed)\b/i],
  ['VIOLENCE', /\b(?:violence|clashes|clashed|shelling|shootings?|killed|fatalities|casualties)\b/i],
  ['DEPLOYMENT', /\b(?:deployed|deployment|dispatched|sent troops|troops arrived|peacekeepers arrived)\b/i],
  [
    'REQUEST_FOR_ASSISTANCE',
    /\b(?:request(?:ed|ing)? (?:military |urgent )?(?:assistance|help|support|aid)|asked for (?:assistance|help|support)|appealed (?:to|for))\b/i,
  ],
  ['MOURNING', /\bday of mourning\b|\bmourning\b/i],
  [
    'RESTORATION_OF_ORDER',
    /\b(?:order (?:was|has been|had been) restored|restored order|was restored|situation (?:has )?stabili[sz]ed)\b/i,
  ],
  ['MEETING', /\b(?:session|summit|meeting|talks|conference|negotiations|forum|congress|convention)\b/i],
  ['CRISIS', /\bcrisis\b/i],
  ['OTHER', /\b(?:declared|declaration|state of emergency|curfew|imposed|resigned|resignation|signed)\b/i],
];

/** Clauses end at a semicolon or at ", escalating into …", ", leaving …" (a new event). */
const CLAUSE_BREAK =
  /;\s+|,\s+(?=(?:escalating|leading|leaving|resulting|prompting|triggering|followed|after which|and then)\b)/gu;

export interface EventScan {
  text: string;
  sentences: Range[];
  bodyStart: number;
  dates: ResolvedDate[];
  countries: CountryMention[];
  persons: PersonProposal[];
  organizations: OrganizationProposal[];
  /**
   * Direct quotations proposed as statements, with their attributions: the words inside the
   * marks are the speaker's, so only the attribution ("… at an extraordinary session of …")
   * is read for events in such a sentence.
   */
  quotes: { text: Range; attribution: Range | null }[];
}

export function findEvents(scan: EventScan): EventProposal[] {
  const events: EventProposal[] = [];
  for (const sentence of scan.sentences.filter((s) => s.start >= scan.bodyStart)) {
    const quoted = scan.quotes.filter((q) => sentence.start <= q.text.start && q.text.end <= sentence.end);
    const regions =
      quoted.length > 0
        ? uniqueRanges(quoted.flatMap((q) => (q.attribution ? [q.attribution] : [])))
        : clauses(scan.text, sentence);
    for (const clause of regions) {
      const words = scan.text.slice(clause.start, clause.end);
      const hit = TRIGGERS.find(([, re]) => re.test(words));
      if (!hit) continue;
      events.push(eventOf(scan, clause, hit[0], hit[1]));
    }
  }
  return events;
}

function uniqueRanges(ranges: Range[]): Range[] {
  const seen = new Set<string>();
  return ranges.filter((r) => !seen.has(`${r.start}:${r.end}`) && seen.add(`${r.start}:${r.end}`));
}

function clauses(text: string, sentence: Range): Range[] {
  let end = sentence.end;
  if (/[.!?]/.test(text[end - 1] as string)) end--;
  const out: Range[] = [];
  let start = sentence.start;
  for (const m of text.slice(sentence.start, end).matchAll(CLAUSE_BREAK)) {
    out.push({ start, end: sentence.start + m.index });
    start = sentence.start + m.index + m[0].length;
  }
  out.push({ start, end });
  return out.filter((c) => c.end > c.start);
}

function eventOf(scan: EventScan, clause: Range, kind: EventKind, trigger: RegExp): EventProposal {
  const { text } = scan;
  const words = text.slice(clause.start, clause.end);
  const within = <T extends Range>(r: T) => clause.start <= r.start && r.end <= clause.end;
  const dates = scan.dates.filter((d) => within(d.evidence));
  const byDate = dates.find((d) =>
    /\bby\s+(?:the\s+\w+\s+of\s+)?$/i.test(text.slice(Math.max(0, d.evidence.start - 24), d.evidence.start)),
  );
  const first = dates.find((d) => d !== byDate) ?? null;
  // "…, which opened on March 14, closed on Wednesday": a gathering from its first day to its last.
  const days = dates.filter((d) => d !== byDate && d.date.precision === 'DAY');
  const lastDay =
    kind === 'MEETING' && days.length > 1
      ? [...days].sort((a, b) => a.date.value.localeCompare(b.date.value)).at(-1)
      : undefined;
  const oneDay = kind === 'MEETING' || kind === 'MOURNING';
  const countries = [...new Set(scan.countries.filter((c) => within(c) && c.kind !== 'capital').map((c) => c.code))];
  const triggerAt = trigger.exec(words);
  const mention = kind === 'MEETING' ? meetingMention(text, clause) : null;
  return {
    kind,
    title: titleOf(words),
    evidence: clause,
    mention,
    start: lastDay ? ([...days].sort((a, b) => a.date.value.localeCompare(b.date.value))[0] ?? first) : first,
    end: byDate ?? lastDay ?? (oneDay && first?.date.precision === 'DAY' ? first : null),
    country: countries.length === 1 ? (countries[0] as string) : null,
    participants: participantsOf(scan, clause, kind),
    force: kind === 'DEPLOYMENT' ? forceOf(text, clause, countries) : null,
    rule: `event-${kind.toLowerCase().replace(/_/g, '-')}`,
    confidence: 0.6,
    flag: `candidate ${kind} event from "${triggerAt?.[0] ?? kind}": check it is an event, its dates and its participants`,
  };
}

/** "an extraordinary session of the CSTO Collective Security Council". */
function meetingMention(text: string, clause: Range): Range | null {
  const m =
    /\b(?:an?|the)\s+(?:[\p{L}-]+\s+){0,3}(?:session|summit|meeting|conference)\b(?:\s+of\s+(?:the\s+)?(?:[\p{Lu}][\p{L}-]*\s*)+)?/u.exec(
      text.slice(clause.start, clause.end),
    );
  if (!m) return null;
  const start = clause.start + m.index;
  return { start, end: start + m[0].trimEnd().length };
}

/** "peacekeepers have been deployed to Kazakhstan": the force, named as the text names it. */
function forceOf(text: string, clause: Range, countries: string[]): EventProposal['force'] {
  const m = /\b(peacekeepers|troops|soldiers|forces|servicemen|contingents?|units)\b/i.exec(
    text.slice(clause.start, clause.end),
  );
  if (!m) return null;
  const start = clause.start + m.index;
  const noun = m[0].toLowerCase();
  const to = /deployed to ([\p{Lu}][\p{L}-]+)/u.exec(text.slice(clause.start, clause.end))?.[1];
  const name = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}${to && countries.length === 1 ? ` deployed to ${to}` : ''}`;
  return { start, end: start + m[0].length, name, key: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') };
}

function titleOf(words: string): string {
  const cleaned = words.replace(/^(?:Subsequently|As a result|Meanwhile|However|Then|Later),\s+/i, '').trim();
  const short = cleaned.length > 100 ? `${cleaned.slice(0, cleaned.lastIndexOf(' ', 97))}…` : cleaned;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

const countriesIn = (scan: EventScan, clause: Range) => [
  ...new Set(
    scan.countries
      .filter((c) => clause.start <= c.start && c.end <= clause.end && c.kind !== 'capital')
      .map((c) => c.code),
  ),
];

function participantsOf(scan: EventScan, clause: Range, kind: EventKind): EventProposal['participants'] {
  const within = (r: Range) => clause.start <= r.start && r.end <= clause.end;
  const persons = scan.persons.filter((p) => p.mentions.some(within));
  const orgs = scan.organizations.filter((o) => o.kind !== 'NEWS_AGENCY' && o.mentions.some(within));
  const out: EventProposal['participants'] = [];
  const firstAt = (mentions: Range[]) => Math.min(...mentions.filter(within).map((m) => m.start));
  if (kind === 'REQUEST_FOR_ASSISTANCE') {
    for (const p of persons) out.push({ role: 'REQUESTER', actor: { person: p.key } });
    for (const o of orgs) out.push({ role: 'RECIPIENT', actor: { organization: o.key } });
  } else if (kind === 'MEETING') {
    for (const p of persons) out.push({ role: 'SPEAKER', actor: { person: p.key } });
    for (const o of orgs) out.push({ role: 'ORGANIZER', actor: { organization: o.key } });
  } else if (kind === 'MOURNING' || kind === 'OTHER') {
    const first = [...persons].sort((a, b) => firstAt(a.mentions) - firstAt(b.mentions))[0];
    if (first) out.push({ role: 'AUTHORITY', actor: { person: first.key } });
  } else if (kind === 'DEPLOYMENT') {
    for (const o of orgs.filter((o) => o.kind === 'ARMED_FORCES'))
      out.push({ role: 'DEPLOYED_FORCE', actor: { organization: o.key } });
    const force = forceOf(scan.text, clause, []);
    if (force && out.length === 0)
      out.push({
        role: 'DEPLOYED_FORCE',
        actor: { organization: forceOf(scan.text, clause, countriesIn(scan, clause))?.key ?? force.key },
      });
  }
  return out;
}
