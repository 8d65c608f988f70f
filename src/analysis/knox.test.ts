import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { knoxTest, spatialBandOf, temporalBandOf, type DistanceMetric } from './knox.ts';
import { knoxTestParallel, splitRange } from './knox-parallel.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const ref = JSON.parse(readFileSync(path.join(repoRoot, 'test/reference/analysis/knox_reference.json'), 'utf8')) as {
  events: { x: number; y: number; day: number }[];
  cases: {
    spaceBand: number;
    spaceBands: number;
    timeBand: number;
    timeBands: number;
    distance: DistanceMetric;
    nrcCompatible: boolean;
    observed: number[][];
  }[];
};
const nrcRef = JSON.parse(
  readFileSync(path.join(repoRoot, 'test/reference/analysis/nrc_chicago_2016.json'), 'utf8'),
) as {
  settings: { spaceBand: number; spaceBands: number; timeBand: number; timeBands: number };
  observed: number[][];
};
const chicago = path.resolve(repoRoot, '../shared/data/chicago/chicago_burglary_2014_2017.csv');

describe('Knox observed table', () => {
  const xs = ref.events.map((e) => e.x);
  const ys = ref.events.map((e) => e.y);
  const ds = ref.events.map((e) => e.day);
  for (const c of ref.cases) {
    it(`equals the brute-force Python count (${c.distance}, M=${c.spaceBand} K=${c.spaceBands} D=${c.timeBand} L=${c.timeBands}, nrc=${c.nrcCompatible})`, () => {
      const r = knoxTest(xs, ys, ds, { ...c, iterations: 9, seed: 1 });
      expect(r.observed).toEqual(c.observed);
    });
  }

  it.skipIf(!existsSync(chicago))(
    "nrcCompatible reproduces the Near Repeat Calculator 1.3's published observed table (Chicago 2016)",
    () => {
      const lines = readFileSync(chicago, 'utf8').trim().split('\n').slice(1);
      const x: number[] = [];
      const y: number[] = [];
      const d: number[] = [];
      for (const line of lines) {
        const [sx, sy, sd] = line.split(',');
        const [dd, mm, yy] = sd!.split('/').map(Number);
        if (yy !== 2016) continue;
        // The NRC works on coordinates with one decimal (see its verbose output's source listing).
        x.push(Math.round(Number(sx) * 10) / 10);
        y.push(Math.round(Number(sy) * 10) / 10);
        d.push(Date.UTC(yy, mm! - 1, dd!) / 86_400_000);
      }
      expect(x.length).toBe(11_701);
      const r = knoxTest(x, y, d, { ...nrcRef.settings, iterations: 1, seed: 1, nrcCompatible: true });
      expect(r.observed).toEqual(nrcRef.observed);
    },
  );

  it('bands follow the contract at their edges', () => {
    expect([0, 0.001, 100, 100.001, 500, 500.5].map((d) => spatialBandOf(d, 100, 5, false))).toEqual([
      0, 1, 1, 2, 5, 6,
    ]);
    expect([0, 7, 8, 14, 15, 35, 36].map((t) => temporalBandOf(t, 7, 5, false))).toEqual([0, 0, 1, 1, 2, 4, 5]);
    expect([0, 99.9, 100, 500].map((d) => spatialBandOf(d, 100, 5, true))).toEqual([0, 1, 2, 6]);
    expect([0, 6, 7, 34, 35].map((t) => temporalBandOf(t, 7, 5, true))).toEqual([0, 0, 1, 4, 5]);
  });
});

describe('Knox properties', () => {
  const eventsArb = fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 800 }),
      y: fc.integer({ min: 0, max: 800 }),
      day: fc.integer({ min: 0, max: 90 }),
    }),
    { minLength: 3, maxLength: 120 },
  );
  const settingsArb = fc.record({
    spaceBand: fc.integer({ min: 1, max: 300 }),
    spaceBands: fc.integer({ min: 1, max: 5 }),
    timeBand: fc.integer({ min: 1, max: 14 }),
    timeBands: fc.integer({ min: 1, max: 5 }),
    nrcCompatible: fc.boolean(),
    distance: fc.constantFrom<DistanceMetric>('euclidean', 'manhattan'),
  });

  it('observed and every permuted table sum to n(n-1)/2; p in (0, 1]; same seed same output', () => {
    fc.assert(
      fc.property(eventsArb, settingsArb, fc.integer(), (ev, s, seed) => {
        const x = ev.map((e) => e.x);
        const y = ev.map((e) => e.y);
        const d = ev.map((e) => e.day);
        const opts = { ...s, iterations: 19, seed };
        const r = knoxTest(x, y, d, opts);
        const n = ev.length;
        const total = (n * (n - 1)) / 2;
        const sum = (t: number[][]) => t.flat().reduce((a, b) => a + b, 0);
        expect(sum(r.observed)).toBe(total);
        expect(sum(r.expected)).toBeCloseTo(total, 6);
        for (const p of r.p.flat()) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(knoxTest(x, y, d, opts)).toEqual(r);
      }),
      { numRuns: 60 },
    );
  });

  it('splitRange covers every iteration exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 16 }), (n, parts) => {
        const ranges = splitRange(n, parts);
        let next = 0;
        for (const [a, b] of ranges) {
          expect(a).toBe(next);
          next = b;
        }
        expect(next).toBe(n);
      }),
    );
  });
});

describe('Knox on worker threads', () => {
  it('gives output identical to the single-thread path, and the workers really start under vitest', async () => {
    const x = ref.events.map((e) => e.x);
    const y = ref.events.map((e) => e.y);
    const d = ref.events.map((e) => e.day);
    const opts = { spaceBand: 50, spaceBands: 3, timeBand: 7, timeBands: 2, iterations: 40, seed: 42 };
    const single = knoxTest(x, y, d, opts);
    const notes: string[] = [];
    const parallel = await knoxTestParallel(x, y, d, { ...opts, workers: 2, onProgress: (m) => notes.push(m) });
    expect(notes.filter((m) => m.includes('unavailable'))).toEqual([]);
    expect(parallel.workers).toBe(2);
    const { workers: _w, ...rest } = parallel;
    expect(rest).toEqual(single);
    const three = await knoxTestParallel(x, y, d, { ...opts, workers: 3 });
    expect(three.expected).toEqual(single.expected);
    expect(three.p).toEqual(single.p);
  });
});
