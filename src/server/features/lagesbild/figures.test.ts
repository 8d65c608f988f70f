import { describe, expect, it } from 'vitest';
import { decideChanges, figureOf, weekWindow } from './figures.ts';

describe('week window', () => {
  it('spans the 8 weeks before and the week, on Swedish local midnights across a DST change', () => {
    const { weeks, bounds } = weekWindow('2026-W14');
    expect(weeks[0]).toBe('2026-W06');
    expect(weeks[8]).toBe('2026-W14');
    expect(bounds).toHaveLength(10);
    // 2026-03-29 is the spring change: W13 is one hour short.
    const w13 = weeks.indexOf('2026-W13');
    expect(bounds[w13]!.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(bounds[w13 + 1]!.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('crosses a year with 53 weeks', () => {
    expect(weekWindow('2027-W02').weeks.slice(6)).toEqual(['2026-W53', '2027-W01', '2027-W02']);
  });
});

describe('figures', () => {
  it('takes the previous week and the mean of the 8 weeks before', () => {
    expect(figureOf([1, 2, 3, 4, 5, 6, 7, 8, 20])).toMatchObject({ count: 20, previousCount: 8, baselineMean: 4.5 });
    expect(figureOf(undefined)).toMatchObject({ count: 0, previousCount: 0, baselineMean: 0 });
  });

  it('flags a clear rise, and not a small one in a quiet area', () => {
    const [rise, small, steady] = decideChanges([
      { key: 'a', count: 30, baselineMean: 10 },
      { key: 'b', count: 2, baselineMean: 0 },
      { key: 'c', count: 10, baselineMean: 10 },
    ]);
    expect(rise).toMatchObject({ direction: 'up', notable: true });
    expect(small!.notable).toBe(false);
    expect(steady).toMatchObject({ direction: 'none', notable: false });
  });
});
