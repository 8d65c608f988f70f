import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { integrateRaster, quarticKde, ruleOfThumbBandwidth } from './kde.ts';
import { contourPolygons } from './contour.ts';

describe('quartic KDE', () => {
  it('matches a hand-computed value: one point, cell centre 50 m away, h = 100 m', () => {
    // point (125, 75); cell (col 2, row 2) of 50 m has centre (125, 125): d = 50, (1 - (50/100)^2)^2 = 0.5625
    const r = quarticKde([125], [75], {
      cellSize: 50,
      bandwidth: 100,
      bbox: { minX: 0, minY: 0, maxX: 249, maxY: 249 },
    });
    expect(r.nCols).toBe(5);
    expect(r.values[2 * 5 + 2]).toBeCloseTo((3 / (Math.PI * 100 * 100)) * 0.5625, 18);
    // at the point's own cell centre (125, 75): d = 0 -> 3 / (pi h^2)
    expect(r.values[1 * 5 + 2]).toBeCloseTo(3 / (Math.PI * 1e4), 18);
    // a centre exactly h away gets nothing: (125, 175)? d = 100 -> 0
    expect(r.values[3 * 5 + 2]).toBe(0);
  });

  it('integrates to the number of points when the raster covers the kernels', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 5000, noNaN: true })),
          { minLength: 1, maxLength: 50 },
        ),
        (pts) => {
          const r = quarticKde(
            pts.map((p) => p[0]),
            pts.map((p) => p[1]),
            { cellSize: 20, bandwidth: 300 },
          );
          // midpoint rule on a smooth kernel with h = 15 cells: error well below 1 %
          expect(Math.abs(integrateRaster(r) - pts.length) / pts.length).toBeLessThan(0.01);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("uses ArcGIS's rule of thumb when no bandwidth is given", () => {
    // mean centre (2, 1.5), all distances 2.5: SD = Dm = 2.5 -> 0.9 * 2.5 * 4^-0.2
    expect(ruleOfThumbBandwidth([0, 4, 0, 4], [0, 0, 3, 3])).toBeCloseTo(0.9 * 2.5 * Math.pow(4, -0.2), 12);
    const r = quarticKde([0, 4, 0, 4], [0, 0, 3, 3], { cellSize: 0.5 });
    expect(r.bandwidthRule).toBe('arcgis-silverman');
  });
});

describe('contour polygons', () => {
  const raster = (nCols: number, nRows: number, values: number[]) => ({
    cellSize: 10,
    minCol: 0,
    minRow: 0,
    nCols,
    nRows,
    values: Float64Array.from(values),
  });

  it('a single peak gives one CCW diamond halfway to the neighbouring centres', () => {
    const r = raster(3, 3, [0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const [band] = contourPolygons(r, [0.5]);
    expect(band!.coordinates).toHaveLength(1);
    const ring = band!.coordinates[0]![0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const pts = ring
      .slice(0, -1)
      .map(([x, y]) => `${x},${y}`)
      .sort();
    expect(pts).toEqual(['10,15', '15,10', '15,20', '20,15']);
    let area = 0;
    for (let i = 0; i + 1 < ring.length; i++) area += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
    expect(area / 2).toBeCloseTo(50, 9); // diamond with half-diagonals 5 m
  });

  it('a ring of high cells gives a polygon with a hole', () => {
    const v = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    const [band] = contourPolygons(raster(5, 5, v), [0.5]);
    expect(band!.coordinates).toHaveLength(1);
    expect(band!.coordinates[0]).toHaveLength(2);
  });

  it('two separate peaks give two polygons; a level above the maximum gives none', () => {
    const v = [1, 0, 0, 0, 1];
    expect(contourPolygons(raster(5, 1, v), [0.5])[0]!.coordinates).toHaveLength(2);
    expect(contourPolygons(raster(5, 1, v), [2])[0]!.coordinates).toHaveLength(0);
  });
});
