/**
 * Hot-spot map evaluation: how well did cells flagged from period 1 capture period 2's events?
 *
 * With N2 events in period 2, n2 of them inside the flagged area a (k flagged cells x cell area)
 * out of the study area A (all grid cells):
 * - hit rate = n2 / N2;
 * - PAI, Predictive Accuracy Index = (n2 / N2) / (a / A) (Chainey, Tompson & Uhlig 2008, "The
 *   utility of hotspot mapping for predicting spatial patterns of crime", Security Journal 21);
 * - PEI, Predictive Efficiency Index = PAI / PAI* = n2 / n2*, where n2* is the largest number of
 *   period-2 events any k cells could have held (the k busiest cells of period 2) (Hunt 2016,
 *   "Do crime hot spots move? Exploring the effects of the modifiable areal unit problem and
 *   modifiable temporal unit problem on crime hot spot stability", American University; as used in
 *   Drawve 2016);
 * - RRI, Recapture Rate Index = (n2 / n1) / (N2 / N1) (Levine 2008, "The 'hottest' part of a
 *   hotspot: comments on 'The utility of hotspot mapping...'", Security Journal 21): > 1 means the
 *   flagged cells kept a larger share of events than the study area did overall.
 * Undefined ratios (a zero denominator) are reported as null.
 */

export interface EvaluationInput {
  /** Events per cell in period 1 and 2, same cell order, covering the whole study area. */
  period1: ArrayLike<number>;
  period2: ArrayLike<number>;
  /** 1 for cells flagged from period 1. */
  flagged: ArrayLike<number>;
}

export interface EvaluationResult {
  cells: number;
  flaggedCells: number;
  areaShare: number;
  period1Events: number;
  period2Events: number;
  period1InFlagged: number;
  period2InFlagged: number;
  hitRate: number | null;
  pai: number | null;
  pei: number | null;
  rri: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function evaluateHotspots(input: EvaluationInput): EvaluationResult {
  const { period1, period2, flagged } = input;
  const m = period2.length;
  if (period1.length !== m || flagged.length !== m)
    throw new RangeError('period1, period2 and flagged must cover the same cells');
  let N1 = 0;
  let N2 = 0;
  let n1 = 0;
  let n2 = 0;
  let k = 0;
  for (let i = 0; i < m; i++) {
    N1 += period1[i]!;
    N2 += period2[i]!;
    if (flagged[i]) {
      k++;
      n1 += period1[i]!;
      n2 += period2[i]!;
    }
  }
  const sorted = Float64Array.from(period2).sort().reverse();
  let best = 0;
  for (let i = 0; i < k; i++) best += sorted[i]!;
  const areaShare = m > 0 ? k / m : 0;
  const hitRate = ratio(n2, N2);
  return {
    cells: m,
    flaggedCells: k,
    areaShare,
    period1Events: N1,
    period2Events: N2,
    period1InFlagged: n1,
    period2InFlagged: n2,
    hitRate,
    pai: hitRate === null ? null : ratio(hitRate, areaShare),
    pei: ratio(n2, best),
    rri: n1 > 0 && N1 > 0 && N2 > 0 ? n2 / n1 / (N2 / N1) : null,
  };
}

/** Flag the `share` busiest cells (ties at the cut-off included), a common baseline hot-spot rule. */
export function topCells(counts: ArrayLike<number>, share: number): Uint8Array {
  if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], got ${share}`);
  const m = counts.length;
  const k = Math.max(1, Math.round(share * m));
  const sorted = Float64Array.from(counts).sort().reverse();
  const cut = sorted[k - 1]!;
  const out = new Uint8Array(m);
  for (let i = 0; i < m; i++) if (counts[i]! >= cut && counts[i]! > 0) out[i] = 1;
  return out;
}
