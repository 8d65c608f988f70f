import { describe, expect, it } from 'vitest';
import { daysInclusive, localDate, termsInSpan, weekOfDate, weeksInSpan } from './calendar.ts';

describe('calendar', () => {
  it.each([
    ['2024-01-01', '2024-W01'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'],
    ['2023-01-01', '2022-W52'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, week) => expect(weekOfDate(date)).toBe(week));

  it('gives a calendar year exactly its ISO weeks, also across year ends', () => {
    expect(weeksInSpan('2024-01-01', '2024-12-31')).toHaveLength(52);
    expect(weeksInSpan('2024-01-01', '2024-12-31').at(-1)).toBe('2024-W52');
    expect(weeksInSpan('2020-01-01', '2020-12-31')).toHaveLength(53);
    // Sunday 20 December is in W51, whose Thursday lies before the span.
    expect(weeksInSpan('2020-12-20', '2021-01-10')).toEqual(['2020-W52', '2020-W53', '2021-W01']);
  });

  it('counts a week for a span only when its Thursday is inside', () => {
    expect(weeksInSpan('2024-06-07', '2024-06-30')).toEqual(['2024-W24', '2024-W25', '2024-W26']); // Fri 7 June: W23 not owed
    expect(weeksInSpan('2024-06-06', '2024-06-06')).toEqual(['2024-W23']);
    expect(weeksInSpan('2024-06-08', '2024-06-07')).toEqual([]);
  });

  it('uses Swedish local dates for instants', () => {
    expect(localDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(localDate(new Date('2024-06-30T21:59:00Z'))).toBe('2024-06-30');
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysInclusive('2024-03-30', '2024-04-01')).toBe(3); // across the DST change
  });

  it('splits periods into spring and autumn terms', () => {
    expect(termsInSpan('2024-01-01', '2024-12-31').map((t) => t.term)).toEqual(['2024-VT', '2024-HT']);
    expect(termsInSpan('2023-09-01', '2024-03-31')).toEqual([
      { term: '2023-HT', from: '2023-09-01', to: '2023-12-31' },
      { term: '2024-VT', from: '2024-01-01', to: '2024-03-31' },
    ]);
  });
});
