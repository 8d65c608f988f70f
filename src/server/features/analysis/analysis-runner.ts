/**
 * Analysis runs under a cap (issue 11: eight concurrent maximum-size runs by one reader saturated
 * the machine for minutes). Three limits:
 * - admission: at most `perUser` analyses under way per user and `total` on the server, counted
 *   from the request to its answer; more answer 429 ANALYSIS_BUSY saying which limit was hit;
 * - compute: the engine jobs run on `workers` worker threads (default one core fewer than the
 *   machine has, at least one, at most four), so the event loop always keeps a core for HTTP and
 *   the database; waiting jobs queue, and the runner reports their position;
 * - fairness: when a worker frees, the next job comes from the user with the fewest jobs running,
 *   then the one served least recently, then in order of arrival, so one user's page of six
 *   analyses never makes another user wait for all six.
 * Cancelling (an AbortSignal: a closed connection, DELETE on a run) drops a waiting job or stops
 * the worker running it at once. If no worker can start (e.g. a build without the worker file),
 * jobs run on this thread, with the same results.
 */
import { availableParallelism } from 'node:os';
import { AppError, UnprocessableError } from '../../platform/errors.ts';
import { JobCancelledError, WorkerPool } from '../../../analysis/worker-pool.ts';
import { WorkerUnavailableError } from '../../../analysis/worker-thread.ts';
import type { JobInput, JobResult } from '../../../analysis/jobs.ts';
import { computeInProcess, type AppJobName, type Compute, type RunControl } from './analysis-compute.ts';

export interface RunnerLimits {
  workers: number;
  /** Analyses under way per user (a page starts six at once). */
  perUser: number;
  /** Analyses under way on the server. */
  total: number;
}

export const DEFAULT_LIMITS: RunnerLimits = {
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  perUser: 8,
  total: 40,
};

/** The runner the app's configuration asks for (ANALYSIS_WORKERS, ANALYSIS_RUNS_PER_USER). */
export function analysisRunnerFromConfig(
  config: { ANALYSIS_WORKERS: number; ANALYSIS_RUNS_PER_USER: number },
  log?: (message: string) => void,
): AnalysisRunner {
  return createAnalysisRunner(
    {
      ...DEFAULT_LIMITS,
      ...(config.ANALYSIS_WORKERS > 0 ? { workers: config.ANALYSIS_WORKERS } : {}),
      perUser: config.ANALYSIS_RUNS_PER_USER,
      total: Math.max(DEFAULT_LIMITS.total, config.ANALYSIS_RUNS_PER_USER),
    },
    log,
  );
}

export class AnalysisCancelledError extends AppError {
  constructor() {
    super('ANALYSIS_CANCELLED', 409, 'The analysis was cancelled');
  }
}

interface Waiting {
  owner: string;
  start: () => void;
  control?: RunControl | undefined;
  seq: number;
  drop: (error: unknown) => void;
}

export interface AnalysisRunner {
  /** Counts an analysis as under way until `release()`. Throws ANALYSIS_BUSY (429). */
  admit(owner: string): () => void;
  compute: Compute;
  /** Analyses under way and jobs running, for tests and metrics. */
  load(): { active: number; running: number; waiting: number };
  close(): Promise<void>;
}

export function createAnalysisRunner(
  limits: RunnerLimits = DEFAULT_LIMITS,
  log: (message: string) => void = () => {},
): AnalysisRunner {
  const pool = new WorkerPool(limits.workers, 300_000);
  const active = new Map<string, number>();
  let activeTotal = 0;
  const runningBy = new Map<string, number>();
  let running = 0;
  const lastServed = new Map<string, number>();
  const waiting: Waiting[] = [];
  let seq = 0;
  let inProcess = false;

  const announce = () => waiting.forEach((w, i) => w.control?.onState?.({ state: 'queued', position: i + 1 }));

  function next(): void {
    while (running < limits.workers && waiting.length > 0) {
      let best = 0;
      const rank = (w: Waiting) => [runningBy.get(w.owner) ?? 0, lastServed.get(w.owner) ?? -1, w.seq];
      for (let i = 1; i < waiting.length; i++) {
        const a = rank(waiting[i]!);
        const b = rank(waiting[best]!);
        if (a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! < b[2]!)))) best = i;
      }
      const [job] = waiting.splice(best, 1);
      job!.start();
    }
    announce();
  }

  const compute: Compute = <N extends AppJobName>(
    owner: string,
    job: N,
    input: JobInput<N>,
    control?: RunControl,
  ): Promise<JobResult<N>> =>
    new Promise<JobResult<N>>((resolve, reject) => {
      const signal = control?.signal;
      if (signal?.aborted) return reject(new AnalysisCancelledError());
      const entry: Waiting = {
        owner,
        control,
        seq: seq++,
        drop: reject,
        start: () => {
          running++;
          runningBy.set(owner, (runningBy.get(owner) ?? 0) + 1);
          lastServed.set(owner, seq++);
          signal?.removeEventListener('abort', onAbort);
          control?.onState?.({ state: 'running' });
          const done = () => {
            running--;
            runningBy.set(owner, runningBy.get(owner)! - 1);
            next();
          };
          run(job, input, control).then(
            (value) => (done(), resolve(value)),
            (error) => (done(), reject(error)),
          );
        },
      };
      const onAbort = () => {
        const i = waiting.indexOf(entry);
        if (i >= 0) waiting.splice(i, 1);
        reject(new AnalysisCancelledError());
        announce();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(entry);
      next();
    });

  async function run<N extends AppJobName>(job: N, input: JobInput<N>, control?: RunControl): Promise<JobResult<N>> {
    if (!inProcess) {
      try {
        return await pool.run(job, input, {
          ...(control?.onProgress ? { onProgress: control.onProgress } : {}),
          ...(control?.signal ? { signal: control.signal } : {}),
        });
      } catch (error) {
        if (error instanceof JobCancelledError) throw new AnalysisCancelledError();
        if (error instanceof RangeError) throw new UnprocessableError('ANALYSIS_INVALID', error.message);
        if (!(error instanceof WorkerUnavailableError)) throw error;
        log(`analysis worker unavailable (${error.message}); running analyses on the main thread`);
        inProcess = true;
      }
    }
    try {
      return await computeInProcess('', job, input, control);
    } catch (error) {
      if (error instanceof RangeError) throw new UnprocessableError('ANALYSIS_INVALID', error.message);
      throw error;
    }
  }

  return {
    admit(owner) {
      const mine = active.get(owner) ?? 0;
      if (mine >= limits.perUser || activeTotal >= limits.total) {
        const scope = mine >= limits.perUser ? 'user' : 'server';
        throw new AppError(
          'ANALYSIS_BUSY',
          429,
          scope === 'user'
            ? `You already have ${mine} analyses under way; wait for one to finish or cancel one`
            : 'The server is running as many analyses as it takes; try again in a moment',
          { scope, limit: scope === 'user' ? limits.perUser : limits.total },
        );
      }
      active.set(owner, mine + 1);
      activeTotal++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        active.set(owner, active.get(owner)! - 1);
        activeTotal--;
      };
    },
    compute,
    load: () => ({ active: activeTotal, running, waiting: waiting.length }),
    async close() {
      for (const w of waiting.splice(0)) w.drop(new AnalysisCancelledError());
      await pool.close();
    },
  };
}
