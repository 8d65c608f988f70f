/**
 * The arithmetic of the picture, free of I/O: bucket counts into the week, the week before and the
 * 8-week baseline, and decide which changes are notable.
 *
 * Notable change: an exact Poisson test of the week's count against the mean of the 8 weeks before
 * (two-sided), Benjamini–Hochberg across each table (areas, categories), notable when q <= 0.05 and
 * the count differs from the baseline by at least 3 reports, so one extra report in a quiet area
 * never lights up. The analysis module supplies the test; a seasonal baseline can replace the
 * 8-week mean later without changing the view.
 */
import { flagChanges } from '../../../analysis/change.ts';
import { shiftWeek, weekRange } from '../../../contracts/iso-week.ts';
import type { ChangeView } from '../../../contracts/lagesbild.ts';

export const BASELINE_WEEKS = 8;
export const SPARKLINE_WEEKS = 8;
export const CHANGE_ALPHA = 0.05;
export const MIN_ABSOLUTE_CHANGE = 3;

export interface WeekWindow {
  /** Oldest first: the 8 baseline weeks (the last of them is the week before), then the week itself. */
  weeks: string[];
  /** weeks.length + 1 instants: the start of each week, then the end of the last. */
  bounds: Date[];
}

/** The ten weeks' boundaries in Swedish local time (weeks are 167 or 169 hours around DST changes). */
export function weekWindow(week: string): WeekWindow {
  const weeks = Array.from({ length: BASELINE_WEEKS + 1 }, (_, i) => shiftWeek(week, i - BASELINE_WEEKS));
  const bounds = weeks.map((w) => weekRange(w).from);
  bounds.push(weekRange(week).to);
  return { weeks, bounds };
}

/** Counts of one key over the window: index 0..7 baseline weeks, 8 the week itself. */
export type Series = number[];

export interface Figure {
  count: number;
  previousCount: number;
  baselineMean: number;
  series: Series;
}

export function figureOf(series: Series | undefined): Figure {
  const s = series ?? new Array<number>(BASELINE_WEEKS + 1).fill(0);
  const baseline = s.slice(0, BASELINE_WEEKS);
  return {
    count: s[BASELINE_WEEKS]!,
    previousCount: s[BASELINE_WEEKS - 1]!,
    baselineMean: baseline.reduce((a, b) => a + b, 0) / BASELINE_WEEKS,
    series: s,
  };
}

/** Adds `n` to the series of `key` at week index `index` (0-based). */
export function addTo(map: Map<string, Series>, key: string, index: number, n: number): void {
  let series = map.get(key);
  if (!series) {
    series = new Array<number>(BASELINE_WEEKS + 1).fill(0);
    map.set(key, series);
  }
  series[index] = series[index]! + n;
}

/** Change decisions for one table, in the order given. */
export function decideChanges(figures: readonly { key: string; count: number; baselineMean: number }[]): ChangeView[] {
  const flags = flagChanges(
    figures.map((f) => ({ key: f.key, count: f.count, baselineMean: f.baselineMean })),
    { alpha: CHANGE_ALPHA },
  );
  return flags.map((f) => ({
    direction: f.direction,
    p: f.p,
    q: f.q,
    notable: f.significant && Math.abs(f.count - f.baselineMean) >= MIN_ABSOLUTE_CHANGE,
  }));
}
