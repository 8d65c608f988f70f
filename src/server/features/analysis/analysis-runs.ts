/**
 * Analysis runs the page can follow and cancel (POST/GET/DELETE /api/analysis/runs): each run is an
 * analysis started in the background, with its queue position, progress and, once done, its result.
 * Runs live in this process's memory (they are minutes old at most): a finished run is kept for
 * `keepMs` so the page can fetch it, and a run nobody has asked about for `abandonMs` (the tab was
 * closed) is cancelled, so it stops taking a worker. Only the user who started a run sees it;
 * anyone else gets 404.
 */
import { randomUUID } from 'node:crypto';
import { AppError, NotFoundError } from '../../platform/errors.ts';
import type { AnalysisKind, AnalysisRunView } from '../../../contracts/analysis.ts';
import type { RunControl } from './analysis-compute.ts';

interface Run {
  view: AnalysisRunView;
  owner: string;
  controller: AbortController;
  seen: number;
  expiry: NodeJS.Timeout | null;
}

export interface RunRegistryOptions {
  clock: () => Date;
  keepMs?: number;
  abandonMs?: number;
}

export function createRunRegistry({ clock, keepMs = 5 * 60_000, abandonMs = 30_000 }: RunRegistryOptions) {
  const runs = new Map<string, Run>();
  let sweeper: NodeJS.Timeout | null = null;

  const settle = (run: Run, patch: Partial<AnalysisRunView>) => {
    Object.assign(run.view, patch, { position: null });
    run.expiry = setTimeout(() => runs.delete(run.view.id), keepMs);
    run.expiry.unref();
    if ([...runs.values()].every((r) => r.view.status !== 'queued' && r.view.status !== 'running') && sweeper) {
      clearInterval(sweeper);
      sweeper = null;
    }
  };

  function sweep(): void {
    const now = performance.now();
    for (const run of runs.values()) {
      const live = run.view.status === 'queued' || run.view.status === 'running';
      if (live && now - run.seen > abandonMs) run.controller.abort();
    }
  }

  function owned(owner: string, id: string): Run {
    const run = runs.get(id);
    if (!run || run.owner !== owner) throw new NotFoundError('Analysis run');
    run.seen = performance.now();
    return run;
  }

  return {
    /** Starts `task` in the background and returns the queued run. */
    start(owner: string, kind: AnalysisKind, task: (control: RunControl) => Promise<unknown>, release: () => void) {
      const controller = new AbortController();
      const view: AnalysisRunView = {
        id: randomUUID(),
        kind,
        status: 'queued',
        position: null,
        progress: 0,
        createdAt: clock().toISOString(),
        result: null,
        error: null,
      };
      const run: Run = { view, owner, controller, seen: performance.now(), expiry: null };
      runs.set(view.id, run);
      if (!sweeper) {
        sweeper = setInterval(sweep, Math.max(1000, abandonMs / 3));
        sweeper.unref();
      }
      task({
        signal: controller.signal,
        onProgress: (share) => (view.progress = share),
        onState: (state) =>
          Object.assign(
            view,
            state.state === 'queued'
              ? { status: 'queued', position: state.position }
              : { status: 'running', position: null },
          ),
      })
        .then(
          (result) => settle(run, { status: 'done', progress: 1, result: result as never }),
          (error: unknown) => {
            if (controller.signal.aborted) return settle(run, { status: 'cancelled' });
            const e =
              error instanceof AppError
                ? {
                    code: error.code,
                    message: error.message,
                    ...(error.details !== undefined ? { details: error.details } : {}),
                  }
                : { code: 'INTERNAL', message: 'The analysis failed' };
            settle(run, { status: 'failed', error: e });
          },
        )
        .finally(release);
      return { ...view };
    },

    /** The owner's run; NOT_FOUND for anyone else or once it has expired. */
    get(owner: string, id: string): AnalysisRunView {
      return { ...owned(owner, id).view };
    },

    /** Cancels a waiting or running run (a finished one stays as it is). NOT_FOUND as `get`. */
    cancel(owner: string, id: string): AnalysisRunView {
      const run = owned(owner, id);
      if (run.view.status === 'queued' || run.view.status === 'running') {
        run.controller.abort();
        run.view.status = 'cancelled';
        run.view.position = null;
      }
      return { ...run.view, result: null };
    },

    close(): void {
      for (const run of runs.values()) {
        run.controller.abort();
        if (run.expiry) clearTimeout(run.expiry);
      }
      runs.clear();
      if (sweeper) clearInterval(sweeper);
    },
  };
}

export type RunRegistry = ReturnType<typeof createRunRegistry>;
