import { describe, expect, it } from 'vitest';
import { findRecurringPlaces, type PlacePoint } from './recurring-places.ts';

const at = (id: string, x: number, y: number, day = 1): PlacePoint => ({
  id,
  x,
  y,
  lat: 59 + y / 1e6,
  lon: 18 + x / 1e6,
  areaId: 'a',
  categoryId: 'c',
  occurredAt: new Date(Date.UTC(2026, 10, day)),
});

describe('recurring places', () => {
  it('groups reports within 100 m and leaves lone reports out', () => {
    const places = findRecurringPlaces([at('a', 0, 0), at('b', 60, 80), at('c', 1000, 1000), at('d', 5000, 0), at('e', 5000, 99.9)], 100);
    expect(places.map((p) => p.members.map((m) => m.id).sort())).toEqual([['a', 'b'], ['d', 'e']]);
  });

  it('does not count a report 100.1 m away', () => {
    expect(findRecurringPlaces([at('a', 0, 0), at('b', 100.1, 0)], 100)).toEqual([]);
  });

  it('does not chain a line of reports into one place, and no report is in two places', () => {
    const line = Array.from({ length: 7 }, (_, i) => at(`p${i}`, i * 90, 0));
    const places = findRecurringPlaces(line, 100);
    const members = places.flatMap((p) => p.members.map((m) => m.id));
    expect(new Set(members).size).toBe(members.length);
    for (const place of places) {
      expect(place.members.length).toBeLessThanOrEqual(3);
      for (const m of place.members) expect(Math.hypot(m.x - place.leader.x, m.y - place.leader.y)).toBeLessThanOrEqual(100);
    }
  });

  it('is independent of input order', () => {
    const points = [at('a', 0, 0), at('b', 50, 0), at('c', 100, 0), at('d', 150, 0), at('e', 400, 400), at('f', 420, 410)];
    const key = (ps: PlacePoint[]) => findRecurringPlaces(ps, 100).map((p) => p.members.map((m) => m.id).sort().join(',')).sort();
    expect(key([...points].reverse())).toEqual(key(points));
  });
});
