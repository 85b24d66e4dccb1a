/** Date rules: values and precisions resolved against the publication date, never a made-up day. */
import { describe, expect, it } from 'vitest';
import { parseYmd } from '../../src/draft/calendar.js';
import { findDates } from '../../src/draft/dates.js';

function dates(text: string, published: string) {
  return findDates({ text, published: parseYmd(published), sentences: [{ start: 0, end: text.length }] }).map((d) => [
    d.evidence.text,
    d.date.value,
    d.date.precision,
  ]);
}

describe('findDates', () => {
  it('resolves weekdays before the publication, or after it when the clause speaks of the future', () => {
    // 10 January 2022 was a Monday.
    expect(dates('He said on Monday that talks failed.', '2022-01-10')).toEqual([['on Monday', '2022-01-10', 'DAY']]);
    expect(dates('He spoke on Friday.', '2022-01-10')).toEqual([['on Friday', '2022-01-07', 'DAY']]);
    expect(dates('They will meet on Friday.', '2022-01-10')).toEqual([['on Friday', '2022-01-14', 'DAY']]);
    expect(dates('It happened last Monday.', '2022-01-10')).toEqual([['last Monday', '2022-01-03', 'DAY']]);
  });

  it('gives a day and month without a year the year nearest the publication', () => {
    expect(dates('Protests began on January 2.', '2022-01-10')).toEqual([['January 2', '2022-01-02', 'DAY']]);
    expect(dates('Protests began on Dec 28.', '2022-01-10')).toEqual([['Dec 28', '2021-12-28', 'DAY']]);
    expect(dates('The vote of 2 March 2021 stands.', '2022-01-10')).toEqual([['2 March 2021', '2021-03-02', 'DAY']]);
  });

  it('reads "by the morning of January 7" as that day', () => {
    expect(dates('Order was restored by the morning of January 7.', '2022-01-10')).toEqual([
      ['January 7', '2022-01-07', 'DAY'],
    ]);
  });

  it('never turns a vague "later" into a day: only what every possible day shares', () => {
    expect(dates('Protests began on January 2, and riots a few days later.', '2022-01-10')).toEqual([
      ['January 2', '2022-01-02', 'DAY'],
      ['a few days later', '2022-01', 'MONTH'],
    ]);
    // From January 29, "a few days later" may be in February: only the year is certain.
    expect(dates('Protests began on January 29, and riots a few days later.', '2022-02-10').at(-1)).toEqual([
      'a few days later',
      '2022',
      'YEAR',
    ]);
    // With no day before it there is nothing to count from.
    expect(dates('Riots followed a few days later.', '2022-01-10')).toEqual([]);
  });

  it('takes durations for no date at all', () => {
    expect(dates('Roads were blocked for two days.', '2022-01-10')).toEqual([]);
  });

  it('gives months, years and relative weeks their precision', () => {
    expect(dates('Talks stalled in December.', '2022-01-10')).toEqual([['December', '2021-12', 'MONTH']]);
    expect(dates('Talks have stalled since 2014.', '2022-01-10')).toEqual([['2014', '2014', 'YEAR']]);
    expect(dates('He left yesterday.', '2022-01-10')).toEqual([['yesterday', '2022-01-09', 'DAY']]);
    // 3 to 9 January 2022: one month.
    expect(dates('It rained last week.', '2022-01-10')).toEqual([['last week', '2022-01', 'MONTH']]);
    // 30 September to 6 October 2024: two months, so only the year.
    expect(dates('It rained last week.', '2024-10-08')).toEqual([['last week', '2024', 'YEAR']]);
  });

  it('does not take the verb "may" for the month', () => {
    expect(dates('Prices may rise.', '2022-01-10')).toEqual([]);
  });
});
