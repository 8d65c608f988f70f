import { describe, expect, it } from 'vitest';
import { cellsInside, pick, studyGrid, type MetreRing } from './study-area.ts';
import { giStarGrid, queenWindowSums } from './gistar.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): MetreRing => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const grid = { cellSize: 10, minCol: 0, minRow: 0, nCols: 6, nRows: 4 };
const picture = (mask: Uint8Array) =>
  Array.from({ length: grid.nRows }, (_, r) => Array.from(mask.slice(r * 6, r * 6 + 6)).join('')).reverse();

describe('cellsInside', () => {
  it('takes cells by their centre, with holes as holes', () => {
    const mask = cellsInside(grid, { polygons: [[rect(0, 0, 60, 40), rect(20, 10, 40, 30)]] });
    expect(picture(mask)).toEqual(['111111', '110011', '110011', '111111']);
  });

  it('joins polygons, and overlapping ones never cancel', () => {
    const mask = cellsInside(grid, { polygons: [[rect(0, 0, 30, 20)], [rect(20, 0, 60, 20)], [rect(56, 30, 60, 40)]] });
    // The last one holds no cell centre (x 56..60 misses 55), so it adds nothing.
    expect(picture(mask)).toEqual(['000000', '000000', '111111', '111111']);
  });
});

describe('Gi* within a study area', () => {
  it('uses only the inside cells as observations and neighbours', () => {
    const xs = [5, 5, 15, 25, 55, 55];
    const ys = [5, 15, 5, 5, 35, 35];
    const area = studyGrid(xs, ys, { cellSize: 10, studyArea: { polygons: [[rect(0, 0, 30, 20)]] } });
    expect(area).toMatchObject({ cells: 6, eventsOutside: 2 });
    const { weight } = queenWindowSums(area.grid, area.mask);
    // The cell at (0, 0) has 3 inside neighbours plus itself; cells beyond x = 30 have none inside.
    expect(weight[0]).toBe(4);
    const r = giStarGrid(area.grid, { mask: area.mask });
    expect(r.z.filter((_, i) => !area.mask![i]).every((z) => z === 0)).toBe(true);
    expect(r.q.filter((_, i) => !area.mask![i]).every((q) => q === 1)).toBe(true);
  });

  it('keeps lone reports from being hot with minCount', () => {
    // 900 empty cells and 3 lone reports far apart: analytic Gi* calls each window significant.
    const xs = [55, 155, 255];
    const ys = [55, 155, 255];
    const area = studyGrid(xs, ys, { cellSize: 10, bbox: { minX: 0, minY: 0, maxX: 299, maxY: 299 } });
    expect(giStarGrid(area.grid).hot.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(giStarGrid(area.grid, { minCount: 3 }).hot.reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('cellsInside on a 100 m grid', () => {
  const spec = { cellSize: 100, minCol: -1, minRow: -1, nCols: 12, nRows: 12 };
  const square = (a: number, b: number): MetreRing => [
    [a, a],
    [b, a],
    [b, b],
    [a, b],
    [a, a],
  ];

  it('takes the cells whose centre lies inside, holes left out', () => {
    const sum = (m: Uint8Array) => m.reduce((n, v) => n + v, 0);
    expect(sum(cellsInside(spec, { polygons: [[square(0, 1000)]] }))).toBe(100);
    expect(sum(cellsInside(spec, { polygons: [[square(0, 1000), square(400, 600)]] }))).toBe(96);
    // A triangle x + y < 1050: centres (i + 0.5, j + 0.5) x 100 with i + j + 1 < 10.5, i.e. i + j <= 9: 55 cells.
    expect(
      sum(
        cellsInside(spec, {
          polygons: [
            [
              [
                [0, 0],
                [1050, 0],
                [0, 1050],
                [0, 0],
              ],
            ],
          ],
        }),
      ),
    ).toBe(55);
    const mask = cellsInside(spec, { polygons: [[square(0, 1000)]] });
    expect(mask[0]).toBe(0);
    expect(mask[1 * 12 + 1]).toBe(1);
  });

  it('picks the masked cells in order', () => {
    expect(Array.from(pick(Float64Array.from([5, 6, 7, 8]), Uint8Array.from([1, 0, 1, 0])))).toEqual([5, 7]);
  });
});
