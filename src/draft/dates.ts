/**
 * Dates the text gives, resolved against the publication date, with the precision the words
 * support and a basis saying how. chrono-node's strict parser reads calendar dates ("January
 * 2", "2 Jan 2022"); weekdays, "yesterday", months, years and vague relative phrases ("a few
 * days later") are this file's own rules, because chrono's casual parser turns "a few days
 * later" into a day the text never gives. A date is never finer than its words: "a few days
 * later" than January 2 is "January", not January 5.
 */
import * as chrono from 'chrono-node';
import {
  addDays,
  coarsest,
  dayValue,
  MONTHS,
  monthValue,
  nearestYear,
  spell,
  WEEKDAYS,
  weekday,
  type Ymd,
} from './calendar.js';
import type { Range, ResolvedDate } from './types.js';

const MONTH_NAME = new RegExp(`\\b(?:${MONTHS.join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?)\\b`);
const FUTURE =
  /\b(?:will|shall|would|is to|are to|is due|are due|plans? to|is scheduled|are scheduled|is expected to|are expected to|is set to|are set to|next)\b/;
/** "The forum runs until Wednesday": a present-tense verb before "until" is still going on, so the day is to come. */
const ONGOING_UNTIL =
  /\b(?:runs?|lasts?|continues?|remains?|stays?|is|are|goes on|go on|will)\s+(?:[\p{L}-]+\s+){0,3}?$/u;
