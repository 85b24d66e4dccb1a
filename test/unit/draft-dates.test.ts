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

  it('reads the tense of the date’s own clause: "until" something still going on, "would", "said on"', () => {
    // 14 March 2023 was a Tuesday.
    expect(dates('The forum runs until Wednesday.', '2023-03-14')).toEqual([['until Wednesday', '2023-03-15', 'DAY']]);
    expect(dates('The strike lasted until Monday.', '2023-03-14')).toEqual([['until Monday', '2023-03-13', 'DAY']]);
    expect(dates('She said the mediators would meet both sides on Monday.', '2023-03-14')).toEqual([
      ['on Monday', '2023-03-20', 'DAY'],
    ]);
    expect(dates('He said on Monday the blockade would be lifted.', '2023-03-14')).toEqual([
      ['on Monday', '2023-03-13', 'DAY'],
    ]);
    expect(dates('Ingrid Halvorsen on Monday said the council would meet in April.', '2023-03-14')).toEqual([
      ['on Monday', '2023-03-13', 'DAY'],
      ['April', '2023-04', 'MONTH'],
    ]);
  });

  it('gives "the same day", "by the evening" the day before them, and the weekend its month', () => {
    expect(dates('Workers walked out on February 28, and a blockade followed the same day.', '2023-03-20')).toEqual([
      ['February 28', '2023-02-28', 'DAY'],
      ['the same day', '2023-02-28', 'DAY'],
    ]);
    expect(dates('They protested on Tuesday, and by the evening the berth was blocked.', '2023-03-01')).toEqual([
      ['on Tuesday', '2023-02-28', 'DAY'],
      ['by the evening', '2023-02-28', 'DAY'],
    ]);
    // Published Wednesday 8 March 2023: the weekend before is 4–5 March.
    expect(dates('The team arrived at the weekend.', '2023-03-08')).toEqual([['at the weekend', '2023-03', 'MONTH']]);
    // Published Tuesday 2 April 2024: the weekend before is 30–31 March.
    expect(dates('The team arrived at the weekend.', '2024-04-02')).toEqual([['at the weekend', '2024-03', 'MONTH']]);
    // Published Monday 1 April 2024: 30–31 March and the weekend spans no month change, still March.
    expect(dates('Nothing happened at the weekend.', '2024-04-01')).toEqual([['at the weekend', '2024-03', 'MONTH']]);
  });

  it('reads the present of a scheduled event as the future', () => {
    // 9 September 2025 was a Tuesday.
    expect(dates('The congress ends on Thursday.', '2025-09-09')).toEqual([['on Thursday', '2025-09-11', 'DAY']]);
    expect(dates('The congress ended on Thursday.', '2025-09-09')).toEqual([['on Thursday', '2025-09-04', 'DAY']]);
  });

  it('counts ", two days after" back from the day of its own sentence, and "the day before" from the last day given', () => {
    // 21 November 2024 was a Thursday.
    expect(dates('Drivers left on Thursday, two days after officials agreed.', '2024-11-21')).toEqual([
      ['on Thursday', '2024-11-21', 'DAY'],
      ['two days after', '2024-11-19', 'DAY'],
    ]);
    expect(dates('The blockade ended on Thursday. Others had joined the day before it ended.', '2024-11-21')).toEqual([
      ['on Thursday', '2024-11-21', 'DAY'],
      ['the day before', '2024-11-20', 'DAY'],
    ]);
  });
});
