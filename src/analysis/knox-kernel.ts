/**
 * Inner loop of the Knox Monte Carlo test: permute the event dates over the fixed locations and
 * tabulate the close pairs. Kept free of everything but the RNG so it runs unchanged on the main
 * thread and inside worker threads (knox-worker.ts); see knox.ts for the method and its sources.
 *
 * Determinism: iteration k shuffles with generator stream k of the seed (random.ts), and results are
 * integer counts summed per cell, so any split of [0, N) into ranges gives bit-identical totals.
 */
import { shuffleInPlace, streamRng } from './random.ts';

export interface KnoxKernelInput {
  /**
   * Close pairs (spatial band <= K) in compressed rows: the partners of event i are
   * b[offsets[i] .. offsets[i + 1]), all > i. Events are numbered in kd-tree order (see knox.ts),
   * so partners have nearby numbers and the date lookups stay in cache.
   */
  offsets: Int32Array;
  b: Int32Array;
  /** rowOffset[p] = spatialRow * nTime for pair p. */
  rowOffset: Uint16Array;
  /** Event day numbers in the same numbering, shifted so the minimum is 0. */
  t: Int32Array;
  /** Temporal band for each lag 0..maxLag. */
  lagBand: Uint8Array;
  /** Largest lag inside a closed temporal band (LD, or LD - 1 in NRC mode). */
  maxNearLag: number;
  /** Close pairs per spatial row: fixed under permutation, so the far-in-time column is derived. */
  rowTotals: Float64Array;
  nClose: number;
  nTime: number;
  /** Pairs per temporal band over all n(n-1)/2 pairs; invariant under permuting dates. */
  timeTotals: Float64Array;
  /** Observed full table ((nClose + 1) x nTime, last row = far pairs). */
  observed: Float64Array;
  seed: number;
}

export interface KnoxKernelOutput {
  /** Sum over iterations of each permuted cell count. */
  sum: Float64Array;
  /** Number of iterations with permuted count >= observed, per cell. */
  ge: Int32Array;
}

/** Run iterations [from, to); `onProgress(done)` after every few iterations. */
export function runKnoxIterations(
  input: KnoxKernelInput,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): KnoxKernelOutput {
  const { offsets, b, rowOffset, lagBand, maxNearLag, rowTotals, nClose, nTime, timeTotals, observed, seed } = input;
  const farCol = nTime - 1;
  const nCells = (nClose + 1) * nTime;
  const closeCells = nClose * nTime;
  const sum = new Float64Array(nCells);
  const ge = new Int32Array(nCells);
  const table = new Int32Array(closeCells);
  const perm = new Int32Array(input.t);
  const n = perm.length;
  for (let k = from; k < to; k++) {
    // Start each iteration from the original order so iteration k's permutation depends on k only.
    perm.set(input.t);
    shuffleInPlace(perm, streamRng(seed, k));
    table.fill(0);
    // Hot loop, measured on Chicago 2014-17 (2.65 M close pairs): the branch-free |dt| and counting
    // only the ~5 % of pairs that fall in a closed temporal band halve the time per permutation
    // compared with incrementing a table cell for every pair (the far column is derived below).
    for (let i = 0; i < n; i++) {
      const ti = perm[i]!;
      const end = offsets[i + 1]!;
      for (let p = offsets[i]!; p < end; p++) {
        const dt = ti - perm[b[p]!]!;
        const sign = dt >> 31;
        const lag = (dt ^ sign) - sign;
        if (lag <= maxNearLag) table[rowOffset[p]! + lagBand[lag]!]!++;
      }
    }
    for (let r = 0; r < nClose; r++) {
      let near = 0;
      for (let j = 0; j < farCol; j++) near += table[r * nTime + j]!;
      table[r * nTime + farCol] = rowTotals[r]! - near;
    }
    for (let j = 0; j < nTime; j++) {
      let closeInBand = 0;
      for (let r = 0; r < nClose; r++) {
        const c = table[r * nTime + j]!;
        closeInBand += c;
        sum[r * nTime + j]! += c;
        if (c >= observed[r * nTime + j]!) ge[r * nTime + j]!++;
      }
      // Far pairs are everything else in this temporal band: derived, never enumerated.
      const far = timeTotals[j]! - closeInBand;
      const idx = closeCells + j;
      sum[idx]! += far;
      if (far >= observed[idx]!) ge[idx]!++;
    }
    if (onProgress && (k - from) % 8 === 7) onProgress(k - from + 1);
  }
  return { sum, ge };
}
