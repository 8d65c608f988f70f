import type { NearRepeatView } from '../../../contracts/analysis.ts';

/**
 * A cell is marked when the table itself supports it: a band close in space and in time (the last
 * row and column only hold the remaining pairs, where millions of pairs make a ratio of 1.001
 * "significant"), p below 0.05 and a ratio above 1 as shown, i.e. at least 1.01.
 */
export function isMarked(view: Pick<NearRepeatView, 'ratio' | 'p' | 'spaceBands' | 'timeBands'>, i: number, j: number) {
  const ratio = view.ratio[i]![j]!;
  const closed = i < view.spaceBands.length - 1 && j < view.timeBands.length - 1;
  return closed && ratio !== null && Math.round(ratio * 100) > 100 && view.p[i]![j]! < 0.05;
}
