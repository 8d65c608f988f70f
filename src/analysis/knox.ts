/**
 * Knox space–time interaction test for near-repeat analysis.
 *
 * Sources:
 * - Knox, E. G. (1964) "The detection of space-time interactions", Applied Statistics 13(1).
 * - Monte Carlo version with dates permuted over fixed locations: Johnson, S. D. et al. (2007)
 *   "Space–time patterns of risk: a cross national assessment of residential burglary
 *   victimization", J. Quantitative Criminology 23; Ratcliffe, J. H. (2009) Near Repeat Calculator
 *   (NRC) manual v1.3, Temple University.
 * - Expected = mean over N permutations; p = (1 + #{permuted >= observed}) / (1 + N) (North, Curtis
 *   & Sham 2002, Am. J. Hum. Genet. 71, on the "+1" Monte Carlo p-value).
 *
 * Bands (the public CLI contract):
 * - spatial: row 0 "same location" (d = 0), rows 1..K = (0, M], (M, 2M], ... ((K-1)M, KM], row K+1 = d > KM;
 * - temporal in whole days: column 0 = [0, D], columns 1..L-1 = [D+1, 2D], ..., [(L-1)D+1, LD],
 *   column L = dt > LD.
 * With the open far row and column the table covers all n(n-1)/2 pairs.
 *
 * `nrcCompatible`: Toby Davies showed (NearRepeat repository, notebook "Inconsistency with Near
 * Repeat Calculator", github.com/tobydavies/NearRepeat) that the NRC labels a band "a to b" but
 * counts [a-1, b): its "0 to 7 days" holds lags 0..6 and "8 to 14" holds 7..13, and "1 to 100 m"
 * holds 0 < d < 100. With this flag we reproduce that off-by-one: spatial rows are (0, M), [M, 2M), ...,
 * [(K-1)M, KM), far = d >= KM; temporal columns are [0, D-1], [D, 2D-1], ..., far = dt >= LD. Our
 * reference test checks the flag against the NRC's own published observed table for Chicago 2016.
 *
 * Cost: close pairs (d <= KM) are found once with a kdbush index; each permutation only re-reads
 * their date lags. Far pairs are never enumerated: per temporal band, the number of all pairs comes
 * from the day histogram (invariant under permuting dates), and far = all - close.
 */
import KDBush from 'kdbush';
import type { KnoxKernelInput } from './knox-kernel.ts';
import { runKnoxIterations } from './knox-kernel.ts';
import { normaliseSeed } from './random.ts';

export type DistanceMetric = 'euclidean' | 'manhattan';

export interface KnoxOptions {
  /** Spatial band width M (metres). */
  spaceBand: number;
  /** Number of spatial bands K after "same location". */
  spaceBands: number;
  /** Temporal band width D (days). */
  timeBand: number;
  /** Number of temporal bands L. */
  timeBands: number;
  /** Monte Carlo permutations N. */
  iterations: number;
  seed?: number;
  distance?: DistanceMetric;
  nrcCompatible?: boolean;
}

export interface KnoxBand {
  label: string;
  /** Inclusive/exclusive bounds as in the label; `max` null for the open far band. */
  min: number;
  max: number | null;
}

export interface KnoxResult {
  spaceBands: KnoxBand[];
  timeBands: KnoxBand[];
  observed: number[][];
  expected: number[][];
  ratio: (number | null)[][];
  p: number[][];
  iterations: number;
  seed: number;
  events: number;
  pairs: number;
  closePairs: number;
  nrcCompatible: boolean;
  distance: DistanceMetric;
}

export interface KnoxPrepared {
  kernel: KnoxKernelInput;
  options: Required<Omit<KnoxOptions, 'seed'>> & { seed: number };
  events: number;
}

/** Minimum events for a Knox test to mean anything (at least one pair in some band). */
export const KNOX_MIN_EVENTS = 3;

function validate(o: KnoxOptions, n: number): void {
  const posInt = (v: number, name: string, max = Infinity) => {
    if (!Number.isInteger(v) || v < 1 || v > max)
      throw new RangeError(`${name} must be an integer in 1..${max}, got ${v}`);
  };
  if (!(o.spaceBand > 0) || !Number.isFinite(o.spaceBand))
    throw new RangeError(`spaceBand must be positive, got ${o.spaceBand}`);
  posInt(o.spaceBands, 'spaceBands', 250);
  posInt(o.timeBand, 'timeBand');
  posInt(o.timeBands, 'timeBands', 250);
  posInt(o.iterations, 'iterations', 1_000_000);
  if (n < KNOX_MIN_EVENTS) throw new RangeError(`a Knox test needs at least ${KNOX_MIN_EVENTS} events, got ${n}`);
}

