import { DateTime } from 'luxon';

/** Calendar dates of the register are Swedish local dates. */
export const ZONE = 'Europe/Stockholm';

/** Today's date (YYYY-MM-DD) in Sweden at the instant `now`. */
export function swedishDate(now: Date): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** Start of a Swedish calendar day as an instant. */
export function startOfSwedishDay(date: string): Date {
  return DateTime.fromISO(date, { zone: ZONE }).startOf('day').toJSDate();
}
