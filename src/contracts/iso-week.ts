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

/** The instant range of an ISO week like `2026-W47`; throws RangeError for a week that does not exist. */
export function weekRange(week: string): WeekRange {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new RangeError(`Not an ISO week: ${week}`);
  const start = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone: ZONE },
  ).startOf('day');
  if (!start.isValid || start.weekNumber !== Number(match[2])) throw new RangeError(`No such ISO week: ${week}`);
  return { week, from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

/** The ISO week (Swedish local time) that an instant falls in. */
export function weekOf(instant: Date): string {
  const local = DateTime.fromJSDate(instant, { zone: ZONE });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/** The week `offset` weeks after (negative: before) the given week. */
export function shiftWeek(week: string, offset: number): string {
  const { from } = weekRange(week);
  return weekOf(DateTime.fromJSDate(from, { zone: ZONE }).plus({ weeks: offset }).toJSDate());
}
