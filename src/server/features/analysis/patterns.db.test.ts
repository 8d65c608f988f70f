import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { lattice, plantReports, SKOGAS } from './analysis.fixtures.ts';
import type { ConcentrationView, EmergingView, HotspotsView } from '../../../contracts/analysis.ts';

const NOW = new Date('2026-11-18T10:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000 - 3 * 3_600_000);
const CLUSTER = { x: SKOGAS.x, y: SKOGAS.y - 125 };
const BOX = { minX: 666_000, minY: 6_561_000, maxX: 680_000, maxY: 6_574_000 };

let ctx: TestContext;
let reader: Session;

beforeAll(async () => {
  ctx = await createTestContext({ now: NOW.toISOString() });
  const db = ctx.database.db;
  const org = await createOrganisation(db, 'housing');
  const user = await createUser(db, { role: 'lasare', organisationId: org.id });
  await plantReports(db, { id: user.id, organisationId: org.id }, [
    // Twelve weeks of a scattered background, ten reports a week.
    ...lattice(120, BOX, (i) => daysAgo(1 + ((i * 37) % 83))),
    // The last three weeks only: eight a week within 40 m at Skogås (all in one 250 m cell).
    ...Array.from({ length: 24 }, (_, i) => ({
      x: CLUSTER.x + ((i * 7) % 41) - 20,
      y: CLUSTER.y + ((i * 13) % 41) - 20,
      occurredAt: daysAgo(1 + Math.floor(i / 8) * 7 + (i % 6)),
    })),
    // Named places: ten at Flemingsberg C, three at Stuvsta station.
    ...Array.from({ length: 13 }, (_, i) => ({
      x: 669_000 + i * 5,
      y: 6_566_000,
      occurredAt: daysAgo(2 + i),
      placeCode: i < 10 ? 'flemingsberg-c' : 'stuvsta-station',
      categoryCode: 'glaskross',
    })),
  ]);
  reader = await login(ctx.app, user.email, user.password);
});
afterAll(() => ctx.close());

describe('GET /api/analysis/emerging', () => {
  it('finds the cluster of the last three weeks as a consecutive hot spot, by weeks ending today', async () => {
    const response = await as(ctx.app, reader).get(
      '/api/analysis/emerging?weeks=12&categoryCodes=skadegorelse-klotter',
    );
    expect(response.statusCode).toBe(200);
    const view = response.json() as EmergingView;
    expect(view.steps).toHaveLength(12);
    expect(view.steps.at(-1)).toEqual({ from: '2026-11-12', to: '2026-11-18' });
    const col = Math.floor(CLUSTER.x / view.cellSize);
    const row = Math.floor(CLUSTER.y / view.cellSize);
    expect(view.cells.find((c) => c.col === col && c.row === row)).toMatchObject({
      category: 'consecutive-hot',
      hotBins: 3,
      count: 24,
      areaCode: 'skogas',
    });
    expect(Object.values(view.categories).reduce((a, b) => a + b, 0)).toBe(view.gridCells);
    expect(view.cells.every((c) => c.category !== 'none')).toBe(true);
    // The same study-area cells as the hot-spot map.
    const map = (
      await as(ctx.app, reader).get('/api/analysis/hotspots?weeks=12&categoryCodes=skadegorelse-klotter')
    ).json() as HotspotsView;
    expect(view.gridCells).toBe(map.gridCells);
  });

  it('needs five time steps and enough reports', async () => {
    const short = await as(ctx.app, reader).get('/api/analysis/emerging?weeks=12&interval=month');
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'TOO_FEW_TIME_STEPS', details: { steps: 4, minimum: 5 } });
    const few = await as(ctx.app, reader).get('/api/analysis/emerging?weeks=12&categoryCodes=anlagd-brand');
    expect(few.json().code).toBe('TOO_FEW_EVENTS');
    expect((await as(ctx.app, reader).get('/api/analysis/emerging?interval=day')).statusCode).toBe(400);
  });
});

describe('GET /api/analysis/concentration', () => {
  it('measures concentration over the municipality cells the map uses', async () => {
    const view = (
      await as(ctx.app, reader).get('/api/analysis/concentration?weeks=12&categoryCodes=skadegorelse-klotter')
    ).json() as ConcentrationView;
    const map = (
      await as(ctx.app, reader).get('/api/analysis/hotspots?weeks=12&categoryCodes=skadegorelse-klotter')
    ).json() as HotspotsView;
    expect(view.units).toBe(map.gridCells);
    expect(view.events + view.eventsOutside).toBe(144);
    expect(view.shares.map((s) => s.units)).toEqual([0.01, 0.05, 0.1].map((s) => Math.ceil(s * view.units)));
    // The Skogås cell alone holds 24 of the reports.
    expect(view.top[0]).toMatchObject({ count: 24, areaCode: 'skogas', label: 'Skogås' });
    expect(view.shares[0]!.events).toBeGreaterThanOrEqual(24);
    expect(view.gini).toBeGreaterThan(0.5);
    expect(view.lorenz).toHaveLength(101);
    // Fewer reports than cells: the generalised Gini measures against the most even spread possible.
    expect(view.generalizedGini).toBeLessThan(view.gini);
  });

  it('or over the named places, counting reports without a place apart', async () => {
    const view = (
      await as(ctx.app, reader).get('/api/analysis/concentration?weeks=12&unit=places')
    ).json() as ConcentrationView;
    expect(view).toMatchObject({ unit: 'places', cellSize: null, units: 16, events: 13, eventsOutside: 144 });
    expect(view.top).toEqual([
      { label: 'Flemingsberg C', count: 10, polygon: null, areaCode: null },
      { label: 'Stuvsta station', count: 3, polygon: null, areaCode: null },
    ]);
    expect(view.shares[1]).toMatchObject({ units: 1, events: 10 });
  });
});
