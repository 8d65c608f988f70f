import { randomBytes } from 'node:crypto';
import type { Geometry, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import { countRows, snapshotTable } from '../../../../test/support/matrix.ts';

let ctx: TestContext;
let admin: Session;
let reporter: Session;

const unique = () => randomBytes(4).toString('hex');
const get = (url: string) => ctx.app.inject({ method: 'GET', url });

// Generous box around Huddinge kommun (WGS84): lon 17.88–18.18, lat 59.15–59.28.
const HUDDINGE = { minLon: 17.8, maxLon: 18.25, minLat: 59.1, maxLat: 59.33 };
const SEEDED_AREAS = [
  'flemingsberg',
  'huddinge-centrum',
  'segeltorp',
  'sjodalen-fullersta',
  'skogas',
  'stuvsta-snattringe',
  'trangsund',
  'varby-masmo',
  'ovriga-huddinge',
];
const SKOGAS_STATION = { lat: 59.219357, lon: 18.153572 };
const FLEMINGSBERG_STATION = { lat: 59.219261, lon: 17.947842 };

beforeAll(async () => {
  ctx = await createTestContext();
  const organisation = await createOrganisation(ctx.database.db, 'municipality');
  const [adminUser, reporterUser] = await Promise.all([
    createUser(ctx.database.db, { role: 'admin', organisationId: organisation.id }),
    createUser(ctx.database.db, { role: 'rapportor', organisationId: organisation.id }),
  ]);
  [admin, reporter] = await Promise.all([
    login(ctx.app, adminUser.email, adminUser.password),
    login(ctx.app, reporterUser.email, reporterUser.password),
  ]);
});
afterAll(() => ctx?.close());

function positions(geometry: Geometry): Position[] {
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  throw new Error(`unexpected geometry ${geometry.type}`);
}

async function state(table: 'organisations' | 'focus_areas' | 'categories' | 'places' | 'areas' | 'municipalities') {
  return { rows: await snapshotTable(ctx.database.db, table), audit: await countRows(ctx.database.db, 'audit_log') };
}

async function lastAudit() {
  return ctx.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}

describe('reading reference data (no login needed)', () => {
  it.each(['/api/organisations', '/api/focus-areas', '/api/categories', '/api/areas', '/api/places'])(
    '%s lists items with id, code and name',
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      const items = response.json() as { id: unknown; code: unknown; name: unknown }[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item).toMatchObject({ id: expect.any(String), code: expect.any(String), name: expect.any(String) });
      }
      expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    },
  );

  it("holds Huddinge's seeded partners, focus areas and categories", async () => {
    const organisations = (await get('/api/organisations')).json() as { code: string; kind: string }[];
    const codes = organisations.map((o) => o.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'huddinge-kommun',
        'huge-bostader',
        'polisen-huddinge',
        'sbff',
        'huddinge-samhallsfastigheter',
        'kriminalvarden',
      ]),
    );
    expect(organisations.find((o) => o.code === 'polisen-huddinge')!.kind).toBe('police');

    const focusAreas = (await get('/api/focus-areas')).json() as { code: string }[];
    expect(focusAreas.map((f) => f.code)).toEqual([
      'gangkriminalitet',
      'trygghet-offentlig-miljo',
      'vald-i-nara-relationer',
      'andts',
    ]);

    const categories = (await get('/api/categories')).json() as { code: string; focusAreaCode: string }[];
    expect(categories.length).toBeGreaterThanOrEqual(14);
    const focusCodes = new Set(focusAreas.map((f) => f.code));
    for (const category of categories) expect(focusCodes.has(category.focusAreaCode), category.code).toBe(true);
    expect(categories.find((c) => c.code === 'skadegorelse-klotter')!.focusAreaCode).toBe('trygghet-offentlig-miljo');
  });

  it('lists the nine areas with WGS84 Polygon/MultiPolygon geometries inside Huddinge', async () => {
    const areas = (await get('/api/areas')).json() as { code: string; geometry: Geometry }[];
    expect(areas.map((a) => a.code).sort()).toEqual([...SEEDED_AREAS].sort());
    for (const area of areas) {
      expect(['Polygon', 'MultiPolygon']).toContain(area.geometry.type);
      for (const [lon, lat] of positions(area.geometry)) {
        expect(lon).toBeGreaterThan(HUDDINGE.minLon);
        expect(lon).toBeLessThan(HUDDINGE.maxLon);
        expect(lat).toBeGreaterThan(HUDDINGE.minLat);
        expect(lat).toBeLessThan(HUDDINGE.maxLat);
      }
    }
  });

  it('lists places with their area, Flemingsberg C among them', async () => {
    const places = (await get('/api/places')).json() as {
      code: string;
      areaCode: string | null;
      lat: number;
      lon: number;
    }[];
    expect(places.find((p) => p.code === 'flemingsberg-c')).toMatchObject({
      areaCode: 'flemingsberg',
      lat: expect.closeTo(59.2193, 3),
    });
  });

  it('describes the municipality without internal settings', async () => {
    const response = await get('/api/municipality');
    expect(response.statusCode).toBe(200);
    const municipality = response.json();
    expect(municipality).toMatchObject({
      code: '0126',
      name: 'Huddinge kommun',
      mapCenter: { lat: 59.232, lon: 18.02 },
    });
    expect(['Polygon', 'MultiPolygon']).toContain(municipality.boundary.type);
    expect(municipality).not.toHaveProperty('areaToleranceMetres');
  });
});

