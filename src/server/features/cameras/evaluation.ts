import type { EvaluationResult, OddsRatio, ZoneCounts } from '../../../contracts/cameras-analysis.ts';

/**
 * Before/after evaluation of a camera site with a comparison area and a displacement ring: the
 * design of the Campbell systematic reviews of CCTV (Welsh & Farrington 2009, "Public area CCTV and
 * crime prevention: an updated systematic review and meta-analysis", Justice Quarterly 26:4).
 *
 * Counts: T = treatment zone (within the radius of the site), D = the surrounding ring, C = the
 * comparison area chosen by the user (minus the zone and ring); b = before, a = after, in periods of
 * equal length on either side of the installation day.
 *
 * - Relative effect size (an odds ratio): RES = (Tb * Ca) / (Ta * Cb). RES > 1 means the zone did
 *   better than the comparison area (fewer reports after, relative to the comparison's change).
 * - Its variance on the log scale (Farrington's Poisson approximation):
 *   V(ln RES) = 1/Tb + 1/Ta + 1/Cb + 1/Ca; 95 % CI = exp(ln RES ± 1.96 √V).
 * - The same odds ratio for the ring against the comparison area: RES_ring = (Db * Ca) / (Da * Cb).
 *   RES_ring < 1 suggests displacement into the ring, > 1 a diffusion of benefits.
 * - Weighted displacement quotient (Bowers & Johnson 2003, "Measuring the geographical displacement
 *   and diffusion of benefit effects of crime prevention activity", J. Quant. Criminology 19):
 *   WDQ = (Da/Ca − Db/Cb) / (Ta/Ca − Tb/Cb); defined only when the zone changed relative to the
 *   comparison (denominator ≠ 0) and the comparison has reports in both periods.
 * When any of the four counts of an odds ratio is zero, 0.5 is added to all four (Haldane's
 * correction), and the result says so. The output is an estimate with its interval, never a verdict.
 */

export const Z_95 = 1.959963984540054;

/** The odds ratio (b1 * a2) / (a1 * b2) of two before/after pairs, with its 95 % interval. */
export function oddsRatio(before1: number, after1: number, before2: number, after2: number): OddsRatio {
  const corrected = before1 === 0 || after1 === 0 || before2 === 0 || after2 === 0;
  const k = corrected ? 0.5 : 0;
  const [b1, a1, b2, a2] = [before1 + k, after1 + k, before2 + k, after2 + k];
  const value = (b1 * a2) / (a1 * b2);
  const logVariance = 1 / b1 + 1 / a1 + 1 / b2 + 1 / a2;
  const half = Z_95 * Math.sqrt(logVariance);
  return {
    value,
    lower: Math.exp(Math.log(value) - half),
    upper: Math.exp(Math.log(value) + half),
    logVariance,
    corrected,
  };
}

export function evaluateSite(counts: ZoneCounts): EvaluationResult {
  const {
    treatmentBefore: tb,
    treatmentAfter: ta,
    ringBefore: db,
    ringAfter: da,
    comparisonBefore: cb,
    comparisonAfter: ca,
  } = counts;
  let wdq: number | null = null;
  if (cb > 0 && ca > 0) {
    const denominator = ta / ca - tb / cb;
    if (denominator !== 0) wdq = (da / ca - db / cb) / denominator;
  }
  return {
    counts,
    relativeEffectSize: oddsRatio(tb, ta, cb, ca),
    ringEffectSize: oddsRatio(db, da, cb, ca),
    weightedDisplacementQuotient: wdq,
  };
}

export interface EvaluationPoint {
  x: number;
  y: number;
  areaId: string;
  at: Date;
}

/**
 * Sorts reports into zone and period. A report is in the zone when within `radius` metres of the
 * site, in the ring when within `radius + ringWidth`, and in the comparison when it lies in the
 * comparison area and outside both. Periods are [before, installedAt) and [installedAt, after).
 */
export function countZones(
  points: readonly EvaluationPoint[],
  site: { x: number; y: number },
  options: {
    radius: number;
    ringWidth: number;
    comparisonAreaId: string;
    before: Date;
    installedAt: Date;
    after: Date;
  },
): ZoneCounts {
  const counts: ZoneCounts = {
    treatmentBefore: 0,
    treatmentAfter: 0,
    ringBefore: 0,
    ringAfter: 0,
    comparisonBefore: 0,
    comparisonAfter: 0,
  };
  for (const p of points) {
    if (p.at < options.before || p.at >= options.after) continue;
    const after = p.at >= options.installedAt;
    const d = Math.hypot(p.x - site.x, p.y - site.y);
    if (d <= options.radius) counts[after ? 'treatmentAfter' : 'treatmentBefore']++;
    else if (d <= options.radius + options.ringWidth) counts[after ? 'ringAfter' : 'ringBefore']++;
    else if (p.areaId === options.comparisonAreaId) counts[after ? 'comparisonAfter' : 'comparisonBefore']++;
  }
  return counts;
}