const SCHEDULED = /\b(?:ends|opens|starts|begins|closes|resumes|reopens|meets|convenes|is held|are held)\s+$/u;
/** "said on Tuesday …", "told reporters on Monday": the day of the saying, in the past. */
const SAID_BEFORE =
  /\b(?:said|told(?:\s+[\p{L}’'-]+){0,2}|announced|stated|noted|added|wrote|posted|declared|warned|confirmed|met|signed|opened|closed|began|started|ended|arrived|left|held)\s+$/u;

/**
 * Whether a date in a sentence lies ahead: the words of its own clause (from the last comma,
 * "that" or verb of saying before it to the next comma) speak of the future, or it ends
 * something still going on ("runs until Wednesday"). A date right after "said" dates the saying.
 */
function speaksOfFuture(text: string, sentences: Range[], at: number, end: number, lead: string | undefined): boolean {
  const s = sentences.find((r) => r.start <= at && at < r.end);
  if (!s) return false;
  const before = text.slice(s.start, at);
  if (SAID_BEFORE.test(before)) return false;
  const from = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf(';'),
    before.search(/\bthat\s+[^\s]*$/u),
    ...[...before.matchAll(/\b(?:said|says|told|added|noted)\b/g)].map((m) => m.index + m[0].length),
  );
  const clauseBefore = before.slice(Math.max(0, from));
  const rest = text.slice(end, s.end);
  // "X on Wednesday said the council would meet": the day is the saying's, whatever follows.
  if (/^\s+(?:said|told|announced|stated|noted|added|wrote|declared|warned)\b/u.test(rest)) return false;
  const clauseAfter = rest.slice(0, rest.search(/[,;]|\b(?:said|says|told|that)\b|$/u));
  if (lead === 'until' && ONGOING_UNTIL.test(before)) return true;
  // "The congress ends on Thursday": the present of what is scheduled.
  if (SCHEDULED.test(before)) return true;
  return FUTURE.test(`${clauseBefore} ${clauseAfter}`);
}

export interface DateScan {
  text: string;
  published: Ymd;
  /** Sentences, to find the clause around a date and the anchor of "days later". */
  sentences: Range[];
}

export function findDates(scan: DateScan): ResolvedDate[] {
  const found: ResolvedDate[] = [];
  const taken = (r: Range) => found.some((d) => d.evidence.start < r.end && r.start < d.evidence.end);
  for (const rule of [calendarDates, weekdays, deictic, monthsAndYears]) {
    for (const date of rule(scan)) if (!taken(date.evidence)) found.push(date);
  }
  found.sort((a, b) => a.evidence.start - b.evidence.start);
  for (const date of relativeToAnchor(scan, found)) if (!taken(date.evidence)) found.push(date);
  return found.sort((a, b) => a.evidence.start - b.evidence.start);
}

const span = (text: string, start: number, end: number) => ({ start, end, text: text.slice(start, end) });
/** Why a date the text gives without a year has the year it has. */
const yearBasis = (year: number, p: Ymd) =>
  year === p.year
    ? `the year ${year} from the publication date (${dayValue(p)}); the text does not state it`
    : `the year ${year}, the one nearest the publication date (${dayValue(p)}); the text does not state it`;

/** "January 2", "2 January 2022", "Jan. 5, 2021", "2022-01-02": chrono's strict parser. */
function* calendarDates({ text, published }: DateScan): Generator<ResolvedDate> {
  const reference = {
    instant: new Date(Date.UTC(published.year, published.month - 1, published.day, 12)),
    timezone: 0,
  };
  for (const result of chrono.strict.parse(text, reference)) {
    const c = result.start;
    if (!c.isCertain('month') || !c.isCertain('day')) continue;
    const known = {
      month: c.get('month') as number,
      day: c.get('day') as number,
      year: c.isCertain('year') ? (c.get('year') as number) : undefined,
    };
    if (!MONTH_NAME.test(result.text) && !/\d{4}-\d{2}-\d{2}/.test(result.text)) continue; // "a few days later"
    const lead = /^(?:on|by|from|since|until|the)\s+/i.exec(result.text)?.[0].length ?? 0;
    const evidence = span(text, result.index + lead, result.index + result.text.length);
    const yearGiven = known.year !== undefined;
    const year = known.year ?? nearestYear(known.month, known.day, published);
    const day = { year, month: known.month, day: known.day };
    yield {
      date: {
        value: dayValue(day),
        precision: 'DAY',
        basis: `"${evidence.text}"${yearGiven ? '' : `; ${yearBasis(year, published)}`}`,
        evidence,
      },
      evidence,
      rule: yearGiven ? 'date-calendar' : 'date-calendar-year-from-publication',
      confidence: yearGiven ? 0.97 : 0.93,
    };
  }
}

/** "on Monday", "last Friday": the nearest such day before the publication, or after it when the clause speaks of the future. */
function* weekdays({ text, published, sentences }: DateScan): Generator<ResolvedDate> {
  const re = new RegExp(`\\b(?:(on|last|this|next|since|until|by)\\s+)?(${WEEKDAYS.join('|')})\\b`, 'g');
  for (const match of text.matchAll(re)) {
    const [words, lead, name] = match as unknown as [string, string | undefined, string];
    if (
      /^\s*,?\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|\d)/.test(
        text.slice(match.index + words.length, match.index + words.length + 12),
      )
    )
      continue; // "Monday, January 10" is a calendar date
    const target = WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);
    const future =
      lead === 'next' ||
      (lead !== 'last' && speaksOfFuture(text, sentences, match.index, match.index + words.length, lead));
    const today = weekday(published);
    let offset = future ? (target - today + 7) % 7 : -((today - target + 7) % 7);
    if (lead === 'last' && offset === 0) offset = -7;
    const day = addDays(published, offset);
    const evidence = span(text, match.index, match.index + words.length);
    const sameDay = offset === 0;
    yield {
      date: {
        value: dayValue(day),
        precision: 'DAY',
        basis: `"${evidence.text}" in an article published on ${spell(published)}: ${future ? 'the next' : 'the last'} ${name}${sameDay ? ' is the publication day itself' : ''}, ${spell(day)}`,
        evidence,
      },
      evidence,
      rule: future ? 'date-weekday-future' : 'date-weekday-past',
      confidence: future ? 0.75 : 0.9,
      ...(future && sameDay ? { flag: `"${evidence.text}" in the future on a ${name}: today or a week later?` } : {}),
    };
  }
}

/** "yesterday", "today", "last week", "this month", "last year". */
function* deictic({ text, published }: DateScan): Generator<ResolvedDate> {
  const re =
    /\b(yesterday|today|tonight|(?:earlier |later )?this (?:week|month|year|weekend)|last (?:week|month|year|weekend)|next (?:week|month|year|weekend)|(?:at|over) the weekend)\b/gi;
  for (const match of text.matchAll(re)) {
    const words = (match[1] as string).toLowerCase();
    const evidence = span(text, match.index, match.index + match[0].length);
    const resolved = resolveDeictic(words, published);
    if (!resolved) continue;
    yield {
      date: {
        ...resolved,
        basis: `"${evidence.text}" relative to the publication date (${dayValue(published)})`,
        evidence,
      },
      evidence,
      rule: `date-deictic-${words.replace(/\s+/g, '-')}`,
      confidence: 0.85,
    };
  }
}

