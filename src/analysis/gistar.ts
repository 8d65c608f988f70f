/**
 * Getis-Ord Gi* local statistic on grid counts.
 *
 * Sources:
 * - Getis, A. & Ord, J. K. (1992) "The analysis of spatial association by use of distance statistics",
 *   Geographical Analysis 24(3); Ord, J. K. & Getis, A. (1995) "Local spatial autocorrelation
 *   statistics: distributional issues and an application", Geographical Analysis 27(4), eq. for Gi*
 *   standardised under randomisation:
 *     z_i = (sum_j w_ij x_j - xbar W_i) / ( s * sqrt( (n S1_i - W_i^2) / (n - 1) ) ),
 *     xbar = sum x / n, s^2 = sum x^2 / n - xbar^2, W_i = sum_j w_ij, S1_i = sum_j w_ij^2,
 *   with j running over all n cells including i (the "star" variant).
 * - This is exactly PySAL esda `G_Local(y, w, transform="B", star=True).Zs` (esda computes
 *   (G - E[G]) / sqrt(V[G]) with G = sum_j w_ij x_j / sum x, which reduces to the formula above) and
 *   R spdep `localG(x, nb2listw(include.self(nb), style = "B"))`. Reference test:
 *   test/reference/analysis (esda's published DistanceBand example, and a grid computed by an
 *   independent Python script).
 * - Weights here are binary queen contiguity including the cell itself, so W_i = S1_i = number of
 *   grid cells in the 3x3 window that exist (9 inside, 6 on an edge, 4 in a corner).
 * - Conditional permutation inference (Anselin 1995, "Local indicators of spatial association —
 *   LISA", Geographical Analysis 27(2); esda's `crand`): x_i stays at cell i, its W_i - 1 neighbours
 *   are replaced by a random draw without replacement from the other n - 1 cell values.
 *   Two-sided pseudo p-value (our definition, stated because esda's p_sim is one-sided "folded"):
 *     p = min(1, 2 * (1 + min(#{sim >= obs}, #{sim <= obs})) / (1 + N)).
 *   Ties count on both sides, which keeps the test conservative for integer counts. It is in (0, 1].
 * - Multiple testing: Benjamini–Hochberg over all cells (see stats.ts); a cell is hot when its
 *   q <= alpha and z > 0, cold when q <= alpha and z < 0.
 */
import type { GridCounts, GridSpec, BBox } from './grid.ts';
import { gridFromBBox, gridFromPoints, countPoints } from './grid.ts';
import { benjaminiHochberg, twoSidedNormalP } from './stats.ts';
import { streamRng } from './random.ts';

/** Binary weights in compressed sparse row form: neighbours of i are indices[offsets[i]..offsets[i+1]). */
export interface BinaryWeights {
  offsets: Int32Array;
  indices: Int32Array;
}

/**
 * Analytic Gi* z-scores for arbitrary binary weights. The caller decides whether i is its own
 * neighbour (Gi* requires it). Constant input (s = 0) gives NaN, meaning "no evidence either way".
 */
export function giStarZ(values: ArrayLike<number>, w: BinaryWeights): Float64Array {
  const n = values.length;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let local = 0;
    const start = w.offsets[i]!;
    const end = w.offsets[i + 1]!;
    for (let k = start; k < end; k++) local += values[w.indices[k]!]!;
    const wi = end - start;
    z[i] = (local - mean * wi) / (s * Math.sqrt((n * wi - wi * wi) / (n - 1)));
  }
  return z;
}

/** Queen-contiguity window sums (3x3 including self) and window sizes W_i for a grid. */
export function queenWindowSums(grid: GridSpec & { counts: ArrayLike<number> }): {
  local: Float64Array;
  weight: Uint8Array;
} {
  const { nCols, nRows, counts } = grid;
  const n = nCols * nRows;
  // Separable box sum: first along rows, then along columns; O(n) whatever the window size.
  const rowSum = new Float64Array(n);
  for (let r = 0; r < nRows; r++) {
    const base = r * nCols;
    for (let c = 0; c < nCols; c++) {
      let s = counts[base + c]!;
      if (c > 0) s += counts[base + c - 1]!;
      if (c < nCols - 1) s += counts[base + c + 1]!;
      rowSum[base + c] = s;
    }
  }
  const local = new Float64Array(n);
  const weight = new Uint8Array(n);
  for (let r = 0; r < nRows; r++) {
    const hr = 1 + (r > 0 ? 1 : 0) + (r < nRows - 1 ? 1 : 0);
    const base = r * nCols;
    for (let c = 0; c < nCols; c++) {
      let s = rowSum[base + c]!;
      if (r > 0) s += rowSum[base - nCols + c]!;
      if (r < nRows - 1) s += rowSum[base + nCols + c]!;
      local[base + c] = s;
      const wc = 1 + (c > 0 ? 1 : 0) + (c < nCols - 1 ? 1 : 0);
      weight[base + c] = hr * wc;
    }
  }
  return { local, weight };
}

export interface GiStarOptions {
  /** Conditional permutations per cell; 0 or undefined = analytic (normal) p-values. */
  permutations?: number;
  seed?: number;
  /** FDR level for hot/cold (default 0.05). */
  alpha?: number;
}

export interface GiStarResult {
  z: Float64Array;
  /** Two-sided p: normal from z, or the permutation p defined in the header when permutations > 0. */
  p: Float64Array;
  /** Benjamini–Hochberg adjusted p over all cells. */
  q: Float64Array;
  hot: Uint8Array;
  cold: Uint8Array;
  permutations: number;
}

