import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baselineMean, flagChanges, poissonTest } from './change.ts';

const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../test/reference/analysis/stats_reference.json', import.meta.url)), 'utf8'),
) as { poisson: { k: number; mu: number; greater: number; less: number; twoSided: number }[] };

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
