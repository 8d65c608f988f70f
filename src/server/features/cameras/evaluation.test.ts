import { describe, expect, it } from 'vitest';
import { countZones, evaluateSite, oddsRatio } from './evaluation.ts';

describe('before/after evaluation', () => {
  it('reproduces a hand-computed example', () => {
    /*
     * Treatment zone: Tb = 40 before, Ta = 25 after. Comparison area: Cb = 100, Ca = 90.
     * Ring: Db = 30, Da = 33.
     *
     * RES = (Tb·Ca)/(Ta·Cb) = (40·90)/(25·100) = 3600/2500 = 1.44
     * V(ln RES) = 1/40 + 1/25 + 1/100 + 1/90 = 0.025 + 0.04 + 0.01 + 0.0111… = 0.0861111…
     * √V = 0.293447…; ln 1.44 = 0.364643…; 1.959964·0.293447 = 0.575146…
     * CI = exp(0.364643 − 0.575146) … exp(0.364643 + 0.575146) = exp(−0.210503) … exp(0.939789)
     *    = 0.810177 … 2.559440
     * Ring: RES_ring = (Db·Ca)/(Da·Cb) = (30·90)/(33·100) = 2700/3300 = 9/11 = 0.818181…
     * V = 1/30 + 1/33 + 1/100 + 1/90 = 0.0847474…; CI = 0.462437 … 1.447594
     * WDQ = (Da/Ca − Db/Cb)/(Ta/Ca − Tb/Cb) = (33/90 − 30/100)/(25/90 − 40/100)
     *     = (0.366667 − 0.3)/(0.277778 − 0.4) = 0.066667/−0.122222 = −6/11 = −0.545454…
     * (values cross-checked with Python's math module: see the figures below)
     */
    const result = evaluateSite({
      treatmentBefore: 40,
      treatmentAfter: 25,
      comparisonBefore: 100,
      comparisonAfter: 90,
      ringBefore: 30,
      ringAfter: 33,
    });
    expect(result.relativeEffectSize.value).toBeCloseTo(1.44, 12);
    expect(result.relativeEffectSize.logVariance).toBeCloseTo(0.08611111111111111, 12);
    expect(result.relativeEffectSize.lower).toBeCloseTo(0.8101771631718252, 10);
    expect(result.relativeEffectSize.upper).toBeCloseTo(2.55944019932863, 10);
    expect(result.relativeEffectSize.corrected).toBe(false);
    expect(result.ringEffectSize.value).toBeCloseTo(9 / 11, 12);
    expect(result.ringEffectSize.lower).toBeCloseTo(0.4624374225488625, 10);
    expect(result.ringEffectSize.upper).toBeCloseTo(1.4475936742177755, 10);
    expect(result.weightedDisplacementQuotient).toBeCloseTo(-6 / 11, 12);
  });

  it('adds 0.5 to every count when one is zero (Haldane), and says so', () => {
    // (0.5·8.5)/(5.5·10.5) = 4.25/57.75 = 0.073593…; V = 1/0.5 + 1/5.5 + 1/10.5 + 1/8.5 = 2.394703…
    const or = oddsRatio(0, 5, 10, 8);
    expect(or.corrected).toBe(true);
    expect(or.value).toBeCloseTo(0.0735930735930736, 12);
    expect(or.logVariance).toBeCloseTo(2.3947033358798064, 12);
  });

  it('leaves the displacement quotient undefined when the zone did not change relative to the comparison', () => {
    const result = evaluateSite({
      treatmentBefore: 10,
      treatmentAfter: 10,
      comparisonBefore: 50,
      comparisonAfter: 50,
      ringBefore: 4,
      ringAfter: 9,
    });
    expect(result.weightedDisplacementQuotient).toBeNull();
    expect(result.relativeEffectSize.value).toBe(1);
  });

  it('sorts reports into zone, ring and comparison by distance, area and period', () => {
    const installedAt = new Date('2026-01-01T00:00:00Z');
    const at = (iso: string) => new Date(iso);
    const site = { x: 1000, y: 1000 };
    const points = [
      { x: 1000, y: 1100, areaId: 'A', at: at('2025-12-01T00:00:00Z') }, // zone, before (d = 100)
      { x: 1200, y: 1000, areaId: 'A', at: at('2026-02-01T00:00:00Z') }, // zone edge, after (d = 200)
      { x: 1300, y: 1000, areaId: 'A', at: at('2026-02-01T00:00:00Z') }, // ring, after (d = 300)
      { x: 1000, y: 1600, areaId: 'B', at: at('2025-06-01T00:00:00Z') }, // comparison B but in the ring (d = 600 ≤ 700)
      { x: 5000, y: 5000, areaId: 'B', at: at('2025-06-01T00:00:00Z') }, // comparison, before
      { x: 5000, y: 5000, areaId: 'C', at: at('2026-03-01T00:00:00Z') }, // neither
      { x: 1000, y: 1000, areaId: 'A', at: at('2024-01-01T00:00:00Z') }, // outside the periods
    ];
    const counts = countZones(points, site, {
      radius: 200,
      ringWidth: 500,
      comparisonAreaId: 'B',
      before: at('2025-01-01T00:00:00Z'),
      installedAt,
      after: at('2027-01-01T00:00:00Z'),
    });
    expect(counts).toEqual({
      treatmentBefore: 1,
      treatmentAfter: 1,
      ringBefore: 1,
      ringAfter: 1,
      comparisonBefore: 1,
      comparisonAfter: 0,
    });
  });
});
