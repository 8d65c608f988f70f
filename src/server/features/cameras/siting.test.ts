import { describe, expect, it } from 'vitest';
import { busiestCells, COVERED_WEIGHT, HOTSPOT_WEIGHT, rankCandidates, type SitingPoint } from './siting.ts';

/** `n` points at (x, y) with a category. */
const at = (x: number, y: number, n: number, categoryCode = 'glaskross'): SitingPoint[] =>
  Array.from({ length: n }, () => ({ x, y, categoryCode }));

// A dense cluster at (1125, 1125) on an otherwise sparse 250 m grid; scattered single reports elsewhere.
const scattered = Array.from({ length: 40 }, (_, i) => ({
  x: 125 + (i % 8) * 500,
  y: 125 + Math.floor(i / 8) * 500 + 2500,
  categoryCode: 'nedskrapning',
}));
const points = [...at(1125, 1125, 12), ...at(1130, 1100, 3, 'anlagd-brand'), ...scattered];

describe('siting ranking', () => {
  it('ranks by reports within the radius, weighs hot spots up and covered places down, and gives the reasons', () => {
    const candidates = [
      { kind: 'place' as const, code: 'cluster', name: 'Torget', x: 1125, y: 1125 },
      { kind: 'place' as const, code: 'quiet', name: 'Skogen', x: 9000, y: 9000 },
      { kind: 'place' as const, code: 'covered', name: 'Stationen', x: 1140, y: 1125 },
    ];
    const cameras = [
      { id: 'c1', name: 'Kamera vid stationen', status: 'installed' as const, x: 1200, y: 1125 },
      // Only being assessed: a reason to show, not coverage.
      { id: 'c2', name: 'Förslag i skogen', status: 'assessing' as const, x: 9000, y: 9050 },
    ];
    const ranked = rankCandidates(candidates.slice(0, 2), points, [], { radius: 100, cellSize: 250 });
    expect(ranked.map((r) => r.code)).toEqual(['cluster', 'quiet']);
    const top = ranked[0]!;
    expect(top.reports).toBe(15);
    expect(top.byCategory).toEqual([
      { categoryCode: 'glaskross', count: 12 },
      { categoryCode: 'anlagd-brand', count: 3 },
    ]);
    expect(top.hotspot?.hot).toBe(true);
    expect(top.score).toBe(15 * HOTSPOT_WEIGHT);
    expect(ranked[1]).toMatchObject({ reports: 0, score: 0, hotspot: { hot: false } });

    const withCamera = rankCandidates(candidates, points, cameras, { radius: 100, cellSize: 250 });
    const covered = withCamera.find((r) => r.code === 'covered')!;
    expect(covered).toMatchObject({ covered: true, nearestCamera: { id: 'c1', distanceMetres: 60 } });
    expect(covered.score).toBe(15 * HOTSPOT_WEIGHT * COVERED_WEIGHT);
    expect(withCamera.find((r) => r.code === 'cluster')).toMatchObject({
      covered: true,
      nearestCamera: { distanceMetres: 75 },
    });
    expect(withCamera.find((r) => r.code === 'quiet')).toMatchObject({
      covered: false,
      nearestCamera: { id: 'c2', status: 'assessing', distanceMetres: 50 },
    });
  });

  it('says nothing about hot spots with fewer than two reports', () => {
    const ranked = rankCandidates([{ kind: 'place', code: 'p', name: 'P', x: 0, y: 0 }], at(0, 0, 1), [], {
      radius: 100,
      cellSize: 250,
    });
    expect(ranked[0]).toMatchObject({ reports: 1, hotspot: null, score: 1 });
  });

  it('offers the busiest grid cells by their centres', () => {
    expect(busiestCells(points, 250, 1)).toEqual([{ kind: 'cell', code: 'cell:4:4', name: '', x: 1125, y: 1125 }]);
  });
});
