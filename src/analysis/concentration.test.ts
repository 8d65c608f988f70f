import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concentration } from './concentration.ts';

describe('crime concentration', () => {
  it('gives the worked example: 100 units, one holds half, nine hold 5 each, the rest 5 in total', () => {
    const counts = new Array(100).fill(0);
    counts[0] = 50;
    for (let i = 1; i <= 9; i++) counts[i] = 5;
    for (let i = 10; i < 15; i++) counts[i] = 1;
    const r = concentration(counts);
    expect(r).toMatchObject({ units: 100, events: 100, unitsWithEvents: 15 });
    // Top 1 % = 1 unit (50 of 100), top 5 % = 5 units (50 + 4 x 5), top 10 % = 10 units (95).
    expect(r.shares.map((s) => [s.units, s.events, s.eventShare])).toEqual([
      [1, 50, 0.5],
      [5, 70, 0.7],
      [10, 95, 0.95],
    ]);
    // Gini by the definition: sum |x_i - x_j| over all ordered pairs / (2 m^2 mean).
    let pairs = 0;
    for (const a of counts) for (const b of counts) pairs += Math.abs(a - b);
    expect(r.gini).toBeCloseTo(pairs / (2 * 100 * 100 * 1), 12);
    expect(r.lorenz[0]).toEqual([0, 0]);
    expect(r.lorenz.at(-1)).toEqual([1, 1]);
    // The least busy 90 % hold the 5 single reports.
    expect(r.lorenz[90]![1]).toBeCloseTo(0.05, 12);
    expect(r.generalizedGini).toBe(r.gini);
  });

  it('measures sparse data against maximal equality (Bernasco & Steenbeek 2017)', () => {
    // 10 reports in 10 of 1,000 cells: as even as 10 reports can be, so G' = 0 though G = 0.99.
    const counts = new Array(1000).fill(0);
    for (let i = 0; i < 10; i++) counts[i * 97] = 1;
    const r = concentration(counts);
    expect(r.gini).toBeCloseTo(0.99, 12);
    expect(r.generalizedGini).toBeCloseTo(0, 12);
    counts.fill(0);
    counts[3] = 10;
    expect(concentration(counts).generalizedGini).toBeCloseTo(0.9, 12);
  });

  it('keeps the Lorenz curve below the diagonal and the Gini in [0, 1 - 1/m]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }), (counts) => {
        const r = concentration(counts);
        expect(r.gini).toBeGreaterThanOrEqual(-1e-12);
        expect(r.gini).toBeLessThanOrEqual(1 - 1 / counts.length + 1e-12);
        for (const [u, l] of r.lorenz) expect(l).toBeLessThanOrEqual(u + 1e-12);
        for (let j = 1; j < r.lorenz.length; j++)
          expect(r.lorenz[j]![1]).toBeGreaterThanOrEqual(r.lorenz[j - 1]![1] - 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});
