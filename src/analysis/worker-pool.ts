/**
 * A small pool of analysis worker threads (Node only), for the CLI's parallel permutations and the
 * server's analysis runs. Each job runs on one worker; jobs beyond the pool's size wait in FIFO
 * order. Cancelling (an AbortSignal) drops a waiting job, or terminates the worker running it —
 * the only way to stop a tight numeric loop at once — and a fresh worker takes its place.
 * Idle workers are unreferenced, so they never keep a process alive, and end after `idleMs`.
 */
import type { Worker } from 'node:worker_threads';
import type { JobName, JobInput, JobResult } from './jobs.ts';
import { startAnalysisWorker, WorkerUnavailableError } from './worker-thread.ts';

export class JobCancelledError extends Error {
  constructor() {
    super('the analysis was cancelled');
    this.name = 'JobCancelledError';
  }
}

export interface RunOptions {
  /** Work done so far, as a share in [0, 1]. */
  onProgress?: (share: number) => void;
  /** Called when the job leaves the queue and starts on a worker. */
  onStart?: () => void;
  signal?: AbortSignal;
}

interface Job {
  id: number;
  name: JobName;
  input: unknown;
  options: RunOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

type WorkerMessage =
  | { type: 'progress'; id: number; share: number }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; name: string; message: string };

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly idleMs = 30_000,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, job: null, idleTimer: null }));
  }

  /** Jobs running now. */
  get running(): number {
    return this.slots.filter((s) => s.job).length;
  }

  /** Runs `name` on a worker; rejects with JobCancelledError, WorkerUnavailableError or the job's own error. */
  run<N extends JobName>(name: N, input: JobInput<N>, options: RunOptions = {}): Promise<JobResult<N>> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (options.signal?.aborted) return Promise.reject(new JobCancelledError());
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, name, input, options, resolve: resolve as Job['resolve'], reject };
      options.signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Terminates every worker; waiting and running jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new JobCancelledError());
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        slot.job?.reject(new JobCancelledError());
        slot.job = null;
        const worker = slot.worker;
        slot.worker = null;
        await worker?.terminate();
      }),
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      try {
        this.start(slot, job);
      } catch (e) {
        job.reject(e instanceof WorkerUnavailableError ? e : new WorkerUnavailableError(String(e)));
      }
    }
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    if (!slot.worker) slot.worker = this.spawn(slot);
    slot.job = job;
    slot.worker.ref();
    job.options.onStart?.();
    slot.worker.postMessage({ type: 'run', id: job.id, name: job.name, input: job.input });
  }

  private spawn(slot: Slot): Worker {
    const worker = startAnalysisWorker();
    worker.on('message', (msg: WorkerMessage) => {
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      if (msg.type === 'progress') {
        job.options.onProgress?.(msg.share);
        return;
      }
      this.release(slot);
      if (msg.type === 'result') job.resolve(msg.result);
      else
        job.reject(
          Object.assign(new (msg.name === 'RangeError' ? RangeError : Error)(msg.message), { name: msg.name }),
        );
    });
    worker.on('error', (err) => this.fail(slot, worker, err));
    worker.on('exit', (code) =>
      this.fail(slot, worker, new WorkerUnavailableError(`analysis worker exited (${code})`)),
    );
    return worker;
  }

  /** The worker died (failed to load, crashed): its job fails, the slot starts afresh. */
  private fail(slot: Slot, worker: Worker, err: unknown): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    const job = slot.job;
    slot.job = null;
    job?.reject(err instanceof WorkerUnavailableError ? err : new WorkerUnavailableError(String(err)));
    if (!this.closed) this.dispatch();
  }

  private release(slot: Slot): void {
    slot.job = null;
    const worker = slot.worker;
    if (worker) {
      worker.unref();
      slot.idleTimer = setTimeout(() => {
        if (slot.worker === worker && !slot.job) {
          slot.worker = null;
          void worker.terminate();
        }
      }, this.idleMs);
      slot.idleTimer.unref();
    }
    this.dispatch();
  }

  private cancel(job: Job): void {
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      job.reject(new JobCancelledError());
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (!slot) return; // already finished
    const worker = slot.worker;
    slot.worker = null;
    slot.job = null;
    job.reject(new JobCancelledError());
    void worker?.terminate();
    this.dispatch();
  }
}
