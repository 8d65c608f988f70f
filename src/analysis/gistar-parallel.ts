/**
 * Gi* hot spots with the conditional permutations spread over worker threads (Node only; gistar.ts
 * stays browser-safe). Cells are split into contiguous ranges; cell i always uses RNG stream i, so
 * p-values are identical for any worker count, and a worker that cannot start is replaced by the
 * same computation in-process.
 */
import { availableParallelism } from 'node:os';
import {
  classifyGiStar,
  conditionalPermutationP,
  giStarGrid,
  hotspotCells,
  hotspotGrid,
  queenWindowSums,
  type HotspotOptions,
  type HotspotResult,
} from './gistar.ts';
import { runWorker, splitRange } from './worker-thread.ts';

export interface GiStarParallelOptions extends HotspotOptions {
  workers?: number | 'auto';
  onProgress?: (message: string) => void;
}

/** Random draws below which worker start-up (~0.3 s under tsx) is not worth it. */
const AUTO_THRESHOLD = 5e7;

export async function giStarHotspotsParallel(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: GiStarParallelOptions,
): Promise<HotspotResult & { outside: number; q: Float64Array; workers: number }> {
  const grid = hotspotGrid(x, y, options);
  const permutations = options.permutations ?? 0;
  const n = grid.counts.length;
  let workers =
    typeof options.workers === 'number'
      ? Math.max(1, Math.floor(options.workers))
      : n * permutations * 8 < AUTO_THRESHOLD
        ? 1
        : Math.min(availableParallelism(), 8);
  const constant = grid.counts.every((v) => v === grid.counts[0]);
  if (permutations === 0 || constant || n < 2) workers = 1;
  if (workers === 1) return { ...hotspotCells(grid, giStarGrid(grid, options)), workers: 1 };

  options.onProgress?.(`hotspots: ${n} cells x ${permutations} permutations on ${workers} threads`);
  const alpha = options.alpha ?? 0.05;
  const seed = options.seed ?? 0;
  const analytic = giStarGrid(grid, { ...options, permutations: 0 });
  const { local, weight } = queenWindowSums(grid);
  const p = new Float64Array(n);
  let used = workers;
  await Promise.all(
    splitRange(n, workers).map(async ([from, to]) => {
      try {
        const part = await runWorker<Float64Array>(new URL('./gistar-worker.ts', import.meta.url), {
          counts: grid.counts,
          local,
          weight,
          permutations,
          seed,
          from,
          to,
        });
        p.set(part, from);
      } catch (err) {
        used--;
        options.onProgress?.(
          `hotspots: worker unavailable (${err instanceof Error ? err.message : String(err)}); cells ${from}-${to} in-process`,
        );
        conditionalPermutationP(grid.counts, local, weight, permutations, seed, p, from, to);
      }
    }),
  );
  return { ...hotspotCells(grid, classifyGiStar(analytic.z, p, alpha, permutations)), workers: Math.max(1, used) };
}
