/**
 * Knox test with the permutations spread over worker threads (Node only; knox.ts stays
 * browser-safe). Iterations are split into contiguous ranges; because iteration k always uses RNG
 * stream k and the partial results are integer sums, the output is identical for any worker count,
 * including the single-thread path used when a worker cannot start.
 */
import { availableParallelism } from 'node:os';
import { splitRange, WorkerUnavailableError } from './worker-thread.ts';
import { WorkerPool } from './worker-pool.ts';
import { runKnoxIterations } from './knox-kernel.ts';
import { finishKnox, prepareKnox, type KnoxOptions, type KnoxPrepared, type KnoxResult } from './knox.ts';

export interface KnoxParallelOptions extends KnoxOptions {
  /** Worker count; 'auto' uses workers only when the work is large enough to pay for start-up. */
  workers?: number | 'auto';
  /** Called with a short note (e.g. for stderr). */
  onProgress?: (message: string) => void;
  /** Share of the permutations done, in [0, 1]. */
  onShare?: (share: number) => void;
}

/**
 * Pair-permutations below which threads are not worth it: a compiled worker starts in ~40 ms, one
 * under tsx in ~300 ms, against roughly 2e8 pair lookups per second on one core.
 */
const AUTO_THRESHOLD = import.meta.url.endsWith('.ts') ? 2e8 : 2e7;

export function chooseWorkers(prep: KnoxPrepared, requested: number | 'auto' | undefined): number {
  const iterations = prep.options.iterations;
  if (typeof requested === 'number') return Math.max(1, Math.min(Math.floor(requested), iterations));
  const work = (prep.kernel.b.length + prep.events) * iterations;
  if (work < AUTO_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8, iterations));
}

export { splitRange };

/** Knox test; permutations on worker threads when worthwhile. Same seed, same output, any worker count. */
export async function knoxTestParallel(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  days: ArrayLike<number>,
  options: KnoxParallelOptions,
): Promise<KnoxResult & { workers: number }> {
  const prep = prepareKnox(x, y, days, options);
  const N = prep.options.iterations;
  const workers = chooseWorkers(prep, options.workers);
  options.onProgress?.(
    `knox: ${prep.events} events, ${prep.kernel.b.length} close pairs, ${N} permutations on ${workers} thread(s)`,
  );
  if (workers === 1) {
    const { sum, ge } = runKnoxIterations(prep.kernel, 0, N, (done) => options.onShare?.(done / N));
    return { ...finishKnox(prep, sum, ge), workers: 1 };
  }
  const ranges = splitRange(N, workers);
  const shares = ranges.map(() => 0);
  const pool = new WorkerPool(ranges.length);
  let usedWorkers = ranges.length;
  try {
    const parts = await Promise.all(
      ranges.map(([from, to], r) =>
        pool
          .run(
            'knox-iterations',
            { kernel: prep.kernel, from, to },
            {
              onProgress: (share) => {
                shares[r] = (share * (to - from)) / N;
                options.onShare?.(shares.reduce((a, b) => a + b, 0));
              },
            },
          )
          .catch((err: unknown) => {
            if (!(err instanceof WorkerUnavailableError)) throw err;
            // Same ranges in-process: identical results, only slower.
            usedWorkers--;
            options.onProgress?.(`knox: ${err.message}; computing iterations ${from}-${to} in-process`);
            return runKnoxIterations(prep.kernel, from, to);
          }),
      ),
    );
    const cells = prep.kernel.observed.length;
    const sum = new Float64Array(cells);
    const ge = new Int32Array(cells);
    for (const part of parts) {
      for (let i = 0; i < cells; i++) {
        sum[i]! += part.sum[i]!;
        ge[i]! += part.ge[i]!;
      }
    }
    return { ...finishKnox(prep, sum, ge), workers: Math.max(1, usedWorkers) };
  } finally {
    await pool.close();
  }
}