/** Spatial row for distance d (0 = same location, K + 1 = far). */
export function spatialBandOf(d: number, m: number, k: number, nrc: boolean): number {
  if (d === 0) return 0;
  const band = nrc ? Math.floor(d / m) + 1 : Math.ceil(d / m);
  return band > k ? k + 1 : band;
}

/** Temporal column for a lag of dt whole days (L = far). */
export function temporalBandOf(dt: number, dWidth: number, l: number, nrc: boolean): number {
  const band = nrc ? Math.floor(dt / dWidth) : dt === 0 ? 0 : Math.floor((dt - 1) / dWidth);
  return band > l ? l : band;
}

function bandLabels(o: KnoxOptions, nrc: boolean): { space: KnoxBand[]; time: KnoxBand[] } {
  const M = o.spaceBand;
  const D = o.timeBand;
  const space: KnoxBand[] = [{ label: 'same location', min: 0, max: 0 }];
  for (let k = 1; k <= o.spaceBands; k++) {
    space.push({
      label: nrc ? `[${(k - 1) * M}, ${k * M})` : `(${(k - 1) * M}, ${k * M}]`,
      min: (k - 1) * M,
      max: k * M,
    });
  }
  const KM = o.spaceBands * M;
  space.push({ label: nrc ? `>= ${KM}` : `> ${KM}`, min: KM, max: null });
  const time: KnoxBand[] = [];
  for (let j = 0; j < o.timeBands; j++) {
    const lo = nrc ? j * D : j === 0 ? 0 : j * D + 1;
    const hi = nrc ? (j + 1) * D - 1 : (j + 1) * D;
    time.push({ label: `[${lo}, ${hi}]`, min: lo, max: hi });
  }
  const LD = o.timeBands * D;
  time.push({ label: nrc ? `>= ${LD}` : `> ${LD}`, min: nrc ? LD : LD + 1, max: null });
  return { space, time };
}

/**
 * Find close pairs, observed table and per-band pair totals. `days` are whole-day numbers
 * (e.g. days since 1970-01-01); only differences matter.
 */
