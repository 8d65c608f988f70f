import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findOverlaps, MAX_OVERLAP_PROBLEMS } from './area-overlaps.ts';

const polygon = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
const entry = (code: string, geometry: Polygon, featureIndex: number) => ({
  featureIndex,
  area: { code, name: code, geometry },
});
/** An ellipse of `n` vertices around (lon, lat), about 2 x 2 km at Huddinge's latitude. */
const ellipse = (lon: number, lat: number, n = 200) =>
  polygon(
    Array.from({ length: n }, (_, k) => [
      lon + 0.02 * Math.cos((2 * Math.PI * k) / n),
      lat + 0.01 * Math.sin((2 * Math.PI * k) / n),
    ]),
  );
const square = (lon: number, lat: number, size: number) =>
  polygon([
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
  ]);
const options = { toleranceSquareMetres: 1 };

describe('findOverlaps', () => {
  it('finds an area wholly inside another, though their boundaries never meet', async () => {
    const problems = await findOverlaps(
      [entry('outer', square(18, 59, 0.1), 0), entry('inner', square(18.02, 59.02, 0.01), 1)],
      options,
    );
    expect(problems).toMatchObject([{ code: 'AREAS_OVERLAP', featureIndex: 1 }]);
  });

  it('passes neighbours that share an edge and shapes whose boxes overlap but which do not', async () => {
    // Two interlocking L shapes: each box covers the other's corner, the shapes only touch.
    const lower = polygon([
      [18, 59],
      [18.2, 59],
      [18.2, 59.1],
      [18.1, 59.1],
      [18.1, 59.05],
      [18, 59.05],
    ]);
    const upper = polygon([
      [18, 59.05],
      [18.1, 59.05],
      [18.1, 59.1],
      [18.2, 59.1],
      [18.2, 59.2],
      [18, 59.2],
    ]);
    const apart = polygon([
      [18.15, 59.12],
      [18.19, 59.12],
      [18.19, 59.19],
    ]);
    expect(await findOverlaps([entry('lower', lower, 0), entry('upper', upper, 1)], options)).toEqual([]);
    expect(await findOverlaps([entry('lower', lower, 0), entry('a', square(18.2, 59, 0.1), 1)], options)).toEqual([]);
    // `apart` lies in upper's box and in a notch of it; it overlaps upper, not lower.
    expect(
      (await findOverlaps([entry('lower', lower, 0), entry('upper', upper, 1), entry('apart', apart, 2)], options)).map(
        (p) => p.featureIndex,
      ),
    ).toEqual([2]);
  });

  it('stops listing after the cap for an upload of 150 mutually overlapping 200-vertex areas', async () => {
    const entries = Array.from({ length: 150 }, (_, i) =>
      entry(`omrade-${i}`, ellipse(17.95 + (i % 10) * 0.003, 59.22 + Math.floor(i / 10) * 0.002), i),
    );
    const problems = await findOverlaps(entries, options);
    expect(problems).toHaveLength(MAX_OVERLAP_PROBLEMS + 1);
    expect(problems.at(-1)).toMatchObject({
      code: 'AREAS_OVERLAP',
      message: expect.stringMatching(/^Fler än 20 överlapp/),
    });
  });

  it('lets other work run while it checks (it yields to the event loop)', async () => {
    // A dozen overlapping ellipses: 66 polygon intersections, well over one slice of work.
    const entries = Array.from({ length: 12 }, (_, i) => entry(`omrade-${i}`, ellipse(17.95 + i * 0.003, 59.22), i));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      await findOverlaps(entries, { ...options, maxProblems: 1000 });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});