function resolveDeictic(words: string, p: Ymd): { value: string; precision: 'DAY' | 'MONTH' | 'YEAR' } | null {
  if (words === 'yesterday') return { value: dayValue(addDays(p, -1)), precision: 'DAY' };
  if (words.endsWith('weekend')) {
    // The Saturday and Sunday before the publication ("at the weekend", "last weekend"), or after it ("next weekend").
    const back = (weekday(p) + 1) % 7 || 7;
    const saturday = words.startsWith('next') ? addDays(p, 6 - weekday(p) || 7) : addDays(p, -back);
    const range = coarsest(saturday, addDays(saturday, 1));
    return range && range.precision !== 'DAY' ? range : null;
  }
  if (words === 'today' || words === 'tonight') return { value: dayValue(p), precision: 'DAY' };
  const unit = words.split(' ').at(-1);
  const shift = words.startsWith('last') ? -1 : words.startsWith('next') ? 1 : 0;
  if (unit === 'year') return { value: String(p.year + shift), precision: 'YEAR' };
  if (unit === 'month') {
    const month = ((p.month - 1 + shift + 12) % 12) + 1;
    const year = p.year + (p.month - 1 + shift < 0 ? -1 : p.month - 1 + shift > 11 ? 1 : 0);
    return { value: monthValue({ year, month }), precision: 'MONTH' };
  }
  // A week: Monday to Sunday around the publication day, as precise as the month(s) it spans.
  const monday = addDays(p, -((weekday(p) + 6) % 7) + shift * 7);
  const range = coarsest(monday, addDays(monday, 6));
  return range && range.precision !== 'DAY' ? range : null;
}

/** "in December", "since March 2021", "in 2021": a month or a year. */
function* monthsAndYears({ text, published, sentences }: DateScan): Generator<ResolvedDate> {
  const months = new RegExp(
    `\\b(?:(?:early|mid|late)-?\\s?)?(${MONTHS.join('|')})(?:\\s+(\\d{4}))?\\b(?!\\s+\\d)`,
    'g',
  );
  for (const match of text.matchAll(months)) {
    const month = MONTHS.indexOf(match[1] as (typeof MONTHS)[number]) + 1;
    const given = match[2] ? Number(match[2]) : undefined;
    if (
      match[1] === 'May' &&
      !given &&
      !/\b(?:in|since|until|by|of|early|mid|late|from)\s+$/i.test(text.slice(Math.max(0, match.index - 8), match.index))
    )
      continue; // the verb "may"
    const future = speaksOfFuture(text, sentences, match.index, match.index + match[0].length, undefined);
    const year =
      given ??
      (future
        ? month >= published.month
          ? published.year
          : published.year + 1
        : month <= published.month
          ? published.year
          : published.year - 1);
    const evidence = span(text, match.index, match.index + match[0].length);
    yield {
      date: {
        value: monthValue({ year, month }),
        precision: 'MONTH',
        basis: `"${evidence.text}"${given ? '' : `: the ${future ? 'next' : 'last'} ${match[1]} from the publication date (${dayValue(published)})`}`,
        evidence,
      },
      evidence,
      rule: given ? 'date-month-year' : 'date-month',
      confidence: given ? 0.95 : 0.8,
    };
  }
  for (const match of text.matchAll(/\b(?:in|since|by|until|of|from|early|late)\s+((?:19|20)\d\d)\b/g)) {
    const words = match[1] as string;
    const at = match.index + match[0].length - words.length;
    const evidence = span(text, at, at + words.length);
    yield {
      date: { value: words, precision: 'YEAR', basis: `"${match[0]}"`, evidence },
      evidence,
      rule: 'date-year',
      confidence: 0.95,
    };
  }
}

