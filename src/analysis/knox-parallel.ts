/**
 * Knox test with the permutations spread over node:worker_threads (Node only; knox.ts stays
 * browser-safe). Iterations are split into contiguous ranges; because iteration k always uses RNG
 * stream k and the partial results are integer sums, the output is identical for any worker count,
 * including the single-thread path used as a fallback when a worker cannot start.
 *
 * Running from TypeScript sources needs a loader inside the worker (see worker-thread.ts). If a worker
 * still cannot start, its error event triggers the in-process fallback for its range, so results
 * never depend on the environment, only the speed does.
 */
import { availableParallelism } from 'node:os';
import { runWorker, splitRange } from './worker-thread.ts';
import { runKnoxIterations, type KnoxKernelOutput } from './knox-kernel.ts';
import { finishKnox, prepareKnox, type KnoxOptions, type KnoxPrepared, type KnoxResult } from './knox.ts';

export interface KnoxParallelOptions extends KnoxOptions {
  /** Worker count; 'auto' uses workers only when the work is large enough to pay for start-up. */
  workers?: number | 'auto';
  /** Called with a short progress note (e.g. for stderr). */
  onProgress?: (message: string) => void;
}

/** Pair-permutations below which spawning workers (~100-300 ms each under tsx) is not worth it. */
const AUTO_THRESHOLD = 2e8;

export function chooseWorkers(prep: KnoxPrepared, requested: number | 'auto' | undefined): number {
  const iterations = prep.options.iterations;
  if (typeof requested === 'number') return Math.max(1, Math.min(Math.floor(requested), iterations));
  const work = (prep.kernel.b.length + prep.events) * iterations;
  if (work < AUTO_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8, iterations));
}

function runInWorker(prep: KnoxPrepared, from: number, to: number): Promise<KnoxKernelOutput> {
  return runWorker<KnoxKernelOutput>(new URL('./knox-worker.ts', import.meta.url), { input: prep.kernel, from, to });
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
    const { sum, ge } = runKnoxIterations(prep.kernel, 0, N);
    return { ...finishKnox(prep, sum, ge), workers: 1 };
  }
  const ranges = splitRange(N, workers);
  let usedWorkers = workers;
  const parts = await Promise.all(
    ranges.map(([from, to]) =>
      runInWorker(prep, from, to).catch((err: unknown) => {
        // Fallback keeps results identical: the same ranges computed in-process.
        usedWorkers--;
        options.onProgress?.(
          `knox: worker unavailable (${err instanceof Error ? err.message : String(err)}); computing range ${from}-${to} in-process`,
        );
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
}
