import { keepPreviousData, useQuery } from '@tanstack/react-query';
import i18n from 'i18next';
import type { AnalysisKind, NearRepeatView } from '../../../contracts/analysis.ts';
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
  interval: 'week' | 'month';
  concentrationUnit: 'cells' | 'places';
}

function selection(p: AnalysisParams) {
  return {
    weeks: p.weeks,
    from: p.from,
    to: p.to,
    categoryCodes: p.categoryCodes.length ? p.categoryCodes.join(',') : undefined,
    focusAreaCode: p.focusAreaCode,
  };
}

/** Each analysis' query (what POST /api/analysis/runs takes), from the page's settings. */
export function runQueries(p: AnalysisParams): Record<AnalysisKind, Record<string, unknown>> {
  const grid = { ...selection(p), cellSize: p.cellSize, alpha: p.alpha };
  return {
    hotspots: { ...grid, permutations: p.permutations },
    density: { ...selection(p), cellSize: p.cellSize, bandwidth: p.bandwidth },
    'near-repeat': {
      categoryCodes: selection(p).categoryCodes,
      focusAreaCode: p.focusAreaCode,
      spaceBand: p.spaceBand,
      spaceBands: p.spaceBands,
      timeBand: p.timeBand,
      timeBands: p.timeBands,
      iterations: p.iterations,
    },
    evaluation: { ...grid, permutations: p.permutations },
    emerging: { ...grid, interval: p.interval },
    concentration: { ...selection(p), cellSize: p.cellSize, unit: p.concentrationUnit },
  };
}

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

/** A near-repeat test on its own (the weekly picture's warning); the analysis page uses runs. */
export const useNearRepeat = (p: NearRepeatParams | null) => {
  const params = p && { ...p, categoryCodes: p.categoryCodes?.join(',') };
  return useQuery({
    queryKey: ['analysis', 'near-repeat', params],
    queryFn: () => api.get<NearRepeatView>(`/api/analysis/near-repeat${query(params!)}`),
    enabled: p !== null,
    staleTime: 5 * 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
};

const OWN_CODES = new Set([
  'TOO_FEW_EVENTS',
  'ANALYSIS_TOO_LARGE',
  'NO_FOLLOWING_PERIOD',
  'VALIDATION',
  'TOO_FEW_TIME_STEPS',
  'ANALYSIS_BUSY',
  'ANALYSIS_INVALID',
]);

/** The analysis' own error codes in plain words, with their details; anything else as usual. */
export function analysisErrorMessage(error: unknown): string {
  if (error instanceof ApiError && OWN_CODES.has(error.code)) {
    const details = error.details;
    if (error.code === 'VALIDATION') {
      const list = Array.isArray(details) ? (details as { path: string; message: string }[]) : [];
      const detail =
        list.map((d) => `${d.path.replace(/^(querystring|body\.query)\.?/, '') || '–'}: ${d.message}`).join('; ') ||
        error.message;
      return i18n.t('analysis.errors.VALIDATION', { detail });
    }
    const values: Record<string, unknown> = { ...((details ?? {}) as Record<string, unknown>), message: error.message };
    if (error.code === 'ANALYSIS_BUSY')
      return i18n.t(`analysis.errors.ANALYSIS_BUSY_${values.scope === 'server' ? 'server' : 'user'}`, values);
    return i18n.t(`analysis.errors.${error.code}`, values);
  }
  return errorMessage(error);
}
