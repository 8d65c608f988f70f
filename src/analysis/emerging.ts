/**
 * Emerging hot spots: a space-time cube (grid cell x time step) with Getis-Ord Gi* per bin, the
 * Mann-Kendall trend of each cell's z-scores, and each cell classified into the patterns crime
 * analysts know from ArcGIS Pro's Emerging Hot Spot Analysis.
 *
 * Sources:
 * - Esri, ArcGIS Pro tool reference, "How Emerging Hot Spot Analysis works" (Space Time Pattern
 *   Mining toolbox; pro.arcgis.com/en/pro-app/latest/tool-reference/space-time-pattern-mining/
 *   learnmoreemerging.htm): Gi* for each bin with its neighbours within the neighbourhood distance
 *   in the same and the previous `timeWindow` time steps, against the whole cube (the default
 *   global window), with an FDR correction; the Mann-Kendall test on each location's series; and
 *   the pattern definitions below (in our words; "90 %" is ArcGIS's threshold).
 * - Gi* as in gistar.ts (Ord & Getis 1995), binary weights, the bin itself included.
 * - Mann, H. B. (1945) "Nonparametric tests against trend", Econometrica 13; Kendall, M. G. (1975)
 *   "Rank Correlation Methods": S = sum over i < j of sign(z_j - z_i), Var(S) = [n(n-1)(2n+5) -
 *   sum over ties t(t-1)(2t+5)] / 18, Z = (S - sign(S)) / sqrt(Var(S)), two-sided normal p.
 *
 * Patterns, for a location with n time steps (a bin is hot or cold when its BH-adjusted q <= alpha,
 * z > 0 or < 0, and for hot at least `minCount` events in its window):
 * - new: hot in the final step, never hot before;
 * - consecutive: one uninterrupted run of at least two hot steps ending in the final step, never hot
 *   before that run, hot in fewer than 90 % of the steps;
 * - intensifying: hot in at least 90 % of the steps including the final one, with a significant
 *   upward trend in z; persistent: the same with no significant trend; diminishing: the same with
 *   a significant downward trend;
 * - sporadic: hot in the final step, on and off before, fewer than 90 % hot, never cold;
 * - oscillating: hot in the final step, cold in some earlier step, fewer than 90 % hot;
 * - historical: not hot in the final step, but hot in at least 90 % of the steps;
 * - and the cold counterparts (for cold: intensifying means z trending down).
 * ArcGIS leaves overlaps open; our order is: the final step's state picks the family (a final
 * cold step makes an otherwise "historical hot" location an oscillating cold spot), then 90 % and
 * the trend, then a history of the opposite kind (oscillating), then new / consecutive / sporadic.
 * Trends are significant at `alpha` as well.
 */
import { benjaminiHochberg, twoSidedNormalP } from './stats.ts';

export const EMERGING_CATEGORIES = [
  'new-hot',
  'consecutive-hot',
  'intensifying-hot',
  'persistent-hot',
  'diminishing-hot',
  'sporadic-hot',
  'oscillating-hot',
  'historical-hot',
  'new-cold',
  'consecutive-cold',
  'intensifying-cold',
  'persistent-cold',
  'diminishing-cold',
  'sporadic-cold',
  'oscillating-cold',
  'historical-cold',
  'none',
] as const;
export type EmergingCategory = (typeof EMERGING_CATEGORIES)[number];

/** Counts per bin: `counts[t * nCells + c]` for time step t and study-area cell c. */
export interface SpaceTimeCube {
  nCols: number;
  nRows: number;
  steps: number;
  /** Grid index (row-major, nCols x nRows) of each of the nCells study-area cells. */
  cellIndex: Int32Array;
  counts: Float64Array;
}

export interface EmergingOptions {
  /** Previous time steps in a bin's neighbourhood (ArcGIS's neighbourhood time step; default 1). */
  timeWindow?: number;
  alpha?: number;
  minCount?: number;
}

export interface MannKendall {
  s: number;
  z: number;
  p: number;
}

export interface EmergingResult {
  /** Per cell (study-area order). */
  category: EmergingCategory[];
  hotBins: Int32Array;
  coldBins: Int32Array;
  trend: MannKendall[];
  /** Per bin, `[t * nCells + c]`. */
  z: Float64Array;
  q: Float64Array;
  hot: Uint8Array;
  cold: Uint8Array;
}

/** Mann–Kendall trend test of a series (see header); ties by exact equality. */
export function mannKendall(series: ArrayLike<number>): MannKendall {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(series[j]! - series[i]!);
  const sorted = Float64Array.from(series).sort();
  let ties = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  if (!(variance > 0) || s === 0) return { s, z: 0, p: 1 };
  const z = (s - Math.sign(s)) / Math.sqrt(variance);
  return { s, z, p: twoSidedNormalP(z) };
}

