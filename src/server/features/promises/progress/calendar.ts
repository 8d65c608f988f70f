import { DateTime } from 'luxon';
import { weekOf, weekRange, ZONE } from '../../../../contracts/iso-week.ts';

/**
 * Calendar helpers for promise periods. Dates are Swedish local calendar dates as
 * 'YYYY-MM-DD' strings (what `date` columns hold), weeks are ISO weeks in Europe/Stockholm.
 */

const local = (date: string) => DateTime.fromISO(date, { zone: ZONE });

/** The Swedish calendar date of an instant. */
export function localDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate()!;
}

/** The ISO week a calendar date falls in. Noon avoids any daylight-saving edge. */
export function weekOfDate(date: string): string {
  return weekOf(local(date).set({ hour: 12 }).toJSDate());
}

/** Monday..Sunday of an ISO week as calendar dates. */
export function weekDates(week: string): { monday: string; thursday: string; sunday: string } {
  const monday = DateTime.fromJSDate(weekRange(week).from, { zone: ZONE });
  return {
    monday: monday.toISODate()!,
    thursday: monday.plus({ days: 3 }).toISODate()!,
    sunday: monday.plus({ days: 6 }).toISODate()!,
  };
}

/**
 * The ISO weeks that belong to the span [from, to]: a week belongs when its Thursday lies in
 * the span. That is the ISO rule for which year a week belongs to, so a calendar-year period
 * gets exactly that year's ISO weeks (2024-12-30..31 are in 2025-W01, so not in 2024), and a
 * place added on a Friday starts with the next week instead of owing a patrol for two days.
 */
export function weeksInSpan(from: string, to: string): string[] {
  if (to < from) return [];
  const weeks: string[] = [];
  let week = weekOfDate(from);
  for (;;) {
    const { thursday, monday } = weekDates(week);
    if (monday > to) break;
    if (thursday >= from && thursday <= to) weeks.push(week);
    week = weekOfDate(local(monday).plus({ days: 7 }).toISODate()!);
  }
  return weeks;
}

/** Whole days from `from` to `to` inclusive (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  if (to < from) return 0;
  return Math.round(local(to).diff(local(from), 'days').days) + 1;
}

export type TermName = 'VT' | 'HT';

/**
 * School terms: vårtermin (VT) is January to June and hösttermin (HT) July to December, so the
 * two terms cover the year without gaps and a meeting in a summer school still counts.
 */
export function termOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${month <= 6 ? 'VT' : 'HT'}`;
}

export function termSpan(term: string): { from: string; to: string } {
  const year = term.slice(0, 4);
  return term.endsWith('VT')
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** Terms overlapping [from, to], each clipped to the span. */
export function termsInSpan(from: string, to: string): { term: string; from: string; to: string }[] {
  const terms: { term: string; from: string; to: string }[] = [];
  let term = termOf(from);
  for (;;) {
    const span = termSpan(term);
    if (span.from > to) break;
    terms.push({ term, from: span.from < from ? from : span.from, to: span.to > to ? to : span.to });
    const next = local(span.to).plus({ days: 1 }).toISODate()!;
    term = termOf(next);
  }
  return terms;
}

export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
