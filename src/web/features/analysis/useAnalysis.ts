import { keepPreviousData, useQuery } from '@tanstack/react-query';
import i18n from 'i18next';
import type { DensityView, EvaluationView, HotspotsView, NearRepeatView } from '../../../contracts/analysis.ts';
import { api, ApiError, query } from '../../shared/api.ts';
import { errorMessage } from '../../shared/errors.ts';

/** What the page asks for; every analysis takes the parts it needs. */
export interface AnalysisParams {
  weeks?: number;
  from?: string;
  to?: string;
  categoryCodes: string[];
  focusAreaCode?: string;
  cellSize: number;
  alpha: number;
  permutations: number;
  bandwidth?: number;
  spaceBand: number;
  spaceBands: number;
  timeBand: number;
  timeBands: number;
  iterations: number;
}

function selection(p: AnalysisParams) {
  return {
    weeks: p.weeks,
    from: p.from,
    to: p.to,
    categoryCodes: p.categoryCodes.join(','),
    focusAreaCode: p.focusAreaCode,
  };
}

const hotspotParams = (p: AnalysisParams) => ({
  ...selection(p),
  cellSize: p.cellSize,
  alpha: p.alpha,
  permutations: p.permutations,
});

// Analyses are deterministic for the same inputs and data; keep an answer a few minutes.
const options = { staleTime: 5 * 60_000, retry: false, placeholderData: keepPreviousData } as const;

export const useHotspots = (p: AnalysisParams | null) =>
  useQuery({
    queryKey: ['analysis', 'hotspots', p && hotspotParams(p)],
    queryFn: () => api.get<HotspotsView>(`/api/analysis/hotspots${query(hotspotParams(p!))}`),
    enabled: p !== null,
    ...options,
  });

export const useDensity = (p: AnalysisParams | null) => {
  const params = p && { ...selection(p), cellSize: p.cellSize, bandwidth: p.bandwidth };
  return useQuery({
    queryKey: ['analysis', 'density', params],
    queryFn: () => api.get<DensityView>(`/api/analysis/density${query(params!)}`),
    enabled: p !== null,
    ...options,
  });
};

export interface NearRepeatParams {
  until?: string;
  categoryCodes?: string[];
  focusAreaCode?: string;
  spaceBand?: number;
  spaceBands?: number;
  timeBand?: number;
  timeBands?: number;
  iterations?: number;
}

export const useNearRepeat = (p: NearRepeatParams | null) => {
  const params = p && { ...p, categoryCodes: p.categoryCodes?.join(',') };
  return useQuery({
    queryKey: ['analysis', 'near-repeat', params],
    queryFn: () => api.get<NearRepeatView>(`/api/analysis/near-repeat${query(params!)}`),
    enabled: p !== null,
    ...options,
  });
};

export const useEvaluation = (p: AnalysisParams | null) =>
  useQuery({
    queryKey: ['analysis', 'evaluation', p && hotspotParams(p)],
    queryFn: () => api.get<EvaluationView>(`/api/analysis/evaluation${query(hotspotParams(p!))}`),
    enabled: p !== null,
    ...options,
  });

const OWN_CODES = new Set(['TOO_FEW_EVENTS', 'ANALYSIS_TOO_LARGE', 'NO_FOLLOWING_PERIOD', 'VALIDATION']);

/** The analysis' own error codes in plain words, with their details; anything else as usual. */
export function analysisErrorMessage(error: unknown): string {
  if (error instanceof ApiError && OWN_CODES.has(error.code)) {
    const details = error.details;
    if (error.code === 'VALIDATION') {
      const list = Array.isArray(details) ? (details as { path: string; message: string }[]) : [];
      const detail =
        list.map((d) => `${d.path.replace(/^querystring\.?/, '') || '–'}: ${d.message}`).join('; ') || error.message;
      return i18n.t('analysis.errors.VALIDATION', { detail });
    }
    return i18n.t(`analysis.errors.${error.code}`, (details ?? {}) as Record<string, unknown>);
  }
  return errorMessage(error);
}