/** Space-time Gi* z of every bin: queen 3 x 3 within the study area, this and the previous k steps. */
export function spaceTimeGiStar(cube: SpaceTimeCube, timeWindow: number): { z: Float64Array; local: Float64Array } {
  const { nCols, nRows, steps, cellIndex, counts } = cube;
  const nCells = cellIndex.length;
  const slot = new Int32Array(nCols * nRows).fill(-1);
  for (let c = 0; c < nCells; c++) slot[cellIndex[c]!] = c;
  // Spatial neighbours (self included) of each cell, within the study area.
  const offsets = new Int32Array(nCells + 1);
  const neighbours: number[] = [];
  for (let c = 0; c < nCells; c++) {
    const col = cellIndex[c]! % nCols;
    const row = Math.floor(cellIndex[c]! / nCols);
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const r = row + dr;
        const k = col + dc;
        if (r < 0 || r >= nRows || k < 0 || k >= nCols) continue;
        const j = slot[r * nCols + k]!;
        if (j >= 0) neighbours.push(j);
      }
    offsets[c + 1] = neighbours.length;
  }
  const N = nCells * steps;
  let sum = 0;
  let sumSq = 0;
  for (let b = 0; b < N; b++) {
    sum += counts[b]!;
    sumSq += counts[b]! * counts[b]!;
  }
  const mean = sum / N;
  const sd = Math.sqrt(Math.max(0, sumSq / N - mean * mean));
  // Spatial window sums per bin, then summed over the time window.
  const spatial = new Float64Array(N);
  for (let t = 0; t < steps; t++) {
    const base = t * nCells;
    for (let c = 0; c < nCells; c++) {
      let v = 0;
      for (let e = offsets[c]!; e < offsets[c + 1]!; e++) v += counts[base + neighbours[e]!]!;
      spatial[base + c] = v;
    }
  }
  const z = new Float64Array(N);
  const local = new Float64Array(N);
  for (let t = 0; t < steps; t++) {
    const first = Math.max(0, t - timeWindow);
    const span = t - first + 1;
    for (let c = 0; c < nCells; c++) {
      let v = 0;
      for (let u = first; u <= t; u++) v += spatial[u * nCells + c]!;
      const w = (offsets[c + 1]! - offsets[c]!) * span;
      const denom = sd * Math.sqrt((N * w - w * w) / (N - 1));
      local[t * nCells + c] = v;
      z[t * nCells + c] = denom > 0 ? (v - mean * w) / denom : 0;
    }
  }
  return { z, local };
}

/** The pattern of one location from its bins' states (1 hot, -1 cold, 0 neither) and trend. */
export function classifySeries(state: ArrayLike<number>, trend: MannKendall, alpha: number): EmergingCategory {
  const n = state.length;
  const last = state[n - 1]!;
  if (last === 0) {
    let hot = 0;
    let cold = 0;
    for (let t = 0; t < n; t++) {
      if (state[t] === 1) hot++;
      else if (state[t] === -1) cold++;
    }
    if (hot * 10 >= 9 * n) return 'historical-hot';
    if (cold * 10 >= 9 * n) return 'historical-cold';
    return 'none';
  }
  const kind = last === 1 ? 'hot' : 'cold';
  let same = 0;
  let opposite = 0;
  for (let t = 0; t < n; t++) {
    if (state[t] === last) same++;
    else if (state[t] === -last) opposite++;
  }
  if (same * 10 >= 9 * n) {
    const significant = trend.p <= alpha && trend.s !== 0;
    // Intensifying: hot spots' z rising, cold spots' z falling.
    if (significant) return `${trend.s * last > 0 ? 'intensifying' : 'diminishing'}-${kind}` as EmergingCategory;
    return `persistent-${kind}` as EmergingCategory;
  }
  if (opposite > 0) return `oscillating-${kind}` as EmergingCategory;
  let run = 0;
  while (run < n && state[n - 1 - run] === last) run++;
  if (same === run) return `${run === 1 ? 'new' : 'consecutive'}-${kind}` as EmergingCategory;
  return `sporadic-${kind}` as EmergingCategory;
}

/** Gi* per bin, BH over all bins, Mann–Kendall per cell, and the pattern of every cell. */
export function emergingHotSpots(cube: SpaceTimeCube, options: EmergingOptions = {}): EmergingResult {
  const timeWindow = options.timeWindow ?? 1;
  const alpha = options.alpha ?? 0.05;
  const minCount = options.minCount ?? 0;
  const { steps, cellIndex } = cube;
  const nCells = cellIndex.length;
  if (!Number.isInteger(timeWindow) || timeWindow < 0)
    throw new RangeError('timeWindow must be a non-negative integer');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (steps < 5) throw new RangeError(`emerging hot spots need at least 5 time steps, got ${steps}`);
  const { z, local } = spaceTimeGiStar(cube, timeWindow);
  const q = benjaminiHochberg(Array.from(z, twoSidedNormalP));
  const hot = new Uint8Array(z.length);
  const cold = new Uint8Array(z.length);
  for (let b = 0; b < z.length; b++) {
    if (q[b]! > alpha) continue;
    if (z[b]! > 0 && local[b]! >= minCount) hot[b] = 1;
    else if (z[b]! < 0) cold[b] = 1;
  }
  const category: EmergingCategory[] = new Array(nCells);
  const trend: MannKendall[] = new Array(nCells);
  const hotBins = new Int32Array(nCells);
  const coldBins = new Int32Array(nCells);
  const series = new Float64Array(steps);
  const state = new Int8Array(steps);
  for (let c = 0; c < nCells; c++) {
    for (let t = 0; t < steps; t++) {
      const b = t * nCells + c;
      series[t] = z[b]!;
      state[t] = hot[b] ? 1 : cold[b] ? -1 : 0;
      hotBins[c]! += hot[b]!;
      coldBins[c]! += cold[b]!;
    }
    trend[c] = mannKendall(series);
    category[c] = classifySeries(state, trend[c]!, alpha);
  }
  return { category, hotBins, coldBins, trend, z, q, hot, cold };
}
