import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnalysisKind, AnalysisResults, AnalysisRunView } from '../../../contracts/analysis.ts';
import { api, ApiError } from '../../shared/api.ts';

/** How often a running analysis is asked about (cheap: the server answers from memory). */
const POLL_MS = 400;
/** After this long a run shows its progress and a cancel button (issue 17: "longer than 1 s"). */
export const SLOW_AFTER_MS = 1000;

export class RunCancelled extends Error {}

export interface LiveRun {
  status: AnalysisRunView['status'] | 'starting';
  position: number | null;
  progress: number;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new RunCancelled())), { once: true });
  });

/**
 * Runs one analysis as a server-side run (POST /api/analysis/runs) and follows it: its queue
 * position and progress while it works, its result when done. Leaving the page or `cancel()`
 * aborts the query, which deletes the run, so the server stops computing it. Results are cached
 * like any query (same settings, same answer for a few minutes).
 */
export function useAnalysisRun<K extends AnalysisKind>(kind: K, query: Record<string, unknown> | null) {
  const client = useQueryClient();
  const [live, setLive] = useState<LiveRun | null>(null);
  const [slow, setSlow] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const queryKey = ['analysis', 'run', kind, query];
  const result = useQuery({
    queryKey,
    enabled: query !== null,
    staleTime: 5 * 60_000,
    retry: false,
    // A cancelled run stays cancelled until the user runs it again.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: async ({ signal }): Promise<AnalysisResults[K]> => {
      setLive({ status: 'starting', position: null, progress: 0 });
      const started = await api.post<AnalysisRunView<K>>('/api/analysis/runs', { kind, query });
      try {
        let view = started;
        for (;;) {
          setLive({ status: view.status, position: view.position, progress: view.progress });
          if (view.status === 'done') return view.result!;
          if (view.status === 'failed')
            throw new ApiError(422, view.error?.code ?? 'INTERNAL', view.error?.message ?? '', view.error?.details);
          if (view.status === 'cancelled') throw new RunCancelled();
          await wait(POLL_MS, signal);
          view = await api.get<AnalysisRunView<K>>(`/api/analysis/runs/${started.id}`);
        }
      } catch (error) {
        if (signal.aborted) void api.delete(`/api/analysis/runs/${started.id}`).catch(() => {});
        throw error;
      } finally {
        setLive(null);
      }
    },
  });
  const working = result.isFetching;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!working) {
      setSlow(false);
      return;
    }
    setCancelled(false);
    timer.current = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [working]);
  return {
    data: result.data,
    error: result.error instanceof RunCancelled ? null : result.error,
    isError: result.isError && !(result.error instanceof RunCancelled),
    working,
    live,
    slow,
    cancelled: cancelled || result.error instanceof RunCancelled,
    cancel: () => {
      setCancelled(true);
      void client.cancelQueries({ queryKey });
    },
  };
}

export type AnalysisRun<K extends AnalysisKind> = ReturnType<typeof useAnalysisRun<K>>;
