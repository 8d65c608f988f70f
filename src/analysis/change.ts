/**
 * Change over time: is this week's count unusual against its baseline?
 *
 * - Exact Poisson test of an observed count k against a baseline mean mu (the count is Poisson
 *   with mean mu under "no change"):
 *   * 'greater': P(X >= k); 'less': P(X <= k);
 *   * 'two-sided' (default): the sum of P(X = i) over all i no more likely than k, i.e. the
 *     "minimum-likelihood" two-sided p of R's poisson.test (stats package; relative tolerance 1e-7
 *     on ties), computed the same way R does so numbers agree with it.
 * - Seasonal baseline: the "historical limits" method of Stroup, Williamson, Herndon & Karon (1989),
 *   Statistics in Medicine 8(3): mean of the same week and its +-h neighbours in each earlier year
 *   (h = 2 gives 5 values per year). Used only when at least one full year of history exists;
 *   otherwise the mean of the last `recentWeeks` (8, as in the situational picture) is used.
 * - Two periods (`twoPeriodTest`): counts n1 over t1 days and n2 over t2 days, each Poisson. Given
 *   n = n1 + n2, n2 is Binomial(n, t2 / (t1 + t2)) when the rate has not changed, which makes the
 *   test exact and free of the unknown rate (Przyborowski & Wilenski 1940, "Homogeneity of results
 *   in testing samples from Poisson series", Biometrika 31; R's poisson.test(c(n2, n1), c(t2, t1))
 *   calls binom.test exactly so, and the two-sided p is binom.test's minimum-likelihood p with the
 *   same 1e-7 tolerance). The Poisson test above, with period 1's rate as a known baseline, is the
 *   alternative (`test: 'poisson'`): simpler, but it ignores that period 1 is a sample too, and a
 *   cell empty in period 1 gets p = 0 for any later event.
 * - Benjamini–Hochberg across the whole table (stats.ts).
 */
import {
  benjaminiHochberg,
  binomialCdf,
  binomialPmf,
  binomialUpperTail,
  poissonCdf,
  poissonPmf,
  poissonUpperTail,
} from './stats.ts';

export type Alternative = 'two-sided' | 'greater' | 'less';

/** Exact Poisson test p-value of `observed` against mean `mean`. */
export function poissonTest(observed: number, mean: number, alternative: Alternative = 'two-sided'): number {
  if (!Number.isInteger(observed) || observed < 0)
    throw new RangeError(`observed must be a non-negative integer, got ${observed}`);
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`baseline mean must be >= 0, got ${mean}`);
  if (alternative === 'greater') return poissonUpperTail(observed, mean);
  if (alternative === 'less') return poissonCdf(observed, mean);
  if (mean === 0) return observed === 0 ? 1 : 0;
  if (observed === mean) return 1;
  const relErr = 1 + 1e-7;
  const d = poissonPmf(observed, mean);
  if (observed < mean) {
    // count upper-tail values i >= ceil(mean) with pmf <= d
    let N = Math.ceil(2 * mean - observed);
    while (poissonPmf(N, mean) > d) N *= 2;
    let y = 0;
    for (let i = Math.ceil(mean); i <= N; i++) if (poissonPmf(i, mean) <= d * relErr) y++;
    return Math.min(1, poissonCdf(observed, mean) + poissonUpperTail(N - y + 1, mean));
  }
  let y = 0;
  for (let i = 0; i <= Math.floor(mean); i++) if (poissonPmf(i, mean) <= d * relErr) y++;
  return Math.min(1, poissonCdf(y - 1, mean) + poissonUpperTail(observed, mean));
}

export interface ChangeCell {
  key: string;
  count: number;
  baselineMean: number;
}

export interface ChangeFlag {
  key: string;
  count: number;
  baselineMean: number;
  p: number;
  /** Benjamini–Hochberg adjusted p over all cells passed in. */
  q: number;
  direction: 'up' | 'down' | 'none';
  significant: boolean;
}

export interface FlagChangesOptions {
  alpha?: number;
  alternative?: Alternative;
}

/** Test every cell, correct with BH, and flag significant increases/decreases. */
export function flagChanges(cells: readonly ChangeCell[], options: FlagChangesOptions = {}): ChangeFlag[] {
  const alpha = options.alpha ?? 0.05;
  const alternative = options.alternative ?? 'two-sided';
  const p = cells.map((c) => poissonTest(c.count, c.baselineMean, alternative));
  const q = benjaminiHochberg(p);
  return cells.map((c, i) => {
    const direction = c.count > c.baselineMean ? 'up' : c.count < c.baselineMean ? 'down' : 'none';
    return {
      key: c.key,
      count: c.count,
      baselineMean: c.baselineMean,
      p: p[i]!,
      q: q[i]!,
      direction,
      significant: q[i]! <= alpha && direction !== 'none',
    };
  });
}

