/**
 * Conditional permutation p-values for Gi* (see gistar.ts's header for the method and sources):
 * one set of draws shared by every cell, as in PySAL esda's crand.
 */
import { streamRng } from './random.ts';
import type { GiStarCells } from './gistar.ts';

/**
 * The shared draws (see header): row it holds `k` distinct indices in [0, n - 2] from generator
 * stream it of the seed, so every worker thread can rebuild the same rows on its own.
 */
export function permutationDraws(n: number, k: number, permutations: number, seed: number): Int32Array {
  const draws = new Int32Array(permutations * k);
  const range = n - 1;
  // pure-rand's uniformInt(rng, 0, n - 2) rejection sampler (identical draws) with its acceptance
  // limit hoisted out of the loop.
  const maxAllowed = range > 2 ? Math.floor(4294967296 / range) * range : 4294967296;
  for (let it = 0; it < permutations; it++) {
    const rng = streamRng(seed, it);
    const row = it * k;
    for (let d = 0; d < k; d++) {
      let j: number;
      for (;;) {
        let v = rng.next() + 2147483648;
        while (v >= maxAllowed) v = rng.next() + 2147483648;
        // v % range without V8's slow double modulo; exact because v < 2^32 (see gistar.test.ts).
        j = v - Math.floor(v / range) * range;
        let dup = false;
        for (let e = row; e < row + d; e++) {
          if (draws[e] === j) {
            dup = true;
            break;
          }
        }
        if (!dup) break;
      }
      draws[row + d] = j;
    }
  }
  return draws;
}

/**
 * Conditional randomisation p-values for the compact cells [from, to), written into `pOut` at the
 * same indices. Results depend only on (values, seed), never on how cells are split over threads.
 * `onProgress(done)` is called every few thousand cells.
 */
export function conditionalPermutationP(
  cells: Pick<GiStarCells, 'values' | 'local' | 'weight'>,
  permutations: number,
  seed: number,
  pOut: Float64Array,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): void {
  const { values, local, weight } = cells;
  const n = values.length;
  if (n < 2) return;
  let k = 0;
  for (let c = 0; c < n; c++) if (weight[c]! - 1 > k) k = weight[c]! - 1;
  k = Math.min(k, n - 1);
  const draws = permutationDraws(n, k, permutations, seed);
  for (let c = from; c < to; c++) {
    const kc = weight[c]! - 1;
    const obs = local[c]!;
    const self = values[c]!;
    let ge = 0;
    let le = 0;
    for (let it = 0, row = 0; it < permutations; it++, row += k) {
      let sim = self;
      for (let d = 0; d < kc; d++) {
        const j = draws[row + d]!;
        // j >= c reads as j + 1, branch-free: (c - 1 - j) is negative exactly then.
        sim += values[j + ((c - 1 - j) >>> 31)]!;
      }
      if (sim >= obs) ge++;
      if (sim <= obs) le++;
    }
    pOut[c] = Math.min(1, (2 * (1 + Math.min(ge, le))) / (1 + permutations));
    if (onProgress && (c - from) % 4096 === 4095) onProgress(c - from + 1);
  }
}