export function prepareKnox(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  days: ArrayLike<number>,
  options: KnoxOptions,
): KnoxPrepared {
  const n = x.length;
  if (y.length !== n || days.length !== n) throw new RangeError('x, y and days must have the same length');
  validate(options, n);
  const nrc = options.nrcCompatible ?? false;
  const metric = options.distance ?? 'euclidean';
  const M = options.spaceBand;
  const K = options.spaceBands;
  const D = options.timeBand;
  const L = options.timeBands;
  const nClose = K + 1; // same location + K bands
  const nTime = L + 1;

  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = days[i]!;
    if (!Number.isInteger(d)) throw new RangeError(`day numbers must be integers (event ${i}: ${d})`);
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  // Number events in kd-tree order (spatially sorted): a pair's two dates then sit close together
  // in memory, which makes the permutation loop several times faster on large inputs. The test is
  // invariant to how events are numbered; results stay a pure function of (input, seed).
  const index = new KDBush(n, 64, Float64Array);
  for (let i = 0; i < n; i++) index.add(x[i]!, y[i]!);
  index.finish();
  const order = index.ids; // order[k] = original index of the k-th event in kd order
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[order[k]!] = k;
  const t = new Int32Array(n);
  for (let k = 0; k < n; k++) t[k] = days[order[k]!]! - minDay;
  const maxLag = maxDay - minDay;
  const lagBand = new Uint8Array(maxLag + 1);
  for (let dt = 0; dt <= maxLag; dt++) lagBand[dt] = temporalBandOf(dt, D, L, nrc);

  // Pairs per temporal band over all pairs, from the day histogram; lags beyond the last closed
  // band need no enumeration: far = n(n-1)/2 - sum(closed).
  const hist = new Float64Array(maxLag + 1);
  for (let i = 0; i < n; i++) hist[t[i]!]! += 1;
  const timeTotals = new Float64Array(nTime);
  const totalPairs = (n * (n - 1)) / 2;
  const lastClosedLag = Math.min(maxLag, nrc ? L * D - 1 : L * D);
  for (let lag = 0; lag <= lastClosedLag; lag++) {
    let c = 0;
    if (lag === 0) for (let d = 0; d <= maxLag; d++) c += (hist[d]! * (hist[d]! - 1)) / 2;
    else for (let d = 0; d + lag <= maxLag; d++) c += hist[d]! * hist[d + lag]!;
    timeTotals[lagBand[lag]!]! += c;
  }
  let closedSum = 0;
  for (let j = 0; j < L; j++) closedSum += timeTotals[j]!;
  timeTotals[L] = totalPairs - closedSum;

  // Close pairs via kdbush: Euclidean radius KM is a superset for Manhattan (|dx|+|dy| >= hypot).
  if ((nClose + 1) * nTime > 65535) throw new RangeError('too many bands: (K + 2) * (L + 1) must stay below 65536');
  const radius = K * M;
  let cap = Math.max(1024, n * 4);
  let b = new Int32Array(cap);
  let rowOffset = new Uint16Array(cap);
  const offsets = new Int32Array(n + 1);
  let np = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const xi = x[i]!;
    const yi = y[i]!;
    const ids = index.within(xi, yi, radius);
    for (let q = 0; q < ids.length; q++) {
      const j = ids[q]!;
      const kj = rank[j]!;
      if (kj <= k) continue;
      const dx = x[j]! - xi;
      const dy = y[j]! - yi;
      const d = metric === 'euclidean' ? Math.sqrt(dx * dx + dy * dy) : Math.abs(dx) + Math.abs(dy);
      const band = spatialBandOf(d, M, K, nrc);
      if (band > K) continue;
      if (np === cap) {
        cap *= 2;
        const nb = new Int32Array(cap);
        nb.set(b);
        b = nb;
        const nr = new Uint16Array(cap);
        nr.set(rowOffset);
        rowOffset = nr;
      }
      b[np] = kj;
      rowOffset[np] = band * nTime;
      np++;
    }
    offsets[k + 1] = np;
  }
  b = b.slice(0, np);
  rowOffset = rowOffset.slice(0, np);

  const observed = new Float64Array((nClose + 1) * nTime);
  for (let k = 0; k < n; k++) {
    for (let p = offsets[k]!; p < offsets[k + 1]!; p++) {
      const dt = Math.abs(t[k]! - t[b[p]!]!);
      observed[rowOffset[p]! + lagBand[dt]!]! += 1;
    }
  }
  for (let j = 0; j < nTime; j++) {
    let close = 0;
    for (let r = 0; r < nClose; r++) close += observed[r * nTime + j]!;
    observed[nClose * nTime + j] = timeTotals[j]! - close;
  }
  const rowTotals = new Float64Array(nClose);
  for (let r = 0; r < nClose; r++) for (let j = 0; j < nTime; j++) rowTotals[r]! += observed[r * nTime + j]!;
  const maxNearLag = nrc ? L * D - 1 : L * D;

  const seed = normaliseSeed(options.seed);
  return {
    kernel: { offsets, b, rowOffset, t, lagBand, maxNearLag, rowTotals, nClose, nTime, timeTotals, observed, seed },
    options: {
      spaceBand: M,
      spaceBands: K,
      timeBand: D,
      timeBands: L,
      iterations: options.iterations,
      distance: metric,
      nrcCompatible: nrc,
      seed,
    },
    events: n,
  };
}

/** Turn permutation sums into the public table. */
export function finishKnox(prep: KnoxPrepared, sum: Float64Array, ge: Int32Array): KnoxResult {
  const { kernel, options } = prep;
  const N = options.iterations;
  const rows = kernel.nClose + 1;
  const cols = kernel.nTime;
  const observed: number[][] = [];
  const expected: number[][] = [];
  const ratio: (number | null)[][] = [];
  const p: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const o: number[] = [];
    const e: number[] = [];
    const q: (number | null)[] = [];
    const pr: number[] = [];
    for (let c = 0; c < cols; c++) {
      const idx = r * cols + c;
      const obs = kernel.observed[idx]!;
      const exp = sum[idx]! / N;
      o.push(obs);
      e.push(exp);
      // Knox ratio is undefined when no pair is expected; null rather than Infinity/NaN in JSON.
      q.push(exp > 0 ? obs / exp : null);
      pr.push((1 + ge[idx]!) / (1 + N));
    }
    observed.push(o);
    expected.push(e);
    ratio.push(q);
    p.push(pr);
  }
  const labels = bandLabels(options, options.nrcCompatible);
  const n = prep.events;
  return {
    spaceBands: labels.space,
    timeBands: labels.time,
    observed,
    expected,
    ratio,
    p,
    iterations: N,
    seed: options.seed,
    events: n,
    pairs: (n * (n - 1)) / 2,
    closePairs: kernel.b.length,
    nrcCompatible: options.nrcCompatible,
    distance: options.distance,
  };
}

/** Single-threaded Knox test (usable in a browser worker). See knox-parallel.ts for worker threads. */
export function knoxTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  days: ArrayLike<number>,
  options: KnoxOptions,
): KnoxResult {
  const prep = prepareKnox(x, y, days, options);
  const { sum, ge } = runKnoxIterations(prep.kernel, 0, prep.options.iterations);
  return finishKnox(prep, sum, ge);
}