const FEW =
  /\b(a few|several|some|a couple of|two|three|four|five|a|one)\s+(days?|weeks?)\s+later\b|\b(days|weeks) later\b|\bthe (next|following|previous) day\b|\b(?:the same|that) (?:day|evening|night|morning|afternoon)\b|\b(?:later that|later the same) day\b|\bby the (?:evening|afternoon|night)\b|\bthe day (?:before|after)\b|(?<=,\s)(?:a|one|two|three|four|five)\s+days?\s+(?:after|before)\b/gi;
const COUNT: Record<string, [number, number]> = {
  'a few': [2, 6],
  several: [2, 9],
  some: [2, 9],
  'a couple of': [2, 3],
  two: [2, 2],
  three: [3, 3],
  four: [4, 4],
  five: [5, 5],
  a: [1, 1],
  one: [1, 1],
};

/**
 * "a few days later", "the next day": relative to the last day the text gave before it in the
 * same paragraph. The result holds every day the words allow, so "a few days later" than
 * January 2 is January (MONTH), and a count ("two days later") gives a day, flagged.
 */
function* relativeToAnchor({ text }: DateScan, dates: ResolvedDate[]): Generator<ResolvedDate> {
  for (const match of text.matchAll(FEW)) {
    const anchor = [...dates].reverse().find(
      (d) =>
        d.date.precision === 'DAY' &&
        d.rule !== 'date-relative-to-previous' &&
        d.evidence.end <= match.index &&
        // "the previous day" may open a paragraph (and "the day before it ended" look back
        // further); vaguer counts stay in theirs; ", two days after …" counts from its own sentence.
        (/\bdays?\s+(?:after|before)\b/i.test(match[0]) && !/^the day/i.test(match[0])
          ? !/[.!?]\s/.test(text.slice(d.evidence.end, match.index))
          : !text.slice(d.evidence.end, match.index).includes('\n') ||
            (/\bday\b/i.test(match[0]) && match.index - d.evidence.end < (/^the day/i.test(match[0]) ? 1500 : 600))),
    );
    const evidence = span(text, match.index, match.index + match[0].length);
    if (!anchor) continue;
    const words = match[0].toLowerCase();
    const [low, high] = rangeOf(words);
    const from = addDays(parseDay(anchor.date.value), low);
    const to = addDays(parseDay(anchor.date.value), high);
    const range = coarsest(from, to);
    if (!range) continue;
    yield {
      date: {
        ...range,
        basis: `"${evidence.text}" than ${anchor.evidence.text} (${anchor.date.value}): between ${dayValue(from)} and ${dayValue(to)}${range.precision === 'DAY' ? '' : `, so only the ${range.precision === 'MONTH' ? 'month' : 'year'} is known`}`,
        evidence,
      },
      evidence,
      rule: 'date-relative-to-previous',
      confidence: range.precision === 'DAY' ? 0.6 : 0.8,
      ...(range.precision === 'DAY'
        ? { flag: `counted from ${anchor.evidence.text}: check that it is the right starting point` }
        : {}),
    };
  }
}

function rangeOf(words: string): [number, number] {
  if (/\b(?:same|that|by the)\b/.test(words)) return [0, 0];
  if (/^the day before$/.test(words)) return [-1, -1];
  if (/^the day after$/.test(words)) return [1, 1];
  // "X on Thursday, two days after Y": Y was two days before the day of X.
  const counted = /^(a|one|two|three|four|five)\s+days?\s+(after|before)$/.exec(words);
  if (counted) {
    const n = (COUNT[counted[1] as string] as [number, number])[0];
    return counted[2] === 'after' ? [-n, -n] : [n, n];
  }
  if (/the previous day/.test(words)) return [-1, -1];
  if (/the (next|following) day/.test(words)) return [1, 1];
  const [count = '', unit = 'days'] = words.replace(/ later$/, '').split(/\s+(?=days?$|weeks?$)/);
  const [low, high] = COUNT[count] ?? [2, 9];
  return unit.startsWith('week') ? [low * 7 - 3, high * 7 + 3] : [low, high];
}

const parseDay = (value: string): Ymd => {
  const [year, month, day] = value.split('-').map(Number);
  return { year: year as number, month: month as number, day: day as number };
};
