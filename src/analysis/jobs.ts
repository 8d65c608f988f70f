/**
 * The jobs an analysis worker thread can run (see analysis-worker.ts and worker-pool.ts): plain
 * data in, plain data out (structured-clone friendly: numbers, arrays, typed arrays). Each job
 * loads its module when first asked, so a worker starts quickly and a CLI run loads only what it
 * uses. Jobs report progress as a share in [0, 1].
 */
import type { KnoxKernelInput, KnoxKernelOutput } from './knox-kernel.ts';
import type { GiStarCells } from './gistar.ts';
import type { AppJobs } from './app-jobs.ts';

export interface PermutationJob {
  cells: Pick<GiStarCells, 'values' | 'local' | 'weight'>;
  permutations: number;
  seed: number;
  from: number;
  to: number;
}

type Progress = (share: number) => void;

interface Jobs extends AppJobs {
  'knox-iterations': (
    input: { kernel: KnoxKernelInput; from: number; to: number },
    progress: Progress,
  ) => Promise<KnoxKernelOutput>;
  'gistar-permutations': (input: PermutationJob, progress: Progress) => Promise<Float64Array>;
}

export type JobName = keyof Jobs;
export type JobInput<N extends JobName> = Parameters<Jobs[N]>[0];
export type JobResult<N extends JobName> = Awaited<ReturnType<Jobs[N]>>;

export const JOBS: Jobs = {
  async 'knox-iterations'({ kernel, from, to }, progress) {
    const { runKnoxIterations } = await import('./knox-kernel.ts');
    return runKnoxIterations(kernel, from, to, (done) => progress(done / (to - from)));
  },
  async 'gistar-permutations'({ cells, permutations, seed, from, to }, progress) {
    const { conditionalPermutationP } = await import('./gistar.ts');
    const p = new Float64Array(cells.values.length);
    conditionalPermutationP(cells, permutations, seed, p, from, to, (done) => progress(done / (to - from)));
    return p.slice(from, to);
  },
  ...appJobs(),
};

/** The app's whole analyses (app-jobs.ts), each loading that module on first use. */
function appJobs(): AppJobs {
  const names = ['hotspots', 'evaluation', 'density', 'near-repeat', 'emerging', 'concentration'] as const;
  const load = () => import('./app-jobs.ts');
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (input: never, progress: Progress) =>
        ((await load()).APP_JOBS[name] as (i: never, p: Progress) => unknown)(input, progress),
    ]),
  ) as unknown as AppJobs;
}

/** Typed arrays in a result, to transfer rather than copy them back. */
export function transferables(value: unknown, out: ArrayBuffer[] = [], depth = 0): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== 'object') return out;
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer as ArrayBuffer;
    if (buffer instanceof ArrayBuffer && !out.includes(buffer) && value.byteLength === buffer.byteLength)
      out.push(buffer);
    return out;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) transferables(v, out, depth + 1);
  return out;
}
