import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { giStarGrid, giStarHotspots, giStarZ, queenWindowSums, type BinaryWeights } from './gistar.ts';
import { countPoints, gridFromPoints } from './grid.ts';

const refPath = fileURLToPath(new URL('../../test/reference/analysis/gistar_reference.json', import.meta.url));
const ref = JSON.parse(readFileSync(refPath, 'utf8')) as {
  esda: { y: number[]; neighbours: number[][]; z: number[]; esdaPublishedZ0: number };
  grid: {
    cellSize: number;
    points: [number, number][];
    cells: { col: number; row: number; count: number; z: number }[];
  };
};

function csr(neighbours: number[][]): BinaryWeights {
  const offsets = new Int32Array(neighbours.length + 1);
  const indices: number[] = [];
  neighbours.forEach((nb, i) => {
    indices.push(...nb);
    offsets[i + 1] = indices.length;
  });
  return { offsets, indices: Int32Array.from(indices) };
}

describe('Gi* against reference implementations', () => {
  it("matches PySAL esda's published Gi* z (G_Local, transform B, star) for its DistanceBand example", () => {
    const z = giStarZ(ref.esda.y, csr(ref.esda.neighbours));
    expect(Math.abs(z[0]! - ref.esda.esdaPublishedZ0)).toBeLessThan(1e-6);
    ref.esda.z.forEach((zr, i) => expect(Math.abs(z[i]! - zr)).toBeLessThan(1e-9));
  });

  it('matches the independent brute-force Python Gi* on a grid (queen incl. self, empty cells included)', () => {
    const xs = ref.grid.points.map((p) => p[0]);
    const ys = ref.grid.points.map((p) => p[1]);
    const res = giStarHotspots(xs, ys, { cellSize: ref.grid.cellSize });
    expect(res.cells.length).toBe(ref.grid.cells.length);
    const byKey = new Map(res.cells.map((c) => [`${c.col},${c.row}`, c]));
    for (const rc of ref.grid.cells) {
      const c = byKey.get(`${rc.col},${rc.row}`)!;
      expect(c.count).toBe(rc.count);
      expect(Math.abs(c.z - rc.z)).toBeLessThan(1e-6);
      expect(c.x).toBe(rc.col * ref.grid.cellSize);
      expect(c.y).toBe(rc.row * ref.grid.cellSize);
    }
    // The generator concentrates points in one corner, so something must be hot.
    expect(res.cells.some((c) => c.hot)).toBe(true);
  });

  it('queen window sizes are 9 inside, 6 on edges, 4 in corners', () => {
    const { weight } = queenWindowSums({
      cellSize: 1,
      minCol: 0,
      minRow: 0,
      nCols: 4,
      nRows: 3,
      counts: new Float64Array(12),
    });
    expect(Array.from(weight)).toEqual([4, 6, 6, 4, 6, 9, 9, 6, 4, 6, 6, 4]);
  });

  it('constant counts give z = 0 and p = 1 instead of NaN', () => {
    const grid = countPoints(gridFromPoints([5, 15, 25], [5, 5, 5], 10), [5, 15, 25], [5, 5, 5]);
    const r = giStarGrid(grid);
    expect(Array.from(r.z)).toEqual([0, 0, 0]);
    expect(Array.from(r.p)).toEqual([1, 1, 1]);
  });
});

describe('Gi* properties', () => {
  const pointsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 })), {
    minLength: 5,
    maxLength: 80,
  });

  it('is invariant to translating all points by whole cells', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), (pts, dc, dr) => {
        const m = 250;
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        const a = giStarHotspots(xs, ys, { cellSize: m });
        const b = giStarHotspots(
          xs.map((x) => x + dc * m),
          ys.map((y) => y + dr * m),
          { cellSize: m },
        );
        expect(b.cells.length).toBe(a.cells.length);
        a.cells.forEach((c, i) => {
          const d = b.cells[i]!;
          expect(d.col).toBe(c.col + dc);
          expect(d.row).toBe(c.row + dr);
          expect(d.count).toBe(c.count);
          expect(d.z).toBeCloseTo(c.z, 12);
          expect(d.hot).toBe(c.hot);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('permutation p-values lie in (0, 1] and the same seed gives the same output', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer(), fc.integer({ min: 1, max: 60 }), (pts, seed, perms) => {
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        const a = giStarHotspots(xs, ys, { cellSize: 300, permutations: perms, seed });
        const b = giStarHotspots(xs, ys, { cellSize: 300, permutations: perms, seed });
        for (const c of a.cells) {
          expect(c.p).toBeGreaterThan(0);
          expect(c.p).toBeLessThanOrEqual(1);
        }
        expect(b.cells.map((c) => c.p)).toEqual(a.cells.map((c) => c.p));
      }),
      { numRuns: 30 },
    );
  });

  it('conditional permutation p is minimal for a cluster whose neighbours are all high', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 400; i++) {
      xs.push((i * 37) % 2000);
      ys.push((i * 53) % 2000);
    }
    // 3 x 3 cells around (10, 10) with 20 points each: conditional randomisation keeps the centre
    // fixed, so only high neighbours (not a single spike) make the centre significant.
    for (let i = 0; i < 180; i++) {
      xs.push(905 + (i % 3) * 100 + (i % 7));
      ys.push(905 + (Math.floor(i / 3) % 3) * 100 + (i % 5));
    }
    const perm = giStarHotspots(xs, ys, { cellSize: 100, permutations: 199, seed: 7 });
    const hot = perm.cells.find((c) => c.col === 10 && c.row === 10)!;
    expect(hot.z).toBeGreaterThan(5);
    expect(hot.p).toBe(2 / 200); // no permutation reaches the observed sum: 2 * (1 + 0) / (1 + 199)
    // 199 permutations cannot survive BH over 400 cells (min q = 0.01 * 400 / #ties); analytic can.
    const analytic = giStarHotspots(xs, ys, { cellSize: 100 });
    expect(analytic.cells.find((c) => c.col === 10 && c.row === 10)!.hot).toBe(true);
  });
});

describe('Gi* permutations on worker threads', () => {
  it('give p-values identical to the single-thread path, with the workers really running', async () => {
    const { giStarHotspotsParallel } = await import('./gistar-parallel.ts');
    const xs = ref.grid.points.map((p) => p[0]);
    const ys = ref.grid.points.map((p) => p[1]);
    const opts = { cellSize: ref.grid.cellSize, permutations: 99, seed: 11 };
    const single = giStarHotspots(xs, ys, opts);
    const notes: string[] = [];
    const par = await giStarHotspotsParallel(xs, ys, { ...opts, workers: 2, onProgress: (m) => notes.push(m) });
    expect(notes.filter((m) => m.includes('unavailable'))).toEqual([]);
    expect(par.workers).toBe(2);
    expect(par.cells).toEqual(single.cells);
  });
});

describe('permutation draw arithmetic', () => {
  it('v - floor(v / r) * r equals v % r for all 32-bit v (the sampler relies on it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4294967295 }), fc.integer({ min: 1, max: 2 ** 31 }), (v, r) => {
        expect(v - Math.floor(v / r) * r).toBe(v % r);
      }),
      { numRuns: 2000 },
    );
  });
});
