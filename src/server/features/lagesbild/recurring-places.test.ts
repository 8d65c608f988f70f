import { describe, expect, it } from 'vitest';
import { findRecurringPlaces } from './recurring-places.ts';

interface Point {
  number: number;
  x: number;
  y: number;
}
const at = (number: number, x: number, y: number): Point => ({ number, x, y });

/** Runs the clustering on points and answers with member numbers per place, leader first. */
function places(points: Point[], radius = 100): number[][] {
  const input = { numbers: points.map((p) => p.number), x: points.map((p) => p.x), y: points.map((p) => p.y) };
  return findRecurringPlaces(input, radius).map((place) => place.map((i) => points[i]!.number));
}

describe('recurring places', () => {
  it('groups reports within 100 m and leaves lone reports out', () => {
    const found = places([at(1, 0, 0), at(2, 60, 80), at(3, 1000, 1000), at(4, 5000, 0), at(5, 5000, 99.9)]);
    expect(found.map((p) => [...p].sort((a, b) => a - b))).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });

  it('counts a report exactly 100 m away and not one 100.1 m away', () => {
    expect(places([at(1, 0, 0), at(2, 100, 0)])).toEqual([[1, 2]]);
    expect(places([at(1, 0, 0), at(2, 100.1, 0)])).toEqual([]);
  });

  it('leads a place from the report with most neighbours', () => {
    // 2 sees 1 and 3 (both 90 m away); 1 and 3 see only 2.
    expect(places([at(1, 0, 0), at(2, 90, 0), at(3, 180, 0)])).toEqual([[2, 1, 3]]);
  });

  it('does not chain a line of reports into one place, and no report is in two places', () => {
    const line = Array.from({ length: 7 }, (_, i) => at(i + 1, i * 90, 0));
    const found = places(line);
    const members = found.flat();
    expect(new Set(members).size).toBe(members.length);
    for (const place of found) {
      expect(place.length).toBeLessThanOrEqual(3);
      const leader = line[place[0]! - 1]!;
      for (const number of place) {
        const m = line[number - 1]!;
        expect(Math.hypot(m.x - leader.x, m.y - leader.y)).toBeLessThanOrEqual(100);
      }
    }
  });

  it('is independent of input order', () => {
    const points = [at(1, 0, 0), at(2, 50, 0), at(3, 100, 0), at(4, 150, 0), at(5, 400, 400), at(6, 420, 410)];
    const key = (ps: Point[]) =>
      places(ps)
        .map((p) => p.join(','))
        .sort();
    expect(key([...points].reverse())).toEqual(key(points));
    expect(key([points[3]!, points[0]!, points[5]!, points[1]!, points[4]!, points[2]!])).toEqual(key(points));
  });

  it('keeps many reports at one spot in one place without running out of memory', () => {
    const spot = Array.from({ length: 3000 }, (_, i) => at(i + 1, 10 + (i % 7), 20 + (i % 5)));
    const found = places(spot);
    expect(found).toHaveLength(1);
    expect(found[0]).toHaveLength(3000);
  });

  it('matches a brute-force leader clustering on 2,000 random reports', () => {
    let state = 7;
    const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // A dense town and a sparse countryside, in SWEREF-like metres (large coordinates, negative cells too).
    const points = Array.from({ length: 2000 }, (_, i) =>
      i % 2 === 0
        ? at(i + 1, 660_000 + rand() * 2000, 6_570_000 + rand() * 2000)
        : at(i + 1, -5000 + rand() * 40_000, 6_560_000 + rand() * 30_000),
    );
    const within = (a: Point, b: Point) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2 <= 100 * 100;
    const counts = points.map((p) => points.filter((q) => q !== p && within(p, q)).length);
    const order = points
      .map((_, i) => i)
      .filter((i) => counts[i]! > 0)
      .sort((a, b) => counts[b]! - counts[a]! || points[a]!.number - points[b]!.number);
    const taken = new Set<number>();
    const expected: number[][] = [];
    for (const i of order) {
      if (taken.has(i)) continue;
      const free = points.map((_, j) => j).filter((j) => j !== i && !taken.has(j) && within(points[i]!, points[j]!));
      if (free.length === 0) continue;
      [i, ...free].forEach((j) => taken.add(j));
      expected.push([points[i]!.number, ...free.map((j) => points[j]!.number).sort((a, b) => a - b)]);
    }
    expect(expected.length).toBeGreaterThan(50);
    expect(places(points)).toEqual(expected);
  });
});
