import { describe, expect, it } from 'vitest';
import { evaluateHotspots, topCells } from './evaluation.ts';

describe('hot-spot evaluation', () => {
  it('reproduces a worked example: 20 % of crime in 5 % of the area gives PAI 4', () => {
    // 100 cells; cells 0..4 flagged. Period 2: 100 events, 20 in flagged cells; the busiest 5 cells
    // of period 2 (cells 10..14, 8 each) hold 40. Period 1: 200 events, 50 in flagged cells.
    const period2 = new Float64Array(100);
    const period1 = new Float64Array(100);
    const flagged = new Uint8Array(100);
    for (let i = 0; i < 5; i++) {
      flagged[i] = 1;
      period2[i] = 4;
      period1[i] = 10;
    }
    for (let i = 10; i < 15; i++) period2[i] = 8;
    for (let i = 15; i < 55; i++) period2[i] = 1;
    for (let i = 5; i < 55; i++) period1[i] = 3;
    const r = evaluateHotspots({ period1, period2, flagged });
    expect(r.period2Events).toBe(100);
    expect(r.period1Events).toBe(200);
    expect(r.hitRate).toBeCloseTo(0.2, 12);
    expect(r.pai).toBeCloseTo(4, 12); // (20/100) / (5/100)
    expect(r.pei).toBeCloseTo(0.5, 12); // 20 / 40
    expect(r.rri).toBeCloseTo(0.8, 12); // (20/50) / (100/200)
  });

  it('perfect prediction has PEI 1; undefined ratios are null', () => {
    const r = evaluateHotspots({ period1: [5, 0, 0], period2: [3, 1, 0], flagged: [1, 0, 0] });
    expect(r.pei).toBe(1);
    expect(r.pai).toBeCloseTo(0.75 / (1 / 3), 12);
    const none = evaluateHotspots({ period1: [0, 0], period2: [0, 0], flagged: [0, 0] });
    expect([none.hitRate, none.pai, none.pei, none.rri]).toEqual([null, null, null, null]);
  });

  it('topCells flags the busiest share, ties at the cut-off included', () => {
    expect(Array.from(topCells([5, 1, 5, 2, 0, 0, 0, 0, 0, 0], 0.1))).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });
});
