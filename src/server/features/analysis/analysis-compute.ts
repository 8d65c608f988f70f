/**
 * How the analysis service runs an engine job (src/analysis/app-jobs.ts). The service only asks
 * `compute(owner, job, input, control)`; whether that runs on this thread or queued on the worker
 * pool (analysis-runner.ts) is the wiring's choice.
 */
import { APP_JOBS, type AppJobs } from '../../../analysis/app-jobs.ts';
import type { JobInput, JobResult } from '../../../analysis/jobs.ts';

export type AppJobName = keyof AppJobs;

export type RunState = { state: 'queued'; position: number } | { state: 'running' };

export interface RunControl {
  /** Aborting cancels the job, waiting or running. */
  signal?: AbortSignal;
  /** Share of the work done, in [0, 1]. */
  onProgress?: (share: number) => void;
  onState?: (state: RunState) => void;
}

/** Runs `job` for `owner` (a user id, for the per-user limits). */
export type Compute = <N extends AppJobName>(
  owner: string,
  job: N,
  input: JobInput<N>,
  control?: RunControl,
) => Promise<JobResult<N>>;

/** On the calling thread: for small inputs and as the fallback when no worker can start. */
export const computeInProcess: Compute = async (_owner, job, input, control) => {
  control?.onState?.({ state: 'running' });
  const run = APP_JOBS[job] as (input: unknown, progress: (share: number) => void) => unknown;
  return run(input, control?.onProgress ?? (() => {})) as JobResult<typeof job>;
};
