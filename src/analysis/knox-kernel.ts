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
  /** Close pairs (spatial band <= K): event indices a[p] < b[p] and their table row offset. */
  a: Int32Array;
  b: Int32Array;
  /** rowOffset[p] = spatialRow * nTime for pair p. */
  rowOffset: Int32Array;
  /** Event day numbers, shifted so the minimum is 0. */
  t: Int32Array;
  /** Temporal band for each lag 0..maxLag. */
  lagBand: Uint8Array;
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

/** Run iterations [from, to). */
export function runKnoxIterations(input: KnoxKernelInput, from: number, to: number): KnoxKernelOutput {
  const { a, b, rowOffset, lagBand, nClose, nTime, timeTotals, observed, seed } = input;
  const nCells = (nClose + 1) * nTime;
  const closeCells = nClose * nTime;
  const sum = new Float64Array(nCells);
  const ge = new Int32Array(nCells);
  const table = new Int32Array(closeCells);
  const perm = new Int32Array(input.t);
  const nPairs = a.length;
  for (let k = from; k < to; k++) {
    // Start each iteration from the original order so iteration k's permutation depends on k only.
    perm.set(input.t);
    shuffleInPlace(perm, streamRng(seed, k));
    table.fill(0);
    for (let p = 0; p < nPairs; p++) {
      let dt = perm[a[p]!]! - perm[b[p]!]!;
      if (dt < 0) dt = -dt;
      table[rowOffset[p]! + lagBand[dt]!]!++;
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
  }
  return { sum, ge };
}
