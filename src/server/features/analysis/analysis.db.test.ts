import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { lattice, plantReports, SKOGAS, WEST_SPOT, type PlantedReport } from './analysis.fixtures.ts';
import type { EvaluationView, HotspotsView, NearRepeatView, DensityView } from '../../../contracts/analysis.ts';
import { ANALYSIS_REQUESTS_PER_MINUTE } from './analysis.routes.ts';

const NOW = new Date('2026-11-18T10:00:00Z');
const daysAgo = (d: number, hours = 0) => new Date(NOW.getTime() - d * 86_400_000 - hours * 3_600_000);
const BOX = { minX: 666_000, minY: 6_561_000, maxX: 680_000, maxY: 6_574_000 };
const WITHDRAWN_SPOT = { x: 672_050, y: 6_571_050 };
const cellOf = (p: { x: number; y: number }, size = 100) => ({
  col: Math.floor(p.x / size),
  row: Math.floor(p.y / size),
});

/** `n` reports scattered within ±30 m of a spot (inside one 100 m cell), over the last `days` days. */
function cluster(
  spot: { x: number; y: number },
  n: number,
  firstDay: number,
  extra: Partial<PlantedReport> = {},
): PlantedReport[] {
  return Array.from({ length: n }, (_, i) => ({
    x: spot.x + ((i * 7) % 61) - 30,
    y: spot.y + ((i * 13) % 61) - 30,
    occurredAt: daysAgo(firstDay + i, 3),
    ...extra,
  }));
}

let ctx: TestContext;
let coordinator: Session;
let author: Session;
let otherReporter: Session;
let policeReader: Session;

beforeAll(async () => {
  ctx = await createTestContext({ now: NOW.toISOString() });
  const db = ctx.database.db;
  const [housing, property, municipality, police] = await Promise.all([
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'property'),
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'police'),
  ]);
  const [a, b, c, d] = await Promise.all([
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
    createUser(db, { role: 'rapportor', organisationId: property.id }),
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'lasare', organisationId: police.id }),
  ]);
  const nearRepeatPairs: PlantedReport[] = Array.from({ length: 12 }, (_, k) => {
    const spot = { x: 667_000 + (k % 4) * 3_000, y: 6_562_000 + Math.floor(k / 4) * 3_000 };
    const first = 5 + k * 28;
    return [
      { ...spot, occurredAt: daysAgo(first + 2), categoryCode: 'inbrott-stold' },
      { x: spot.x + 60, y: spot.y, occurredAt: daysAgo(first), categoryCode: 'inbrott-stold' },
    ];
  }).flat();
  await plantReports(db, { id: a.id, organisationId: housing.id }, [
    // Last four weeks: a background everywhere and a tight cluster at Skogås.
    ...lattice(30, BOX, (i) => daysAgo(1 + (i % 26))),
    ...cluster(SKOGAS, 12, 1),
    // Only the police, coordinators and the author see these.
    ...cluster(WEST_SPOT, 12, 1, { visibility: 'restricted' }),
    // Taken back by the author: evidence of nothing, for anyone.
    ...cluster(WITHDRAWN_SPOT, 12, 1, { status: 'withdrawn' }),
    // The four weeks before: the Skogås cluster was there already.
    ...lattice(15, BOX, (i) => daysAgo(30 + i)),
    ...cluster(SKOGAS, 12, 30),
    ...nearRepeatPairs,
    // Same count, no pairs closer than 3 km: nothing near-repeat about it.
    ...nearRepeatPairs
      .filter((_, i) => i % 2 === 0)
      .map((r, i) => ({ ...r, x: r.x + (i % 2) * 1_500, categoryCode: 'glaskross' })),
    ...nearRepeatPairs
      .filter((_, i) => i % 2 === 0)
      .map((r) => ({ ...r, y: r.y + 1_500, occurredAt: daysAgo(100), categoryCode: 'glaskross' })),
  ]);
  [author, otherReporter, coordinator, policeReader] = await Promise.all([
    login(ctx.app, a.email, a.password),
    login(ctx.app, b.email, b.password),
    login(ctx.app, c.email, c.password),
    login(ctx.app, d.email, d.password),
  ]);
});
afterAll(() => ctx.close());