export interface BaselineOptions {
  /** Periods per season cycle (52 for weekly data). */
  period?: number;
  /** Neighbouring periods on each side in earlier years (Stroup et al. use 1 month ~ 2 weeks). */
  halfWindow?: number;
  /** Fallback window when less than a year of history exists. */
  recentWeeks?: number;
}

export interface Baseline {
  mean: number;
  method: 'seasonal' | 'recent';
  values: number;
}

/**
 * Baseline mean for period `target` of a consecutive series (`history[i]` = count of period i,
 * target excluded from the computation). Seasonal when a full earlier year covers target +- h.
 */
export function baselineMean(history: ArrayLike<number>, target: number, options: BaselineOptions = {}): Baseline {
  const period = options.period ?? 52;
  const h = options.halfWindow ?? 2;
  const recent = options.recentWeeks ?? 8;
  let sum = 0;
  let count = 0;
  for (let year = 1; target - year * period - h >= 0; year++) {
    const centre = target - year * period;
    for (let k = -h; k <= h; k++) {
      const idx = centre + k;
      if (idx < target && idx < history.length) {
        sum += history[idx]!;
        count++;
      }
    }
  }
  if (count > 0) return { mean: sum / count, method: 'seasonal', values: count };
  for (let i = Math.max(0, target - recent); i < target && i < history.length; i++) {
    sum += history[i]!;
    count++;
  }
  return { mean: count > 0 ? sum / count : 0, method: 'recent', values: count };
}

/** Exact binomial test p of x successes in n trials against probability p (R's binom.test). */
export function binomialTest(x: number, n: number, p: number, alternative: Alternative = 'two-sided'): number {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(x) || x < 0 || x > n)
    throw new RangeError(`binomial test needs integers 0 <= x <= n, got x = ${x}, n = ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial test needs 0 <= p <= 1, got ${p}`);
  if (alternative === 'greater') return binomialUpperTail(x, n, p);
  if (alternative === 'less') return binomialCdf(x, n, p);
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const relErr = 1 + 1e-7;
  const d = binomialPmf(x, n, p);
  const m = n * p;
  if (x === m) return 1;
  let y = 0;
  if (x < m) {
    for (let i = Math.ceil(m); i <= n; i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
    return Math.min(1, binomialCdf(x, n, p) + binomialUpperTail(n - y + 1, n, p));
  }
  for (let i = 0; i <= Math.floor(m); i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
  return Math.min(1, binomialCdf(y - 1, n, p) + binomialUpperTail(x, n, p));
}

export type TwoPeriodMethod = 'exact' | 'poisson';

/**
 * p of "the rate changed" between n1 events over t1 days and n2 over t2 days (see the header);
 * 'greater' asks whether period 2 is higher.
 */
export function twoPeriodTest(
  n1: number,
  n2: number,
  t1: number,
  t2: number,
  alternative: Alternative = 'two-sided',
  method: TwoPeriodMethod = 'exact',
): number {
  if (!(t1 > 0 && t2 > 0)) throw new RangeError(`both periods need a positive length, got ${t1} and ${t2}`);
  if (method === 'poisson') return poissonTest(n2, (n1 * t2) / t1, alternative);
  return binomialTest(n2, n1 + n2, t2 / (t1 + t2), alternative);
}

export interface TwoPeriodUnit {
  count1: number;
  count2: number;
}

export interface TwoPeriodFlag extends TwoPeriodUnit {
  /** Period 2's count expected if the rate had not changed. */
  expected2: number;
  /** (count2 / t2) / (count1 / t1); null when period 1 is empty. */
  rateRatio: number | null;
  p: number;
  q: number;
  direction: 'up' | 'down' | 'none';
  significant: boolean;
}

/** Test every unit's two periods, correct with BH over them, and flag significant changes. */
export function flagTwoPeriodChanges(
  units: readonly TwoPeriodUnit[],
  t1: number,
  t2: number,
  options: FlagChangesOptions & { method?: TwoPeriodMethod } = {},
): TwoPeriodFlag[] {
  const alpha = options.alpha ?? 0.05;
  const alternative = options.alternative ?? 'two-sided';
  const method = options.method ?? 'exact';
  const p = units.map((u) => twoPeriodTest(u.count1, u.count2, t1, t2, alternative, method));
  const q = benjaminiHochberg(p);
  return units.map((u, i) => {
    const expected2 = method === 'exact' ? ((u.count1 + u.count2) * t2) / (t1 + t2) : (u.count1 * t2) / t1;
    const direction = u.count2 > expected2 ? 'up' : u.count2 < expected2 ? 'down' : 'none';
    return {
      ...u,
      expected2,
      rateRatio: u.count1 > 0 ? u.count2 / t2 / (u.count1 / t1) : null,
      p: p[i]!,
      q: q[i]!,
      direction,
      significant: q[i]! <= alpha && direction !== 'none',
    };
  });
}
