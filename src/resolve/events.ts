/**
 * Is an article's event one the graph already knows, reported by another article?
 *
 * Two reports are of one event when they agree on its kind, their dates are compatible (the
 * periods their precisions leave open overlap), they agree on its country or share a
 * participant, and their titles are alike. Dates that exclude each other, or two different
 * locations, rule a candidate out: protests in another city on another day stay apart. The
 * score adds up what agrees (EVENT_MATCH); undated reports can reach only a weak match.
 */
import type { DatePrecision, EventKind } from '../generated/prisma/enums.js';
import { contentWords } from './names.js';
import type { Match } from './types.js';

export interface DatedValue {
  date: Date;
  precision: DatePrecision;
}

export interface EventDescription {
  key: string;
  title: string;
  kind: EventKind;
  start: DatedValue | null;
  end: DatedValue | null;
  countryCode: string | null;
  location: string | null;
  /** Graph ids of resolved participants, as "Person:12", "Organization:3", "Country:KZ". */
  participants: readonly string[];
  /** Graph id of the parent event, where resolved. */
  parentId: number | null;
}

export interface EventCandidate extends Omit<EventDescription, 'key'> {
  id: number;
  key: string;
  formerKeys: readonly string[];
}

/** The first and last day a date of some precision may stand for. */
export function periodOf(value: DatedValue): [Date, Date] {
  const d = value.date;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (value.precision === 'YEAR') return [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))];
  if (value.precision === 'MONTH') return [new Date(Date.UTC(y, m, 1)), new Date(Date.UTC(y, m + 1, 0))];
  return [d, d];
}

/** The days an event may cover: from the start of its start to the end of its end. */
function span(e: Pick<EventDescription, 'start' | 'end'>): [Date, Date] | null {
  const first = e.start ?? e.end;
  const last = e.end ?? e.start;
  if (!first || !last) return null;
  return [periodOf(first)[0], periodOf(last)[1]];
}

/** Whether two place names agree: one's words within the other's, or nothing in common. */
function placeAgreement(a: string, b: string): 'same' | 'different' | 'unknown' {
  const x = contentWords(a).filter((w) => w !== 'port' && w !== 'city');
  const y = contentWords(b).filter((w) => w !== 'port' && w !== 'city');
  if (x.length === 0 || y.length === 0) return 'unknown';
  const shared = x.filter((w) => y.includes(w)).length;
  if (shared === 0) return 'different';
  return shared === Math.min(x.length, y.length) ? 'same' : 'unknown';
}

/** Light stemming, so that "protests erupt" and "protest erupted" share their words. */
const stem = (word: string) => word.replace(/(ies|es|s|ed|ing)$/, '') || word;
const titleWords = (title: string) => [...new Set(contentWords(title).map(stem))];

export function scoreEvent(description: EventDescription, candidate: EventCandidate): Match | null {
  if (description.kind !== candidate.kind) return null;
  if (description.parentId !== null && candidate.parentId !== null && description.parentId !== candidate.parentId) {
    return null;
  }
  // "Tamir Bay" and "the port of Tamir Bay" are one place; "North Ustin" is another.
  const place =
    description.location && candidate.location ? placeAgreement(description.location, candidate.location) : null;
  if (place === 'different') return null;
  if (description.countryCode && candidate.countryCode && description.countryCode !== candidate.countryCode) {
    return null;
  }
  const why: string[] = [`kind ${candidate.kind}`];
  let score = 0.3;

  const mine = span(description);
  const theirs = span(candidate);
  if (mine && theirs) {
    if (mine[1] < theirs[0] || theirs[1] < mine[0]) return null;
    const sameDay =
      description.start?.precision === 'DAY' &&
      candidate.start?.precision === 'DAY' &&
      description.start.date.getTime() === candidate.start.date.getTime();
    score += sameDay ? 0.35 : 0.2;
    why.push(sameDay ? `same day ${description.start?.date.toISOString().slice(0, 10)}` : 'overlapping dates');
  } else {
    why.push('no date to compare');
  }
  if (description.countryCode && description.countryCode === candidate.countryCode) {
    score += 0.15;
    why.push(`country ${candidate.countryCode}`);
  }
  const shared = description.participants.filter((p) => candidate.participants.includes(p));
  if (shared.length > 0) {
    score += 0.2;
    why.push(`${shared.length} shared participant${shared.length > 1 ? 's' : ''}`);
  }
  const sameParent = description.parentId !== null && description.parentId === candidate.parentId;
  if (sameParent) {
    score += 0.1;
    why.push('same parent event');
  }
  if (place === 'same') {
    score += 0.15;
    why.push('same place');
  }
  const a = titleWords(description.title);
  const b = titleWords(candidate.title);
  const similarity = a.filter((w) => b.includes(w)).length / Math.max(1, new Set([...a, ...b]).size);
  // Nothing in common but the kind and the country is no reason to ask a curator.
  if (similarity === 0 && shared.length === 0 && !sameParent && place !== 'same') return null;
  score += 0.4 * similarity;
  why.push(`titles ${Math.round(similarity * 100)}% alike`);
  if (candidate.key === description.key || candidate.formerKeys.includes(description.key)) {
    score += 0.3;
    why.push(`key "${description.key}" names the node`);
  } else if ((!mine || !theirs) && shared.length === 0 && !sameParent) {
    // Without dates, a shared participant or a shared parent, likeness alone never decides.
    score = Math.min(score, 0.75);
  }
  return {
    nodeId: candidate.id,
    key: candidate.key,
    label: candidate.title,
    rule: 'EVENT_MATCH',
    // Not capped at 1: the lead of the best candidate over the next decides between them.
    score: Number(score.toFixed(3)),
    reason: why.join(', '),
  };
}
