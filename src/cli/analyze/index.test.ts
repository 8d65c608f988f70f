import { afterAll, describe, expect, it } from 'vitest';
import { knoxTest } from '../../analysis/knox.ts';
import { giStarHotspots } from '../../analysis/gistar.ts';
import { wgs84ToSweref99tm } from '../../analysis/projection.ts';
import { runCli as run, tempFiles } from './cli-test-support.ts';

const files = tempFiles();
afterAll(() => files.remove());
const csv = (name: string, text: string) => files.write(name, text);

/** Deterministic events around Huddinge (SWEREF 99 TM), with a cluster near-repeating in space and time. */
function huddingeEvents(n: number): { x: number; y: number; date: string }[] {
  const ev: { x: number; y: number; date: string }[] = [];
  let s = 99;
  const rnd = () => (s = (1103515245 * s + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < n; i++) {
    const cluster = i % 4 === 0;
    const x = cluster ? 670_000 + rnd() * 150 : 668_000 + rnd() * 4000;
    const y = cluster ? 6_570_000 + rnd() * 150 : 6_568_000 + rnd() * 4000;
    const day = cluster ? 10 + Math.floor(i / 40) : Math.floor(rnd() * 120);
    const d = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
    ev.push({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, date: d });
  }
  return ev;
}

describe('samtrygg analyze hotspots', () => {
  it('prints the contract JSON and equals the engine', async () => {
    const ev = huddingeEvents(300);
    const file = csv('h.csv', 'x,y\n' + ev.map((e) => `${e.x},${e.y}`).join('\n') + '\n');
    const r = await run(['hotspots', '--input', file, '--cell-size', '250', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { cellSize: number; cells: Record<string, unknown>[] };
    expect(json.cellSize).toBe(250);
    expect(Object.keys(json.cells[0]!).sort()).toEqual(['col', 'cold', 'count', 'hot', 'p', 'row', 'x', 'y', 'z']);
    const engine = giStarHotspots(
      ev.map((e) => e.x),
      ev.map((e) => e.y),
      { cellSize: 250 },
    );
    expect(json.cells).toEqual(JSON.parse(JSON.stringify(engine.cells)));
    expect(json.cells.some((c) => c.hot === true)).toBe(true);
    expect(r.err).toContain('hotspots:');
  });

  it('projects lat,lon and rejects coordinates outside SWEREF 99 TM with the line number', async () => {
    const ok = csv('ll.csv', 'lat,lon\n59.23,17.98\n59.24,17.99\n59.25,17.97\n59.23,17.98\n');
    const r = await run(['hotspots', '--input', ok, '--cell-size', '500']);
    expect(r.code).toBe(0);
    const first = wgs84ToSweref99tm(59.23, 17.98);
    const cells = (JSON.parse(r.out) as { cells: { col: number; row: number; count: number }[] }).cells;
    expect(cells.find((c) => c.col === Math.floor(first.x / 500) && c.row === Math.floor(first.y / 500))!.count).toBe(
      2,
    );

    const bad = csv('paris.csv', 'lat,lon\n59.23,17.98\n48.85,2.35\n');
    const b = await run(['hotspots', '--input', bad, '--cell-size', '500']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/line 3: .*outside SWEREF 99 TM/);

    const chicago = csv('chi.csv', 'x,y\n350353.4,578924.3\n355691.3,586715.6\n353206.9,584361.6\n');
    const c = await run(['hotspots', '--input', chicago, '--cell-size', '500']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/line 2: .*--crs projected/);
    expect((await run(['hotspots', '--input', chicago, '--cell-size', '500', '--crs', 'projected'])).code).toBe(0);
  });

  it('fails clearly on missing columns, bad rows, too few events and bad flags', async () => {
    const noCoords = csv('nc.csv', 'a,b\n1,2\n');
    let r = await run(['hotspots', '--input', noCoords, '--cell-size', '100']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/missing coordinate columns/)]);
    const badRow = csv('br.csv', 'x,y\n670000,6570000\n\n670010,abc\n');
    r = await run(['hotspots', '--input', badRow, '--cell-size', '100']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/line 4: cannot parse x,y/)]);
    const two = csv('two.csv', 'x,y\n670000,6570000\n670500,6570000\n');
    r = await run(['hotspots', '--input', two, '--cell-size', '100']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/too few events/)]);
    r = await run(['hotspots', '--input', two, '--cell-size=-5']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/--cell-size must be/)]);
    r = await run(['hotspots', '--input', two, '--cell-size', '100', '--bogus']);
    expect(r.code).toBe(2);
    r = await run(['hotspots', '--input', two, '--cell-size', '100', '--format', 'xml']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/--format must be json/)]);
    r = await run(['hotspots', '--input', files.path('nope.csv'), '--cell-size', '100']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/cannot read input file/)]);
  });

  it('has --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('samtrygg analyze hotspots --input F --cell-size M');
    const h = await run(['near-repeat', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--space-band M');
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

describe('samtrygg analyze near-repeat', () => {
  it('prints the Knox table, deterministic for a seed and equal to the engine', async () => {
    const ev = huddingeEvents(240);
    const file = csv('nr.csv', 'x,y,date\n' + ev.map((e) => `${e.x},${e.y},${e.date}`).join('\n') + '\n');
    const args = [
      'near-repeat',
      '--input',
      file,
      '--space-band',
      '100',
      '--space-bands',
      '2',
      '--time-band',
      '7',
      '--time-bands',
      '2',
      '--iterations',
      '49',
      '--seed',
      '5',
      '--format',
      'json',
    ];
    const a = await run(args);
    expect(a.code).toBe(0);
    const b = await run([...args, '--workers', '2']);
    expect(b.out).toBe(a.out);
    const json = JSON.parse(a.out) as {
      observed: number[][];
      expected: number[][];
      ratio: number[][];
      p: number[][];
      spaceBands: unknown[];
      timeBands: unknown[];
    };
    expect(json.spaceBands).toHaveLength(4);
    expect(json.timeBands).toHaveLength(3);
    const days = ev.map((e) => Date.parse(e.date) / 86_400_000);
    const engine = knoxTest(
      ev.map((e) => e.x),
      ev.map((e) => e.y),
      days,
      { spaceBand: 100, spaceBands: 2, timeBand: 7, timeBands: 2, iterations: 49, seed: 5 },
    );
    expect(json.observed).toEqual(engine.observed);
    expect(json.p).toEqual(engine.p);
    // The planted cluster repeats within 100 m and 7 days far more than chance.
    expect(json.ratio[1]![0]!).toBeGreaterThan(1.5);
    expect(json.p[1]![0]!).toBe(1 / 50);
  });

  it("reads the Chicago style dd/mm/yyyy column and ISO timestamps' written dates", async () => {
    const chi = csv(
      'chi2.csv',
      'x,y,date_single\n350353.4,578924.3,01/02/2014\n350353.4,578924.3,03/02/2014\n350400.4,578924.3,28/02/2014\n350900,579000,01/03/2014\n',
    );
    const r = await run([
      'near-repeat',
      '--input',
      chi,
      '--crs',
      'projected',
      '--date-column',
      'date_single',
      '--date-format',
      'dd/mm/yyyy',
      '--space-band',
      '100',
      '--space-bands',
      '1',
      '--time-band',
      '7',
      '--time-bands',
      '1',
      '--iterations',
      '9',
      '--seed',
      '1',
    ]);
    expect(r.code).toBe(0);
    const obs = (JSON.parse(r.out) as { observed: number[][] }).observed;
    // same location 2 days apart; 47 m apart 25 and 27 days apart; the far point ~505 m away is
    // 1 day after 28/02/2014 (not a leap year) and 26-28 days after the others
    expect(obs).toEqual([
      [1, 0],
      [0, 2],
      [1, 2],
    ]);
    const iso = csv(
      'iso.csv',
      'x,y,date\n670000,6570000,2026-03-01T23:30:00+01:00\n670000,6570000,2026-03-02T00:10:00+01:00\n670050,6570000,2026-03-20\n',
    );
    const r2 = await run([
      'near-repeat',
      '--input',
      iso,
      '--space-band',
      '100',
      '--space-bands',
      '1',
      '--time-band',
      '1',
      '--time-bands',
      '1',
      '--iterations',
      '9',
      '--seed',
      '1',
    ]);
    expect((JSON.parse(r2.out) as { observed: number[][] }).observed).toEqual([
      [1, 0],
      [0, 2],
      [0, 0],
    ]);
  });

  it('fails clearly on a missing date column, a bad date and too few events', async () => {
    const nodate = csv('nd.csv', 'x,y\n670000,6570000\n670010,6570000\n670020,6570000\n');
    const base = [
      '--space-band',
      '100',
      '--space-bands',
      '1',
      '--time-band',
      '7',
      '--time-bands',
      '1',
      '--iterations',
      '9',
      '--seed',
      '1',
    ];
    let r = await run(['near-repeat', '--input', nodate, ...base]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/missing date column "date"/)]);
    const baddate = csv(
      'bd.csv',
      'x,y,date\n670000,6570000,2026-01-01\n670010,6570000,2026-02-30\n670020,6570000,2026-01-03\n',
    );
    r = await run(['near-repeat', '--input', baddate, ...base]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/line 3: cannot parse date "2026-02-30"/)]);
    const few = csv('few.csv', 'x,y,date\n670000,6570000,2026-01-01\n670010,6570000,2026-01-02\n');
    r = await run(['near-repeat', '--input', few, ...base]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/too few events for a Knox test/)]);
    r = await run(['near-repeat', '--input', few, '--space-band', '100']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/missing required option --space-bands/)]);
  });
});

