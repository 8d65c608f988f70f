/**
 * Periods and day numbers for the analyses (pure). Days are calendar days in Swedish local time, so
 * a report at 23:30 and one at 00:30 the next night are one day apart, as a coordinator reads them.
 */
import { DateTime } from 'luxon';
import { ZONE } from '../../../contracts/iso-week.ts';

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
}

const WEEK_MS = 7 * 86_400_000;
/** Without from/to or weeks, the last twelve weeks. */
export const DEFAULT_WEEKS = 12;

/** The period a query names: from/to as given, or the last `weeks` weeks up to now. */
export function resolvePeriod(
  query: { from?: string | undefined; to?: string | undefined; weeks?: number | undefined },
  now: Date,
): Period {
  if (query.from !== undefined && query.to !== undefined) return { from: new Date(query.from), to: new Date(query.to) };
  const weeks = query.weeks ?? DEFAULT_WEEKS;
  return { from: new Date(now.getTime() - weeks * WEEK_MS), to: now };
}

/**
 * For evaluating hot spots: the chosen period and the equally long one right after it, ending at
 * the latest now. A `weeks` query means "the last N weeks are the test period", so its hot spots
 * come from the N weeks before them.
 */
export function evaluationPeriods(
  query: { from?: string | undefined; to?: string | undefined; weeks?: number | undefined },
  now: Date,
): { first: Period; next: Period } {
  if (query.from === undefined) {
    const test = resolvePeriod(query, now);
    const span = test.to.getTime() - test.from.getTime();
    return { first: { from: new Date(test.from.getTime() - span), to: test.from }, next: test };
  }
  const first = resolvePeriod(query, now);
  const span = first.to.getTime() - first.from.getTime();
  const end = Math.min(first.to.getTime() + span, now.getTime());
  return { first, next: { from: first.to, to: new Date(end) } };
}

/** The twelve months up to now (near-repeat looks at a year, per the issue). */
export function lastYear(now: Date): Period {
  return { from: DateTime.fromJSDate(now, { zone: ZONE }).minus({ years: 1 }).toJSDate(), to: now };
}

/** Whole-day number (days since 1970-01-01) of an instant's Swedish calendar date. */
export function swedishDayNumber(instant: Date): number {
  const local = DateTime.fromJSDate(instant, { zone: ZONE });
  return Math.round(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
}