const hotAt = (view: HotspotsView, spot: { x: number; y: number }) => {
  const { col, row } = cellOf(spot, view.cellSize);
  return view.cells.find((c) => c.col === col && c.row === row && c.hot);
};

describe('GET /api/analysis/hotspots', () => {
  it('finds the planted cluster as a hot cell and sends only significant cells, with WGS84 corners', async () => {
    const response = await as(ctx.app, coordinator).get(
      '/api/analysis/hotspots?weeks=4&categoryCodes=skadegorelse-klotter&cellSize=100',
    );
    expect(response.statusCode).toBe(200);
    const view = response.json() as HotspotsView;
    // 30 background + 12 Skogås + 12 restricted (the coordinator sees them); withdrawn never count.
    expect(view.events).toBe(54);
    const skogas = hotAt(view, SKOGAS);
    expect(skogas).toMatchObject({ count: 12, hot: true, cold: false });
    expect(skogas!.q).toBeLessThanOrEqual(0.05);
    // Named by area, so the result reads without the map.
    expect(skogas!.areaCode).toBe('skogas');
    expect(view.byArea.find((a) => a.areaCode === 'skogas')).toMatchObject({ name: 'Skogås', eventsInHotCells: 12 });
    expect(view.cells.every((c) => c.hot || c.cold)).toBe(true);
    expect(hotAt(view, WITHDRAWN_SPOT)).toBeUndefined();
    // The ring is closed, and Skogås C (59.21936 N, 18.15357 E) lies inside the cell's corners.
    const ring = skogas!.polygon;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    expect(Math.min(...lons)).toBeLessThan(18.15357);
    expect(Math.max(...lons)).toBeGreaterThan(18.15357);
    expect(Math.min(...lats)).toBeLessThan(59.21936);
    expect(Math.max(...lats)).toBeGreaterThan(59.21936);
    // Only the 3 x 3 windows touching the clusters can be hot.
    const near = (c: { col: number; row: number }, spot: { x: number; y: number }) =>
      Math.abs(c.col - cellOf(spot).col) <= 1 && Math.abs(c.row - cellOf(spot).row) <= 1;
    expect(view.cells.filter((c) => c.hot).every((c) => near(c, SKOGAS) || near(c, WEST_SPOT))).toBe(true);
  });

  it('does not call a lone report a hot spot (at least 3 reports in the window by default)', async () => {
    const url = '/api/analysis/hotspots?weeks=4&categoryCodes=skadegorelse-klotter&cellSize=50';
    const near = (c: { col: number; row: number }) =>
      [SKOGAS, WEST_SPOT].some(
        (spot) => Math.abs(c.col - cellOf(spot, 50).col) <= 2 && Math.abs(c.row - cellOf(spot, 50).row) <= 2,
      );
    const plain = (await as(ctx.app, coordinator).get(`${url}&minCount=0`)).json() as HotspotsView;
    expect(plain.cells.filter((c) => c.hot && !near(c)).length).toBeGreaterThan(0);
    const view = (await as(ctx.app, coordinator).get(url)).json() as HotspotsView;
    expect(view.minCount).toBe(3);
    expect(view.cells.filter((c) => c.hot && !near(c))).toEqual([]);
    expect(view.cells.filter((c) => c.hot).length).toBeGreaterThan(0);
  });

  it('counts only the reports the viewer may see', async () => {
    const query = '/api/analysis/hotspots?weeks=4&categoryCodes=skadegorelse-klotter';
    const [forOther, forAuthor] = await Promise.all([
      as(ctx.app, otherReporter).get(query),
      as(ctx.app, author).get(query),
    ]);
    const other = forOther.json() as HotspotsView;
    const own = forAuthor.json() as HotspotsView;
    expect(other.events).toBe(42);
    expect(hotAt(other, WEST_SPOT)).toBeUndefined();
    expect(hotAt(other, SKOGAS)).toBeDefined();
    // The author sees her own restricted reports; a police reader sees everything but withdrawn ones.
    expect(own.events).toBe(54);
    expect(hotAt(own, WEST_SPOT)).toBeDefined();
    const police = (await as(ctx.app, policeReader).get(query)).json() as HotspotsView;
    expect(police.events).toBe(54);
  });

  it('uses conditional permutations when asked, and says how small p can get', async () => {
    const url = '/api/analysis/hotspots?weeks=4&categoryCodes=skadegorelse-klotter&cellSize=250&permutations=99&seed=7';
    const response = await as(ctx.app, coordinator).get(url);
    expect(response.statusCode).toBe(200);
    const view = response.json() as HotspotsView;
    expect(view).toMatchObject({ permutations: 99, minPossibleP: 0.02 });
    // 0.02 x thousands of cells / a handful of hot ones > 0.05: after FDR nothing can pass.
    expect(view.hotCells).toBe(0);
    // The municipality's cells only: about 131 km² at 250 m is 2,100 cells (its bounding box has 4,700).
    expect(view.gridCells).toBeGreaterThan(1900);
    expect(view.gridCells).toBeLessThan(2300);
    expect(view.excludedCells).toBeGreaterThan(2000);
    const analytic = (
      await as(ctx.app, coordinator).get(url.replace('permutations=99', 'permutations=0'))
    ).json() as HotspotsView;
    expect(analytic.minPossibleP).toBeNull();
    expect(hotAt(analytic, SKOGAS)).toBeDefined();
  });

  it('answers 422 TOO_FEW_EVENTS when the selection holds too few reports', async () => {
    const response = await as(ctx.app, coordinator).get('/api/analysis/hotspots?weeks=4&categoryCodes=anlagd-brand');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'TOO_FEW_EVENTS', details: { events: 0, minimum: 10 } });
  });

  it('refuses more permutation work than one request may take', async () => {
    const response = await as(ctx.app, coordinator).get('/api/analysis/hotspots?weeks=4&cellSize=50&permutations=999');
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('ANALYSIS_TOO_LARGE');
  });

  it.each([
    ['cellSize=20', 'querystring.cellSize'],
    ['cellSize=5000', 'querystring.cellSize'],
    ['permutations=50', 'querystring.permutations'],
    ['alpha=0', 'querystring.alpha'],
    ['from=2026-10-01T00:00:00Z', 'querystring.to'],
    ['from=2026-11-01T00:00:00Z&to=2026-10-01T00:00:00Z', 'querystring.to'],
    ['weeks=4&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z', 'querystring.weeks'],
    ['categoryCodes=Not%20a%20code', 'querystring.categoryCodes.0'],
    ['colour=red', 'querystring'],
  ])('validates %s', async (params, path) => {
    const response = await as(ctx.app, coordinator).get(`/api/analysis/hotspots?${params}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION');
    expect(response.json().details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('names unknown categories and focus areas', async () => {
    const category = await as(ctx.app, coordinator).get(
      '/api/analysis/hotspots?categoryCodes=skadegorelse-klotter,no-such-thing',
    );
    expect(category.statusCode).toBe(400);
    expect(category.json().details[0]).toMatchObject({
      code: 'UNKNOWN_CATEGORY',
      message: 'unknown category: no-such-thing',
    });
    const focus = await as(ctx.app, coordinator).get('/api/analysis/hotspots?focusAreaCode=no-such-focus');
    expect(focus.json().details[0].code).toBe('UNKNOWN_FOCUS_AREA');
  });

  it('narrows by focus area, intersecting with the chosen categories', async () => {
    const base = '/api/analysis/hotspots?weeks=4';
    const [safety, both, other] = await Promise.all([
      as(ctx.app, coordinator).get(`${base}&focusAreaCode=trygghet-offentlig-miljo`),
      as(ctx.app, coordinator).get(`${base}&focusAreaCode=trygghet-offentlig-miljo&categoryCodes=skadegorelse-klotter`),
      as(ctx.app, coordinator).get(`${base}&focusAreaCode=andts&categoryCodes=skadegorelse-klotter`),
    ]);
    // Klotter and the recent near-repeat burglaries and broken glass are all in the public-space focus area.
    expect((safety.json() as HotspotsView).events).toBeGreaterThan(54);
    expect((both.json() as HotspotsView).events).toBe(54);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'TOO_FEW_EVENTS', details: { events: 0 } });
  });

  it('needs a login', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/analysis/hotspots' });
    expect(response.statusCode).toBe(401);
  });
});

describe('request budget', () => {
  it('limits each session, not the shared office address', async () => {
    // Invalid requests are cheap and still count: the budget is checked before anything else.
    const url = '/api/analysis/hotspots?cellSize=20';
    const org = await createOrganisation(ctx.database.db, 'housing');
    const user = await createUser(ctx.database.db, { role: 'lasare', organisationId: org.id });
    const busy = await login(ctx.app, user.email, user.password);
    for (let i = 0; i < ANALYSIS_REQUESTS_PER_MINUTE; i++)
      expect((await as(ctx.app, busy).get(url)).statusCode).toBe(400);
    const over = await as(ctx.app, busy).get(url);
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('RATE_LIMITED');
    expect((await as(ctx.app, otherReporter).get(url)).statusCode).toBe(400);
  });
});

describe('GET /api/analysis/density', () => {
  it('states the bandwidth rule and puts the densest contour around the cluster', async () => {
    const response = await as(ctx.app, coordinator).get(
      '/api/analysis/density?weeks=4&categoryCodes=skadegorelse-klotter',
    );
    expect(response.statusCode).toBe(200);
    const view = response.json() as DensityView;
    expect(view.bandwidthRule).toBe('arcgis-silverman');
    expect(view.bandwidth).toBeGreaterThan(0);
    expect(view.raster.values).toHaveLength(view.raster.nCols * view.raster.nRows);
    expect(view.contours.map((c) => c.share)).toEqual([0.2, 0.4, 0.6, 0.8]);
    const top = view.contours[3]!.geometry.coordinates.flat(2);
    const lons = top.map((p) => p[0]);
    const lats = top.map((p) => p[1]);
    // Both clusters (12 each) peak equally; one of the top polygons surrounds Skogås C.
    const aroundSkogas = view.contours[3]!.geometry.coordinates.some((polygon) => {
      const ring = polygon[0]!;
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      return (
        Math.min(...xs) < 18.15357 &&
        Math.max(...xs) > 18.15357 &&
        Math.min(...ys) < 59.21936 &&
        Math.max(...ys) > 59.21936
      );
    });
    expect(aroundSkogas).toBe(true);
    expect(lons.every((v) => v > 17.8 && v < 18.3) && lats.every((v) => v > 59.1 && v < 59.3)).toBe(true);
  });

  it('uses a given bandwidth', async () => {
    const view = (
      await as(ctx.app, coordinator).get('/api/analysis/density?weeks=4&bandwidth=300&cellSize=200')
    ).json() as DensityView;
    expect(view).toMatchObject({ bandwidth: 300, bandwidthRule: 'given', cellSize: 200 });
  });
});

describe('GET /api/analysis/near-repeat', () => {
  it('finds the planted near repeats and says so in plain words', async () => {
    const response = await as(ctx.app, coordinator).get(
      '/api/analysis/near-repeat?categoryCodes=inbrott-stold&iterations=99',
    );
    expect(response.statusCode).toBe(200);
    const view = response.json() as NearRepeatView;
    expect(view.events).toBe(24);
    expect(view.spaceBands[1]).toMatchObject({ min: 0, max: 200 });
    expect(view.timeBands[0]).toMatchObject({ min: 0, max: 7 });
    expect(view.observed[1]![0]).toBe(12);
    expect(view.ratio[1]![0]).toBeGreaterThan(5);
    expect(view.p[1]![0]).toBeCloseTo(0.01, 10);
    expect(view.verdict).toMatchObject({ metres: 200, days: 7 });
    expect(view.verdict!.sv).toContain(
      'Efter en händelse av typen Inbrott/stöld i Huddinge är risken för en ny händelse förhöjd inom 200 m under 7 dagar',
    );
    expect(view.verdict!.en).toContain('within 200 m for 7 days');
  });

  it('looks at the twelve months before `until`', async () => {
    // Until four months ago, only the pairs from 5 + 28k days ago with k >= 5 remain (14 events).
    const until = new Date(NOW.getTime() - 120 * 86_400_000).toISOString();
    const view = (
      await as(ctx.app, coordinator).get(`/api/analysis/near-repeat?categoryCodes=inbrott-stold&until=${until}`)
    ).json() as NearRepeatView;
    expect(view.period.to).toBe(until);
    expect(view.events).toBe(14);
    expect(view.observed[1]![0]).toBe(7);
  });

  it('gives no verdict when the test does not support one', async () => {
    const view = (
      await as(ctx.app, coordinator).get('/api/analysis/near-repeat?categoryCodes=glaskross')
    ).json() as NearRepeatView;
    expect(view.events).toBe(24);
    expect(view.observed[1]![0]).toBe(0);
    expect(view.verdict).toBeNull();
  });

  it('caps the iterations and needs enough events', async () => {
    expect((await as(ctx.app, coordinator).get('/api/analysis/near-repeat?iterations=5000')).statusCode).toBe(400);
    const few = await as(ctx.app, coordinator).get('/api/analysis/near-repeat?categoryCodes=anlagd-brand');
    expect(few.statusCode).toBe(422);
    expect(few.json().code).toBe('TOO_FEW_EVENTS');
  });
});

describe('GET /api/analysis/evaluation', () => {
  it("tests the earlier four weeks' hot spots against the last four weeks", async () => {
    const response = await as(ctx.app, coordinator).get(
      '/api/analysis/evaluation?weeks=4&categoryCodes=skadegorelse-klotter',
    );
    expect(response.statusCode).toBe(200);
    const view = response.json() as EvaluationView;
    expect(view.nextPeriod.to).toBe(NOW.toISOString());
    expect(view.period.to).toBe(view.nextPeriod.from);
    // 15 + 27 background reports and 12 + 12 at Skogås (+ 12 restricted ones the coordinator sees);
    // the few background reports in cells whose centre lies outside the boundary are left out.
    expect(view.period1Events + view.period2Events + view.eventsOutside).toBe(27 + 54);
    expect(view.eventsOutside).toBeGreaterThan(0);
    expect(view.eventsOutside).toBeLessThan(20);
    expect(view.period2InFlagged).toBe(12);
    expect(view.hitRate).toBeCloseTo(12 / view.period2Events, 12);
    expect(view.pai).toBeCloseTo(12 / view.period2Events / view.areaShare, 6);
    expect(view.pai!).toBeGreaterThan(10);
    // The area is the municipality (about 131 km² of land and lakes), not its bounding box.
    const cellKm2 = (view.cellSize / 1000) ** 2;
    expect(view.cells * cellKm2).toBeGreaterThan(110);
    expect(view.cells * cellKm2).toBeLessThan(190);
  });

  it('counts the same cells as the hot-spot map, the municipality not its bounding box', async () => {
    const query = 'weeks=4&categoryCodes=skadegorelse-klotter&cellSize=250';
    const [map, evaluation] = await Promise.all([
      as(ctx.app, coordinator).get(`/api/analysis/hotspots?${query}`),
      as(ctx.app, coordinator).get(`/api/analysis/evaluation?${query}`),
    ]);
    const hotspots = map.json() as HotspotsView;
    const view = evaluation.json() as EvaluationView;
    expect(view.cells).toBe(hotspots.gridCells);
    expect(view.excludedCells).toBe(hotspots.excludedCells);
    const density = (await as(ctx.app, coordinator).get(`/api/analysis/density?${query}`)).json() as DensityView;
    expect(density.raster.values.filter((v) => v !== null)).toHaveLength(hotspots.gridCells);
  });

  it('needs a period that has ended', async () => {
    const response = await as(ctx.app, coordinator).get(
      '/api/analysis/evaluation?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z',
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('NO_FOLLOWING_PERIOD');
  });
});