describe('samtrygg analyze kde and evaluate', () => {
  it('kde returns a raster and contour polygons', async () => {
    const ev = huddingeEvents(200);
    const file = csv('k.csv', 'x,y\n' + ev.map((e) => `${e.x},${e.y}`).join('\n') + '\n');
    const r = await run(['kde', '--input', file, '--cell-size', '100', '--bandwidth', '400', '--contours', '3']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      nCols: number;
      nRows: number;
      values: number[];
      contours: { level: number; coordinates: number[][][][] }[];
      bandwidth: number;
    };
    expect(json.values).toHaveLength(json.nCols * json.nRows);
    expect(json.bandwidth).toBe(400);
    const integral = json.values.reduce((a, b) => a + b, 0) * 0.01; // per km2 x 0.01 km2 per cell
    expect(integral).toBeCloseTo(200, 0);
    expect(json.contours).toHaveLength(3);
    expect(json.contours[2]!.coordinates.length).toBeGreaterThan(0);
  });

  it('evaluate scores period-1 hot spots on period 2', async () => {
    const ev = huddingeEvents(400);
    const file = csv('e.csv', 'x,y,date\n' + ev.map((e) => `${e.x},${e.y},${e.date}`).join('\n') + '\n');
    const r = await run(['evaluate', '--input', file, '--cell-size', '200', '--split-date', '2026-02-15']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { flaggedCells: number; hitRate: number; pai: number; pei: number; rri: number };
    expect(json.flaggedCells).toBeGreaterThan(0);
    expect(json.pai).toBeGreaterThan(1);
    expect(json.pei).toBeGreaterThan(0);
    expect(json.pei).toBeLessThanOrEqual(1);
    const t = await run([
      'evaluate',
      '--input',
      file,
      '--cell-size',
      '200',
      '--split-date',
      '2026-02-15',
      '--method',
      'top',
      '--top-share',
      '0.02',
    ]);
    expect(t.code).toBe(0);
    const bad = await run(['evaluate', '--input', file, '--cell-size', '200', '--split-date', '15/02/2026']);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--split-date must be YYYY-MM-DD/)]);
  });
});
