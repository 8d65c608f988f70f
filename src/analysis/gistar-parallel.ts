/**
 * Gi* hot spots with the conditional permutations spread over worker threads (Node only; gistar.ts
 * stays browser-safe). Cells are split into contiguous ranges; the permutation draws are a function
 * of the seed alone (gistar.ts), so p-values are identical for any worker count, and a worker that
 * cannot start is replaced by the same computation in-process.
 */
import { availableParallelism } from 'node:os';
import {
  classifyGiStar,
  conditionalPermutationP,
  giStarAnalytic,
  giStarCells,
  hotspotCells,
  hotspotGrid,
  type GiStarResult,
  type HotspotExtras,
  type HotspotOptions,
  type HotspotResult,
} from './gistar.ts';
import type { StudyGrid } from './study-area.ts';
import { splitRange, WorkerUnavailableError } from './worker-thread.ts';
import { WorkerPool } from './worker-pool.ts';

export interface GiStarParallelOptions extends HotspotOptions {
  workers?: number | 'auto';
  onProgress?: (message: string) => void;
}

/** Cell-permutation draws below which worker start-up is not worth it (see knox-parallel.ts). */
const AUTO_THRESHOLD = import.meta.url.endsWith('.ts') ? 4e8 : 4e7;

/** Contract-shaped hot spots (see giStarHotspots), permutations on worker threads when worthwhile. */
export async function giStarHotspotsParallel(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: GiStarParallelOptions,
): Promise<HotspotResult & HotspotExtras & { workers: number }> {
  const { area, result, workers } = await giStarGridParallel(x, y, options);
  return { ...hotspotCells(area, result), workers };
}

/** The grid and its Gi* arrays, without a per-cell object (the CLI streams its output from these). */
export async function giStarGridParallel(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: GiStarParallelOptions,
): Promise<{ area: StudyGrid; result: GiStarResult; workers: number }> {
  const area = hotspotGrid(x, y, options);
  const permutations = options.permutations ?? 0;
  const alpha = options.alpha ?? 0.05;
  const seed = options.seed ?? 0;
  const cells = giStarCells(area.grid, area.mask);
  const n = cells.values.length;
  const { z, p, sd } = giStarAnalytic(cells);
  let workers =
    typeof options.workers === 'number'
      ? Math.max(1, Math.floor(options.workers))
      : n * permutations * 8 < AUTO_THRESHOLD
        ? 1
        : Math.min(availableParallelism(), 8);
  if (permutations === 0 || sd === 0 || n < 2) workers = 1;
  const finish = (used: number) => ({
    area,
    result: classifyGiStar(
      area.grid.counts.length,
      cells,
      z,
      p,
      alpha,
      permutations,
      options.minCount ?? 0,
      cells.full.local,
    ),
    workers: used,
  });
  if (workers === 1) {
    if (permutations > 0 && sd > 0) conditionalPermutationP(cells, permutations, seed, p, 0, n);
    return finish(1);
  }
  options.onProgress?.(`hotspots: ${n} cells x ${permutations} permutations on ${workers} threads`);
  const input = { values: cells.values, local: cells.local, weight: cells.weight };
  const pool = new WorkerPool(workers);
  let used = workers;
  try {
    await Promise.all(
      splitRange(n, workers).map(async ([from, to]) => {
        try {
          p.set(await pool.run('gistar-permutations', { cells: input, permutations, seed, from, to }), from);
        } catch (err) {
          if (!(err instanceof WorkerUnavailableError)) throw err;
          used--;
          options.onProgress?.(`hotspots: ${err.message}; cells ${from}-${to} in-process`);
          conditionalPermutationP(cells, permutations, seed, p, from, to);
        }
      }),
    );
  } finally {
    await pool.close();
  }
  return finish(Math.max(1, used));
}
