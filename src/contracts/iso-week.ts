import { DateTime } from 'luxon';

/** Samtrygg's weeks are ISO weeks in Swedish local time, whatever the server's time zone. */
export const ZONE = 'Europe/Stockholm';

export interface WeekRange {
  week: string;
  /** Monday 00:00 Swedish local time, as a UTC instant. */
  from: Date;
  /** The next Monday 00:00 Swedish local time (exclusive). */
  to: Date;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** Whether a text has the shape of an ISO week like `2026-W47` (whether that week exists is weekRange's business). */
export const looksLikeWeek = (text: string): boolean => WEEK_PATTERN.test(text);

/** `2026-W07` as its year and week number, `{year: 2026, number: 7}`; throws RangeError for another shape. */
export function parseWeek(week: string): { year: number; number: number } {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new RangeError(`Not an ISO week: ${week}`);
  return { year: Number(match[1]), number: Number(match[2]) };
}

/** `2026-W07` as its week number, 7. */
export const weekNumber = (week: string): number => parseWeek(week).number;

/**
 * Week ranges already computed: the zone arithmetic (Intl under luxon) costs tens of microseconds
 * a call, and a weekly picture asks for the same dozen weeks on every request. Bounded.
 */
const rangeCache = new Map<string, { from: number; to: number }>();
const RANGE_CACHE_SIZE = 4096;

/** The instant range of an ISO week like `2026-W47`; throws RangeError for a week that does not exist. */
export function weekRange(week: string): WeekRange {
  // Dates are mutable: every caller gets its own.
  const cached = rangeCache.get(week);
  if (cached) return { week, from: new Date(cached.from), to: new Date(cached.to) };
  const { year, number } = parseWeek(week);
  const start = DateTime.fromObject({ weekYear: year, weekNumber: number, weekday: 1 }, { zone: ZONE }).startOf('day');
  if (!start.isValid || start.weekNumber !== number) throw new RangeError(`No such ISO week: ${week}`);
  const range = { from: start.toMillis(), to: start.plus({ weeks: 1 }).toMillis() };
  if (rangeCache.size >= RANGE_CACHE_SIZE) rangeCache.clear();
  rangeCache.set(week, range);
  return { week, from: new Date(range.from), to: new Date(range.to) };
}

/** The ISO week (Swedish local time) that an instant falls in. */
export function weekOf(instant: Date): string {
  const local = DateTime.fromJSDate(instant, { zone: ZONE });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/**
 * The week `offset` weeks after (negative: before) the given week. Pure calendar arithmetic on
 * the weeks' Mondays as dates: which week follows which does not depend on any time zone.
 */
export function shiftWeek(week: string, offset: number): string {
  weekRange(week); // validates, with the error weekRange throws
  const { year, number } = parseWeek(week);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0
  const monday = jan4 - jan4Weekday * DAY_MS + (number - 1 + offset) * 7 * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const weekNumber = 1 + Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY_MS));
  return `${weekYear}-W${String(weekNumber).padStart(2, '0')}`;
}
