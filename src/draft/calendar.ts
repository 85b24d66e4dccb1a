/** Calendar arithmetic on plain UTC dates, and the wording of date bases. */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function parseYmd(value: string): Ymd {
  const [year, month, day] = value.split('-').map(Number);
  return { year: year as number, month: month ?? 1, day: day ?? 1 };
}

const toDate = (d: Ymd) => new Date(Date.UTC(d.year, d.month - 1, d.day));
const fromDate = (d: Date): Ymd => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });

export const addDays = (d: Ymd, days: number): Ymd => fromDate(new Date(toDate(d).getTime() + days * 86_400_000));
export const weekday = (d: Ymd) => toDate(d).getUTCDay();
export const dayNumber = (d: Ymd) => Math.round(toDate(d).getTime() / 86_400_000);

const pad = (n: number) => String(n).padStart(2, '0');
export const dayValue = (d: Ymd) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
export const monthValue = (d: Pick<Ymd, 'year' | 'month'>) => `${d.year}-${pad(d.month)}`;

/** "Monday 10 January 2022". */
export const spell = (d: Ymd) => `${WEEKDAYS[weekday(d)]} ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;

/**
 * The year of a day and month the text gives without one: the one that puts it nearest the
 * publication date (a report of January 10 mentioning "December 28" means the December before).
 */
export function nearestYear(month: number, day: number, published: Ymd): number {
  const candidates = [published.year - 1, published.year, published.year + 1];
  const distance = (year: number) => Math.abs(dayNumber({ year, month, day }) - dayNumber(published));
  return candidates.reduce((best, year) => (distance(year) < distance(best) ? year : best));
}

/** The finest precision that holds every day from `first` to `last`: a day, a month, a year, or nothing. */
export function coarsest(first: Ymd, last: Ymd): { precision: 'DAY' | 'MONTH' | 'YEAR'; value: string } | null {
  if (dayValue(first) === dayValue(last)) return { precision: 'DAY', value: dayValue(first) };
  if (first.year === last.year && first.month === last.month) return { precision: 'MONTH', value: monthValue(first) };
  if (first.year === last.year) return { precision: 'YEAR', value: String(first.year) };
  return null;
}