/** Gi* for every cell of a counted grid (empty cells included, as they are part of the study area). */
export function giStarGrid(grid: GridCounts, options: GiStarOptions = {}): GiStarResult {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const permutations = options.permutations ?? 0;
  if (!Number.isInteger(permutations) || permutations < 0)
    throw new RangeError('permutations must be a non-negative integer');
  const counts = grid.counts;
  const n = counts.length;
  const { local, weight } = queenWindowSums(grid);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += counts[i]!;
    sumSq += counts[i]! * counts[i]!;
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = weight[i]!;
    const denom = s * Math.sqrt((n * wi - wi * wi) / (n - 1));
    // Constant counts or a single-cell grid: the statistic is undefined; report "nothing to see".
    const zi = denom > 0 ? (local[i]! - mean * wi) / denom : 0;
    z[i] = zi;
    p[i] = twoSidedNormalP(zi);
  }
  if (permutations > 0 && s > 0) {
    conditionalPermutationP(counts, local, weight, permutations, options.seed ?? 0, p, 0, n);
  }
  return classifyGiStar(z, p, alpha, permutations);
}

/** BH over all cells, then hot (q <= alpha, z > 0) and cold (q <= alpha, z < 0). */
export function classifyGiStar(z: Float64Array, p: Float64Array, alpha: number, permutations: number): GiStarResult {
  const n = z.length;
  const q = benjaminiHochberg(p);
  const hot = new Uint8Array(n);
  const cold = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (q[i]! <= alpha) {
      if (z[i]! > 0) hot[i] = 1;
      else if (z[i]! < 0) cold[i] = 1;
    }
  }
  return { z, p, q, hot, cold, permutations };
}

/**
 * Conditional randomisation p-values for cells [from, to), written into `pOut` at the same indices.
 * Cell i uses generator stream i of the seed, so results do not depend on evaluation order or on
 * how cells are split across worker threads. Draws without replacement use rejection of
 * repeated indices: at most 8 draws out of n - 1 values, so collisions are rare and cheap.
 */
export function conditionalPermutationP(
  values: Float64Array,
  local: Float64Array,
  weight: Uint8Array,
  permutations: number,
  seed: number,
  pOut: Float64Array,
  from: number,
  to: number,
): void {
  const n = values.length;
  const chosen = new Int32Array(16);
  // Same rejection sampler as pure-rand's uniformInt(rng, 0, n - 2) (identical draws), with its
  // acceptance limit hoisted out of the loop: this is the hot path (cells x permutations x 8 draws).
  const range = n - 1;
  const maxAllowed = range > 2 ? Math.floor(4294967296 / range) * range : 4294967296;
  for (let i = from; i < to; i++) {
    const k = weight[i]! - 1;
    const obs = local[i]!;
    const self = values[i]!;
    const rng = streamRng(seed, i);
    let ge = 0;
    let le = 0;
    for (let it = 0; it < permutations; it++) {
      let simSum = self;
      for (let d = 0; d < k; d++) {
        let j: number;
        for (;;) {
          let v = rng.next() + 2147483648;
          while (v >= maxAllowed) v = rng.next() + 2147483648;
          // v % range without V8's slow double modulo; exact because v < 2^32 (see gistar.test.ts).
          j = v - Math.floor(v / range) * range;
          if (j >= i) j++;
          let dup = false;
          for (let e = 0; e < d; e++) {
            if (chosen[e] === j) {
              dup = true;
              break;
            }
          }
          if (!dup) break;
        }
        chosen[d] = j;
        simSum += values[j]!;
      }
      if (simSum >= obs) ge++;
      if (simSum <= obs) le++;
    }
    pOut[i] = Math.min(1, (2 * (1 + Math.min(ge, le))) / (1 + permutations));
  }
}

export interface HotspotCell {
  col: number;
  row: number;
  /** Lower-left corner, metres. */
  x: number;
  y: number;
  count: number;
  z: number;
  p: number;
  hot: boolean;
  cold: boolean;
}

export interface HotspotResult {
  cellSize: number;
  cells: HotspotCell[];
}

export interface HotspotOptions extends GiStarOptions {
  cellSize: number;
  /** Grid extent; default is the points' own extent. Server passes the municipality's bbox. */
  bbox?: BBox;
}

/**
 * Public contract shape (`samtrygg analyze hotspots`): grid, counts, Gi*, BH-FDR hot/cold.
 * Points outside an explicit bbox are ignored and reported in `outside`.
 */
export function giStarHotspots(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: HotspotOptions,
): HotspotResult & { outside: number; q: Float64Array } {
  const grid = hotspotGrid(x, y, options);
  return hotspotCells(grid, giStarGrid(grid, options));
}

/** The counted grid `giStarHotspots` works on (points' extent, or the given bbox). */
export function hotspotGrid(x: ArrayLike<number>, y: ArrayLike<number>, options: HotspotOptions): GridCounts {
  const spec = options.bbox ? gridFromBBox(options.bbox, options.cellSize) : gridFromPoints(x, y, options.cellSize);
  return countPoints(spec, x, y);
}

/** Contract-shaped cells from a grid and its Gi* result. */
export function hotspotCells(
  grid: GridCounts,
  res: GiStarResult,
): HotspotResult & { outside: number; q: Float64Array } {
  const spec = grid;
  const cells: HotspotCell[] = new Array(grid.counts.length);
  for (let i = 0; i < grid.counts.length; i++) {
    const col = spec.minCol + (i % spec.nCols);
    const row = spec.minRow + Math.floor(i / spec.nCols);
    cells[i] = {
      col,
      row,
      x: col * spec.cellSize,
      y: row * spec.cellSize,
      count: grid.counts[i]!,
      z: res.z[i]!,
      p: res.p[i]!,
      hot: res.hot[i] === 1,
      cold: res.cold[i] === 1,
    };
  }
  return { cellSize: spec.cellSize, cells, outside: grid.outside, q: res.q };
}
