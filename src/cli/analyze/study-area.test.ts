import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempFiles } from './cli-test-support.ts';
import { wgs84ToSweref99tm } from '../../analysis/projection.ts';

const files = tempFiles();
afterAll(() => files.remove());

/**
 * Two 2 x 2 km pieces of land with a 4 km lake between them, inside the points' bounding box. Land
 * cells hold 0-4 reports (mean 2); three by three cells on the western shore hold 3 each, well
 * within the land's own variation. Without a study area the lake's empty cells halve the mean, and
 * that shore looks like a hot spot.
 */
const X0 = 600_000;
const Y0 = 6_600_000;
function lakeside(): string {
  let s = 12345;
  const rnd = () => (s = (Math.imul(1103515245, s) + 12345) >>> 0) / 4294967296;
  const lines = ['x,y'];
  for (const dx of [0, 6000])
    for (let c = 0; c < 20; c++)
      for (let r = 0; r < 20; r++) {
        const shore = dx === 0 && c >= 17 && r >= 8 && r <= 10;
        const n = shore ? 3 : Math.floor(rnd() * 5);
        for (let k = 0; k < n; k++)
          lines.push(
            `${X0 + dx + c * 100 + 10 + Math.round(rnd() * 80)},${Y0 + r * 100 + 10 + Math.round(rnd() * 80)}`,
          );
      }
  return lines.join('\n') + '\n';
}
const square = (x0: number) => [
  [
    [x0, Y0],
    [x0 + 2000, Y0],
    [x0 + 2000, Y0 + 2000],
    [x0, Y0 + 2000],
    [x0, Y0],
  ],
];

interface Out {
  cells: { col: number; row: number; count: number; hot: boolean }[];
  studyArea?: { cells: number; excludedCells: number; eventsOutside: number };
}

describe('--study-area', () => {
  const input = files.write('lakeside.csv', lakeside());
  const land = files.write(
    'land.geojson',
    JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [square(X0), square(X0 + 6000)] },
    }),
  );
  const shore = (c: { col: number; row: number }) =>
    c.col - X0 / 100 >= 16 && c.col - X0 / 100 <= 19 && c.row - Y0 / 100 >= 7 && c.row - Y0 / 100 <= 11;

  it('makes a hot spot that only the empty lake created disappear', async () => {
    const base = ['hotspots', '--input', input, '--cell-size', '100', '--crs', 'projected'];
    const without = JSON.parse((await runCli(base)).out) as Out;
    expect(without.cells.filter((c) => c.hot && shore(c)).length).toBeGreaterThan(5);

    const r = await runCli([...base, '--study-area', land]);
    expect(r.code).toBe(0);
    const within = JSON.parse(r.out) as Out;
    expect(within.cells.filter((c) => c.hot)).toEqual([]);
    // Only the land's 800 cells are listed and tested; the lake's (and the grid's rim) are excluded.
    expect(within.cells).toHaveLength(800);
    expect(within.studyArea).toMatchObject({ cells: 800, excludedCells: 81 * 21 - 800, eventsOutside: 0 });
    expect(r.err).toMatch(/study area .*land\.geojson: 800 cells inside, 901 excluded/);
  });

  it('also clips density, evaluation and change, and reads WGS84 areas for SWEREF points', async () => {
    const kde = await runCli([
      'kde',
      '--input',
      input,
      '--cell-size',
      '100',
      '--bandwidth',
      '300',
      '--crs',
      'projected',
      '--study-area',
      land,
    ]);
    const raster = JSON.parse(kde.out) as { values: (number | null)[]; studyArea: { cells: number } };
    expect(raster.values.filter((v) => v !== null)).toHaveLength(800);

    // A WGS84 polygon around Huddinge's centre: lon/lat are projected like lat,lon input.
    const corners = [
      [17.95, 59.22],
      [18.0, 59.22],
      [18.0, 59.25],
      [17.95, 59.25],
      [17.95, 59.22],
    ];
    const wgs = files.write('wgs.geojson', JSON.stringify({ type: 'Polygon', coordinates: [corners] }));
    const inside = wgs84ToSweref99tm(59.235, 17.975);
    const outside = wgs84ToSweref99tm(59.3, 18.1);
    const points = files.write(
      'sweref.csv',
      `x,y\n${inside.x},${inside.y}\n${inside.x + 30},${inside.y}\n${inside.x},${inside.y + 40}\n${outside.x},${outside.y}\n`,
    );
    const h = JSON.parse(
      (await runCli(['hotspots', '--input', points, '--cell-size', '250', '--study-area', wgs])).out,
    ) as Out;
    expect(h.studyArea!.eventsOutside).toBe(1);
    expect(h.cells.reduce((n, c) => n + c.count, 0)).toBe(3);
    const projected = ['hotspots', '--input', input, '--cell-size', '100', '--crs', 'projected', '--study-area'];
    const mixed = await runCli([...projected, wgs]);
    expect([mixed.code, mixed.err]).toEqual([
      2,
      expect.stringMatching(/area is in longitude\/latitude but the points/),
    ]);
    const broken = files.write('broken.geojson', '{"type": "Point", "coordinates": [1, 2]}');
    const b = await runCli([...projected, broken]);
    expect([b.code, b.err]).toEqual([
      2,
      expect.stringMatching(/not a usable GeoJSON polygon: .*expected a Polygon or MultiPolygon, got Point/),
    ]);
  });
});