describe('admin edits', () => {
  it('adds and renames an organisation, audited; a taken code answers 409 CODE_TAKEN', async () => {
    const code = `partner-${unique()}`;
    const created = await as(ctx.app, admin).post('/api/organisations', {
      code,
      name: 'Huddinge Fastighetsägare',
      shortName: 'HF',
      kind: 'property',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code, name: 'Huddinge Fastighetsägare', kind: 'property', active: true });
    expect(await lastAudit()).toMatchObject({ action: 'organisation.create', actor_user_id: admin.userId });

    const renamed = await as(ctx.app, admin).patch(`/api/organisations/${code}`, { name: 'Fastighetsägarna Huddinge' });
    expect(renamed.statusCode).toBe(200);
    const listed = (await get('/api/organisations')).json() as { code: string; name: string }[];
    expect(listed.find((o) => o.code === code)!.name).toBe('Fastighetsägarna Huddinge');
    expect(await lastAudit()).toMatchObject({
      action: 'organisation.update',
      entity_id: created.json().id,
      summary: { before: { name: 'Huddinge Fastighetsägare' }, after: { name: 'Fastighetsägarna Huddinge' } },
    });

    const before = await state('organisations');
    const taken = await as(ctx.app, admin).post('/api/organisations', {
      code,
      name: 'Dubblett',
      shortName: 'D',
      kind: 'other',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('CODE_TAKEN');
    expect((await as(ctx.app, admin).patch('/api/organisations/finns-inte', { name: 'X' })).statusCode).toBe(404);
    const badKind = await as(ctx.app, admin).post('/api/organisations', {
      code: `x-${unique()}`,
      name: 'X',
      shortName: 'X',
      kind: 'club',
    });
    expect(badKind.statusCode).toBe(400);
    expect(await state('organisations')).toEqual(before);
  });

  it('recolours a focus area, audited; an invalid colour answers 400', async () => {
    const response = await as(ctx.app, admin).patch('/api/focus-areas/andts', { color: '#123abc' });
    expect(response.statusCode).toBe(200);
    expect(
      ((await get('/api/focus-areas')).json() as { code: string; color: string }[]).find((f) => f.code === 'andts')!
        .color,
    ).toBe('#123abc');
    expect(await lastAudit()).toMatchObject({ action: 'focus-area.update', summary: { after: { color: '#123abc' } } });

    const before = await state('focus_areas');
    const invalid = await as(ctx.app, admin).patch('/api/focus-areas/andts', { color: 'red' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().details[0].path).toBe('body.color');
    expect((await as(ctx.app, admin).patch('/api/focus-areas/finns-inte', { color: '#000000' })).statusCode).toBe(404);
    expect(await state('focus_areas')).toEqual(before);
  });

  it('adds a category under a focus area, moves and retires it, audited; a retired category takes no new reports', async () => {
    const code = `kat-${unique()}`;
    const created = await as(ctx.app, admin).post('/api/categories', {
      code,
      name: 'Eldning',
      nameEn: 'Fires',
      focusAreaCode: 'andts',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code,
      name: 'Eldning',
      focusAreaCode: 'andts',
      description: '',
      active: true,
    });
    expect(await lastAudit()).toMatchObject({ action: 'category.create' });

    const moved = await as(ctx.app, admin).patch(`/api/categories/${code}`, {
      focusAreaCode: 'trygghet-offentlig-miljo',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().focusAreaCode).toBe('trygghet-offentlig-miljo');
    expect((await as(ctx.app, reporter).post('/api/reports', reportBody({ categoryCode: code }))).statusCode).toBe(201);

    const retired = await as(ctx.app, admin).patch(`/api/categories/${code}`, { active: false });
    expect(retired.statusCode).toBe(200);
    expect(await lastAudit()).toMatchObject({
      action: 'category.update',
      entity_id: created.json().id,
      summary: { after: { active: false } },
    });
    const refused = await as(ctx.app, reporter).post('/api/reports', reportBody({ categoryCode: code }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].code).toBe('UNKNOWN_CATEGORY');
  });

  it('refuses a category with a taken code (409) or an unknown focus area (400), changing nothing', async () => {
    const before = await state('categories');
    const taken = await as(ctx.app, admin).post('/api/categories', {
      code: 'glaskross',
      name: 'X',
      nameEn: 'X',
      focusAreaCode: 'andts',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('CODE_TAKEN');
    const unknown = await as(ctx.app, admin).post('/api/categories', {
      code: `k-${unique()}`,
      name: 'X',
      nameEn: 'X',
      focusAreaCode: 'finns-inte',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0]).toMatchObject({ path: 'body.focusAreaCode', code: 'UNKNOWN_FOCUS_AREA' });
    const badCode = await as(ctx.app, admin).post('/api/categories', {
      code: 'Med Mellanslag',
      name: 'X',
      nameEn: 'X',
      focusAreaCode: 'andts',
    });
    expect(badCode.statusCode).toBe(400);
    expect(await state('categories')).toEqual(before);
  });

  it('adds a place and finds its area by position, audited; outside the municipality answers 422', async () => {
    const code = `plats-${unique()}`;
    const created = await as(ctx.app, admin).post('/api/places', {
      code,
      name: 'Skogås torg',
      kind: 'square',
      ...SKOGAS_STATION,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code, areaCode: 'skogas', approximate: false });
    expect(((await get('/api/places')).json() as { code: string }[]).map((p) => p.code)).toContain(code);
    expect(await lastAudit()).toMatchObject({ action: 'place.create', actor_user_id: admin.userId });

    const before = await state('places');
    const outside = await as(ctx.app, admin).post('/api/places', {
      code: `plats-${unique()}`,
      name: 'Sergels torg',
      kind: 'square',
      lat: 59.3326,
      lon: 18.0649,
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('OUTSIDE_MUNICIPALITY');
    const taken = await as(ctx.app, admin).post('/api/places', {
      code: 'flemingsberg-c',
      name: 'X',
      kind: 'station',
      ...FLEMINGSBERG_STATION,
    });
    expect(taken.statusCode).toBe(409);
    expect(await state('places')).toEqual(before);
  });
});

describe('replacing the areas', () => {
  it('answers 422 INVALID_AREAS listing every problem, and changes nothing', async () => {
    const square = (lon: number, lat: number, size = 0.01) => [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ];
    const upload = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Utan kod' },
          geometry: { type: 'Polygon', coordinates: [square(17.95, 59.2)] },
        },
        {
          type: 'Feature',
          properties: { code: 'a', name: 'A' },
          geometry: { type: 'Polygon', coordinates: [square(17.99, 59.2)] },
        },
        {
          type: 'Feature',
          properties: { code: 'a', name: 'A igen' },
          geometry: { type: 'Polygon', coordinates: [square(18.03, 59.2)] },
        },
        {
          type: 'Feature',
          properties: { code: 'oppen', name: 'Öppen' },
          geometry: { type: 'Polygon', coordinates: [square(18.07, 59.2).slice(0, 4)] },
        },
        {
          type: 'Feature',
          properties: { code: 'punkt', name: 'Punkt' },
          geometry: { type: 'Point', coordinates: [18.0, 59.2] },
        },
        {
          type: 'Feature',
          properties: { code: 'over', name: 'Överlapp' },
          geometry: { type: 'Polygon', coordinates: [square(17.995, 59.205)] },
        },
      ],
    };
    const before = await state('areas');
    const response = await as(ctx.app, admin).put('/api/areas', upload);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('INVALID_AREAS');
    const problems = body.details.problems as { featureIndex?: number; code: string; message: string }[];
    expect(problems.map((p) => [p.featureIndex, p.code])).toEqual(
      expect.arrayContaining([
        [0, 'MISSING_CODE'],
        [2, 'DUPLICATE_CODE'],
        [3, 'RING_NOT_CLOSED'],
        [4, 'UNSUPPORTED_GEOMETRY'],
        [5, 'AREAS_OVERLAP'],
      ]),
    );
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
    expect(await state('areas')).toEqual(before);

    const notACollection = await as(ctx.app, admin).put('/api/areas', {
      type: 'Polygon',
      coordinates: [square(18, 59.2)],
    });
    expect(notACollection.statusCode).toBe(422);
    expect(notACollection.json().details.problems[0].code).toBe('NOT_A_FEATURE_COLLECTION');
    expect(await state('areas')).toEqual(before);
  });

  it('with a valid replacement, lists the new areas, retires the missing ones, assigns new reports to the new areas and keeps old reports as they were', async () => {
    const original = (await get('/api/areas')).json() as { code: string; name: string; geometry: Geometry }[];
    const oldReport = (
      await as(ctx.app, reporter).post('/api/reports', reportBody({ location: SKOGAS_STATION }))
    ).json();
    expect(oldReport.areaCode).toBe('skogas');

    // Two rectangles that split the municipality at 18.0° E and share that edge.
    const rectangle = (west: number, east: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [west, 59.1],
          [east, 59.1],
          [east, 59.33],
          [west, 59.33],
          [west, 59.1],
        ],
      ],
    });
    const upload = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'vastra-huddinge', name: 'Västra Huddinge' },
          geometry: rectangle(17.8, 18.0),
        },
        {
          type: 'Feature',
          properties: { code: 'ostra-huddinge', name: 'Östra Huddinge' },
          geometry: rectangle(18.0, 18.25),
        },
      ],
    };
    const response = await as(ctx.app, admin).put('/api/areas', upload);
    expect(response.statusCode).toBe(200);
    expect(response.json().map((a: { code: string }) => a.code)).toEqual(['vastra-huddinge', 'ostra-huddinge']);
    expect(((await get('/api/areas')).json() as { code: string }[]).map((a) => a.code)).toEqual([
      'vastra-huddinge',
      'ostra-huddinge',
    ]);
    expect(await lastAudit()).toMatchObject({
      action: 'area.replace-all',
      actor_user_id: admin.userId,
      summary: { after: ['vastra-huddinge', 'ostra-huddinge'] },
    });
    // Retired, not deleted: old reports keep their area.
    const retired = await ctx.database.db
      .selectFrom('areas')
      .select(['code', 'active'])
      .where('code', 'in', SEEDED_AREAS)
      .execute();
    expect(retired).toHaveLength(SEEDED_AREAS.length);
    expect(retired.every((a) => !a.active)).toBe(true);
    expect((await as(ctx.app, reporter).get(`/api/reports/${oldReport.id}`)).json().areaCode).toBe('skogas');

    const east = await as(ctx.app, reporter).post('/api/reports', reportBody({ location: SKOGAS_STATION }));
    const west = await as(ctx.app, reporter).post('/api/reports', reportBody({ location: FLEMINGSBERG_STATION }));
    expect([east.statusCode, west.statusCode]).toEqual([201, 201]);
    expect([east.json().areaCode, west.json().areaCode]).toEqual(['ostra-huddinge', 'vastra-huddinge']);
    const filtered = (await as(ctx.app, reporter).get('/api/reports?areaCode=ostra-huddinge')).json();
    expect(filtered.items.map((r: { id: string }) => r.id)).toEqual([east.json().id]);

    // Uploading the original set again brings the retired areas back and retires the two.
    const restore = await as(ctx.app, admin).put('/api/areas', {
      type: 'FeatureCollection',
      features: original.map((a) => ({
        type: 'Feature',
        properties: { code: a.code, name: a.name },
        geometry: a.geometry,
      })),
    });
    expect(restore.statusCode).toBe(200);
    expect(((await get('/api/areas')).json() as { code: string }[]).map((a) => a.code)).toEqual(
      original.map((a) => a.code),
    );
    expect(
      (await as(ctx.app, reporter).post('/api/reports', reportBody({ location: SKOGAS_STATION }))).json().areaCode,
    ).toBe('skogas');
  });
});

describe('replacing the municipal boundary', () => {
  it('accepts a polygon, audited, and refuses projected coordinates with 422 INVALID_BOUNDARY, changing nothing', async () => {
    const current = (await get('/api/municipality')).json().boundary;
    const ok = await as(ctx.app, admin).put('/api/municipality/boundary', {
      type: 'Feature',
      properties: {},
      geometry: current,
    });
    expect(ok.statusCode).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'municipality.replace-boundary' });

    const before = await state('municipalities');
    const projected = await as(ctx.app, admin).put('/api/municipality/boundary', {
      type: 'Polygon',
      coordinates: [
        [
          [670000, 6570000],
          [680000, 6570000],
          [680000, 6580000],
          [670000, 6570000],
        ],
      ],
    });
    expect(projected.statusCode).toBe(422);
    expect(projected.json()).toMatchObject({
      code: 'INVALID_BOUNDARY',
      details: { problems: [{ code: 'PROJECTED_COORDINATES' }] },
    });
    expect(await state('municipalities')).toEqual(before);
  });
});
