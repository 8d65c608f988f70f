import { DateTime } from 'luxon';
import { ZONE } from '../../../contracts/iso-week.ts';
import type { AnalysisParams } from './useAnalysis.ts';

/** What the analysis form holds, and how it becomes API parameters (pure). */
export interface AnalysisFormState {
  mode: 'weeks' | 'range';
  weeks: number;
  from: string;
  to: string;
  focusAreaCode: string;
  categoryCodes: string[];
  cellSize: number;
  alpha: number;
  permutations: number;
  bandwidth: string;
  spaceBand: number;
  spaceBands: number;
  timeBand: number;
  timeBands: number;
  iterations: number;
  interval: 'week' | 'month';
  concentrationUnit: 'cells' | 'places';
}

const today = () => DateTime.now().setZone(ZONE);

export const initialFormState = (): AnalysisFormState => ({
  mode: 'weeks',
  weeks: 12,
  from: today().minus({ weeks: 12 }).toISODate()!,
  to: today().toISODate()!,
  focusAreaCode: '',
  categoryCodes: [],
  cellSize: 250,
  alpha: 0.05,
  permutations: 0,
  bandwidth: '',
  spaceBand: 200,
  spaceBands: 3,
  timeBand: 7,
  timeBands: 3,
  iterations: 99,
  interval: 'week',
  concentrationUnit: 'cells',
});

/** The form's dates are Swedish calendar days; "to" is inclusive, so the period ends at the next midnight. */
export function toParams(s: AnalysisFormState): AnalysisParams {
  const period =
    s.mode === 'weeks'
      ? { weeks: s.weeks }
      : {
          from: DateTime.fromISO(s.from, { zone: ZONE }).startOf('day').toISO()!,
          to: DateTime.fromISO(s.to, { zone: ZONE }).plus({ days: 1 }).startOf('day').toISO()!,
        };
  return {
    ...period,
    categoryCodes: s.categoryCodes,
    ...(s.focusAreaCode ? { focusAreaCode: s.focusAreaCode } : {}),
    cellSize: s.cellSize,
    alpha: s.alpha,
    permutations: s.permutations,
    ...(s.bandwidth ? { bandwidth: Number(s.bandwidth) } : {}),
    spaceBand: s.spaceBand,
    spaceBands: s.spaceBands,
    timeBand: s.timeBand,
    timeBands: s.timeBands,
    iterations: s.iterations,
    interval: s.interval,
    concentrationUnit: s.concentrationUnit,
  };
}
