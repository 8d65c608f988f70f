import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifySeries, EMERGING_CATEGORIES, emergingHotSpots, mannKendall } from './emerging.ts';
import { buildCube, stepDays, stepOf } from './emerging-cube.ts';
import { civilDay, civilFromDay } from './calendar.ts';

const ref = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../test/reference/analysis/emerging_reference.json', import.meta.url)),
    'utf8',
  ),
) as {
  nCols: number;
  nRows: number;
  steps: number;
  timeWindow: number;
  alpha: number;
  cellIndex: number[];
  counts: number[];
  z: number[];
  trend: { s: number[]; z: number[]; p: number[] };
  categories: string[];
  planted: Record<string, { col: number; row: number; category: string }>;
};

describe('emerging hot spots against the independent numpy/scipy implementation', () => {
  const result = emergingHotSpots(
    {
      nCols: ref.nCols,
      nRows: ref.nRows,
      steps: ref.steps,
      cellIndex: Int32Array.from(ref.cellIndex),
      counts: Float64Array.from(ref.counts),
    },
    { timeWindow: ref.timeWindow, alpha: ref.alpha },
  );

  it('classifies the synthetic cube cell for cell as the reference does', () => {
    expect(result.category).toEqual(ref.categories);
  });

  it('has the same space-time Gi* z per bin and Mann-Kendall trend per cell', () => {
    let worst = 0;
    ref.z.forEach((z, b) => (worst = Math.max(worst, Math.abs(result.z[b]! - z))));
    expect(worst).toBeLessThan(1e-9);
    expect(result.trend.map((t) => t.s)).toEqual(ref.trend.s);
    result.trend.forEach((t, c) => expect(Math.abs(t.p - ref.trend.p[c]!)).toBeLessThan(1e-12));
  });

  it('finds every planted pattern at its block centre, so the cube exercises all sixteen', () => {
    for (const [pattern, at] of Object.entries(ref.planted)) {
      const c = ref.cellIndex.indexOf(at.row * ref.nCols + at.col);
      expect(result.category[c], pattern).toBe(pattern);
    }
    expect(new Set(Object.keys(ref.planted))).toEqual(new Set(EMERGING_CATEGORIES.filter((c) => c !== 'none')));
  });
});

describe('pattern rules', () => {
  const flat = { s: 0, z: 0, p: 1 };
  const series = (text: string) => Array.from(text, (ch) => (ch === 'H' ? 1 : ch === 'C' ? -1 : 0));
  it.each([
    ['..........H', 'new-hot'],
    ['........HHH', 'consecutive-hot'],
    ['..H...H...H', 'sporadic-hot'],
    ['.CC.......H', 'oscillating-hot'],
    ['HHHHHHHHHH.', 'historical-hot'],
    ['HHHHHHHHHHH', 'persistent-hot'],
    ['HHHHHHHHHHC', 'oscillating-cold'],
    ['C.........C', 'sporadic-cold'],
    ['...........', 'none'],
  ])('%s is %s', (states, category) => {
    expect(classifySeries(series(states), flat, 0.05)).toBe(category);
  });

  it('reads a significant trend in z as intensifying or diminishing, the other way round for cold spots', () => {
    const up = { s: 40, z: 3, p: 0.003 };
    expect(classifySeries(series('HHHHHHHHHH'), up, 0.05)).toBe('intensifying-hot');
    expect(classifySeries(series('CCCCCCCCCC'), up, 0.05)).toBe('diminishing-cold');
    expect(classifySeries(series('HHHHHHHHHH'), { ...up, p: 0.2 }, 0.05)).toBe('persistent-hot');
  });

  it('computes Mann-Kendall with the tie correction', () => {
    // 1..5 rising: S = 10, Var = 5*4*15/18, Z = 9 / sqrt(Var).
    const mk = mannKendall([1, 2, 3, 4, 5]);
    expect(mk.s).toBe(10);
    expect(mk.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 12);
    // One tie of three: Var = (5*4*15 - 3*2*11) / 18.
    expect(mannKendall([1, 1, 1, 2, 3]).z).toBeCloseTo((7 - 1) / Math.sqrt((300 - 66) / 18), 12);
    expect(mannKendall([2, 2, 2, 2, 2])).toEqual({ s: 0, z: 0, p: 1 });
  });
});

describe('the cube', () => {
  it('steps through Monday weeks and calendar months', () => {
    const monday = civilDay(2026, 1, 5);
    expect(stepOf(monday, 'week')).toBe(stepOf(monday + 6, 'week'));
    expect(stepOf(monday - 1, 'week')).toBe(stepOf(monday, 'week') - 1);
    expect(stepDays(stepOf(monday + 3, 'week'), 'week')).toEqual({ from: monday, to: monday + 6 });
    expect(stepDays(stepOf(civilDay(2024, 2, 10), 'month'), 'month')).toEqual({
      from: civilDay(2024, 2, 1),
      to: civilDay(2024, 2, 29),
    });
    for (const d of [0, 59, 11_000, 20_000, -400]) {
      const { year, month, day } = civilFromDay(d);
      expect(civilDay(year, month, day)).toBe(d);
    }
  });

  it('counts each event in its cell and step, over the whole range', () => {
    const d0 = civilDay(2026, 1, 5);
    const built = buildCube([5, 5, 15, 25], [5, 5, 5, 5], [d0, d0 + 8, d0 + 8, d0 + 30], {
      cellSize: 10,
      interval: 'week',
    });
    expect(built.steps).toHaveLength(5);
    expect(built.cube.cellIndex).toHaveLength(3);
    expect(Array.from(built.cube.counts)).toEqual([1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    // Weeks ending on the last day: the final step is the 7 days up to it.
    const byEnd = buildCube([5, 5], [5, 5], [d0, d0 + 30], {
      cellSize: 10,
      interval: 'week',
      endAligned: true,
      toDay: d0 + 31,
    });
    expect(byEnd.steps.at(-1)).toEqual({ from: d0 + 25, to: d0 + 31 });
    expect(byEnd.steps[0]).toEqual({ from: d0 - 3, to: d0 + 3 });
    expect(Array.from(byEnd.cube.counts)).toEqual([1, 0, 0, 0, 1]);
  });
});
