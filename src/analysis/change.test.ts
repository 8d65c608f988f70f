import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baselineMean, binomialTest, flagChanges, flagTwoPeriodChanges, poissonTest, twoPeriodTest } from './change.ts';

const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../test/reference/analysis/stats_reference.json', import.meta.url)), 'utf8'),
) as {
  poisson: { k: number; mu: number; greater: number; less: number; twoSided: number }[];
  binomial: { x: number; n: number; p: number; greater: number; less: number; twoSided: number }[];
};

const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(1e-300, Math.abs(b)) + 1e-15);

describe('exact Poisson test', () => {
  it('matches brute-force pmf summation (independent Python) for all three alternatives', () => {
    for (const r of ref.poisson) {
      close(poissonTest(r.k, r.mu, 'greater'), r.greater);
      close(poissonTest(r.k, r.mu, 'less'), r.less);
      close(poissonTest(r.k, r.mu, 'two-sided'), r.twoSided);
    }
  });

  it('rejects impossible counts', () => {
    expect(() => poissonTest(-1, 2)).toThrow(RangeError);
    expect(() => poissonTest(1.5, 2)).toThrow(RangeError);
    expect(() => poissonTest(1, -2)).toThrow(RangeError);
  });
});

describe('flagChanges', () => {
  it('flags a clear increase after BH and leaves ordinary weeks alone', () => {
    const cells = [
      { key: 'A', count: 30, baselineMean: 8 },
      { key: 'B', count: 9, baselineMean: 8 },
      { key: 'C', count: 7, baselineMean: 8 },
      { key: 'D', count: 0, baselineMean: 12 },
    ];
    const out = flagChanges(cells, { alpha: 0.05 });
    expect(out.map((o) => [o.key, o.direction, o.significant])).toEqual([
      ['A', 'up', true],
      ['B', 'up', false],
      ['C', 'down', false],
      ['D', 'down', true],
    ]);
    for (const o of out) expect(o.q).toBeGreaterThanOrEqual(o.p);
    const upper = flagChanges(cells, { alpha: 0.05, alternative: 'greater' });
    expect(upper.find((o) => o.key === 'D')!.p).toBe(1);
  });
});

describe('baselineMean', () => {
  it('uses the same weeks of earlier years (+-2) once a year of history exists', () => {
    const history = Array.from({ length: 110 }, (_, i) => i); // count = index, easy to follow
    const b = baselineMean(history, 106);
    // year 1: weeks 52..56, year 2: weeks 0..4 -> mean of (52+53+54+55+56+0+1+2+3+4)/10
    expect(b).toEqual({ mean: 28, method: 'seasonal', values: 10 });
  });

  it('falls back to the last 8 weeks with less than a year of history', () => {
    const history = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(baselineMean(history, 12)).toEqual({ mean: 8.5, method: 'recent', values: 8 });
  });
});

describe('exact binomial test and two periods', () => {
  it('matches exact rational arithmetic (independent Python) for all three alternatives', () => {
    for (const r of ref.binomial) {
      close(binomialTest(r.x, r.n, r.p, 'greater'), r.greater);
      close(binomialTest(r.x, r.n, r.p, 'less'), r.less);
      close(binomialTest(r.x, r.n, r.p, 'two-sided'), r.twoSided);
    }
  });

  it('conditions on the total: 2 then 10 events in equal periods is 2 x P(X >= 10 | Bin(12, 1/2))', () => {
    // (C(12,10) + C(12,11) + C(12,12)) / 2^12 = 79 / 4096, doubled by symmetry.
    expect(twoPeriodTest(2, 10, 30, 30)).toBeCloseTo(158 / 4096, 14);
    expect(twoPeriodTest(2, 10, 30, 30, 'greater')).toBeCloseTo(79 / 4096, 14);
    // Period 2 a third of the time: Bin(6, 1/3), P(X >= 5) = (12 + 1) / 729 and nothing as unlikely below.
    expect(twoPeriodTest(1, 5, 20, 10)).toBeCloseTo(13 / 729, 14);
    expect(twoPeriodTest(5, 5, 30, 30)).toBe(1);
    expect(() => twoPeriodTest(1, 1, 0, 10)).toThrow(RangeError);
  });

  it('flags after BH, and the Poisson variant treats period 1 as a known baseline', () => {
    const flags = flagTwoPeriodChanges(
      [
        { count1: 2, count2: 10 },
        { count1: 5, count2: 5 },
        { count1: 0, count2: 4 },
      ],
      30,
      30,
    );
    [158 / 4096, 1, 0.125].forEach((p, i) => expect(flags[i]!.p).toBeCloseTo(p, 14));
    expect(flags[0]!.q).toBeCloseTo((3 * 158) / 4096, 14);
    expect(flags[0]).toMatchObject({ expected2: 6, rateRatio: 5, direction: 'up', significant: false });
    expect(flags[2]!.rateRatio).toBeNull();
    const poisson = flagTwoPeriodChanges([{ count1: 0, count2: 4 }], 30, 30, { method: 'poisson' });
    expect(poisson[0]).toMatchObject({ p: 0, expected2: 0, significant: true });
  });
});
