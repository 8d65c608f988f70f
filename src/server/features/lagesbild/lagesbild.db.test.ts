import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import { wgs84ToSweref99tm } from '../../../analysis/projection.ts';
import { shiftWeek } from '../../../contracts/iso-week.ts';
import type { LagesbildView, WeekMapView } from '../../../contracts/lagesbild.ts';
import { byText } from '../../../../test/support/sort.ts';

let ctx: TestContext;
let coordinator: Session;
let reporter: Session;
let reporterId: string;
let otherAuthorId: string;
let orgId: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-18T10:00:00Z' });
  const db = ctx.database.db;
  const [municipality, housing] = await Promise.all([
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'housing'),
  ]);
  const users = await Promise.all([
    createUser(db, { role: 'samordnare', organisationId: municipality.id, name: 'Sam Ordnare' }),
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
    createUser(db, { role: 'lasare', organisationId: housing.id }),
    createUser(db, { role: 'rapportor', organisationId: municipality.id }),
  ]);
  [coordinator, reporter] = (await Promise.all(users.slice(0, 2).map((u) => login(ctx.app, u.email, u.password)))) as [
    Session,
    Session,
  ];
  reporterId = users[1].id;
  otherAuthorId = users[3].id;
  orgId = housing.id;
});
afterAll(() => ctx.close());

interface Seeded {
  occurredAt: Date;
  areaCode: string;
  categoryCode: string;
  visibility: 'partnership' | 'restricted';
  status: 'new' | 'withdrawn';
  authorId: string;
}

/** Inserts reports directly (times in the past are the point here, not the filing rules). */
async function insertReports(reports: Seeded[]) {
  const db = ctx.database.db;
  const [areas, categories] = await Promise.all([
    db.selectFrom('areas').select(['id', 'code']).execute(),
    db.selectFrom('categories').select(['id', 'code']).execute(),
  ]);
  const areaId = new Map(areas.map((a) => [a.code, a.id]));
  const categoryId = new Map(categories.map((c) => [c.code, c.id]));
  const { x, y } = wgs84ToSweref99tm(59.219357, 18.153572);
  for (let i = 0; i < reports.length; i += 200) {
    await db
      .insertInto('reports')
      .values(
        reports.slice(i, i + 200).map((r, k) => ({
          category_id: categoryId.get(r.categoryCode)!,
          organisation_id: orgId,
          author_id: r.authorId,
          occurred_at: r.occurredAt,
          lat: 59.219357,
          lon: 18.153572,
          // Spread far apart so these never form recurring places.
          x: x + (i + k) * 1000,
          y,
          area_id: areaId.get(r.areaCode)!,
          target: 'public-space' as const,
          description: 'Testrapport',
          severity: 'medium' as const,
          visibility: r.visibility,
          status: r.status,
          created_at: r.occurredAt,
        })),
      )
      .execute();
  }
}

/** Independent week of an instant: the Swedish calendar date by Intl, then its ISO week. */
const swedishDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' });
const weekCache = new Map<number, string>();
function swedishWeek(instant: Date): string {
  const cached = weekCache.get(instant.getTime());
  if (cached) return cached;
  const date = swedishDate.format(instant);
  const d = DateTime.fromISO(date, { zone: 'utc' });
  const week = `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
  weekCache.set(instant.getTime(), week);
  return week;
}

function expected(
  reports: Seeded[],
  week: string,
  see: (r: Seeded) => boolean,
  key: (r: Seeded) => string,
  value: string,
) {
  const weekCount = (w: string) =>
    reports.filter((r) => r.status !== 'withdrawn' && see(r) && key(r) === value && swedishWeek(r.occurredAt) === w)
      .length;
  const baseline = Array.from({ length: 8 }, (_, i) => weekCount(shiftWeek(week, -8 + i)));
  return {
    count: weekCount(week),
    previousCount: weekCount(shiftWeek(week, -1)),
    baselineMean: baseline.reduce((a, b) => a + b, 0) / 8,
  };
}

describe('compiled figures', () => {
  const areas = ['skogas', 'flemingsberg', 'varby-masmo'];
  const categories = ['skadegorelse-klotter', 'anlagd-brand', 'glaskross'];
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    // Deterministic spread over 2025-W40 .. 2026-W45, plus reports one millisecond either side of
    // local midnight at every Monday boundary, in winter and summer time.
    let state = 42;
    const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const start = Date.parse('2025-09-29T00:00:00+02:00');
    const end = Date.parse('2026-11-09T00:00:00+01:00');
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const author = () => (rand() < 0.2 ? reporterId : otherAuthorId);
    const make = (occurredAt: Date): Seeded => ({
      occurredAt,
      areaCode: pick(areas),
      categoryCode: pick(categories),
      visibility: rand() < 0.25 ? 'restricted' : 'partnership',
      status: rand() < 0.1 ? 'withdrawn' : 'new',
      authorId: author(),
    });
    for (let i = 0; i < 700; i++) seeded.push(make(new Date(start + rand() * (end - start))));
    for (let week = '2025-W41'; week !== '2026-W46'; week = shiftWeek(week, 1)) {
      const monday = DateTime.fromISO(`${week}-1`, { zone: 'Europe/Stockholm' }).startOf('day').toMillis();
      seeded.push(make(new Date(monday - 1)), make(new Date(monday)), make(new Date(monday + 1)));
    }
    await insertReports(seeded);
  });

  // W03 winter; W13 contains the spring change (23 h Sunday); W14 right after; W44 contains the autumn change.
  for (const week of ['2026-W03', '2026-W13', '2026-W14', '2026-W44']) {
    it(`matches an independent count for ${week}, for a coordinator and for a reporter`, async () => {
      const cases: [Session, (r: Seeded) => boolean][] = [
        [coordinator, () => true],
        [reporter, (r) => r.visibility === 'partnership' || r.authorId === reporterId],
      ];
      for (const [session, see] of cases) {
        const response = await as(ctx.app, session).get(`/api/lagesbild/${week}`);
        expect(response.statusCode).toBe(200);
        const picture = response.json() as LagesbildView;
        expect(picture).toMatchObject({ week, status: 'draft', version: 1 });
        for (const code of areas) {
          const row = picture.byArea.find((a) => a.areaCode === code)!;
          expect({ count: row.count, previousCount: row.previousCount, baselineMean: row.baselineMean }).toEqual(
            expected(seeded, week, see, (r) => r.areaCode, code),
          );
        }
        for (const code of categories) {
          const row = picture.byCategory.find((c) => c.categoryCode === code)!;
          expect({ count: row.count, previousCount: row.previousCount, baselineMean: row.baselineMean }).toEqual(
            expected(seeded, week, see, (r) => r.categoryCode, code),
          );
        }
        const all = expected(seeded, week, see, () => 'x', 'x');
        expect(picture.total).toBe(all.count);
        expect(picture.byArea.reduce((s, a) => s + a.count, 0)).toBe(all.count);
        expect(picture.byArea.find((a) => a.areaCode === 'skogas')!.series.map((s) => s.week)).toEqual(
          Array.from({ length: 8 }, (_, i) => shiftWeek(week, i - 7)),
        );
      }
    });
  }

  it('counts a report at 00:00 on Monday in the new week and one a millisecond earlier in the old', async () => {
    const picture = (await as(ctx.app, coordinator).get('/api/lagesbild/2026-W14')).json() as LagesbildView;
    const boundary = new Date(picture.from);
    expect(boundary.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(swedishWeek(boundary)).toBe('2026-W14');
    expect(swedishWeek(new Date(boundary.getTime() - 1))).toBe('2026-W13');

    const category = 'nedskrapning';
    const counted = async (week: string) =>
      (
        (await as(ctx.app, coordinator).get(`/api/lagesbild/${week}?live=true`)).json() as LagesbildView
      ).byCategory.find((c) => c.categoryCode === category)?.count ?? 0;
    const [w13Before, w14Before] = [await counted('2026-W13'), await counted('2026-W14')];
    for (const at of [boundary, new Date(boundary.getTime() - 1)]) {
      const filed = await as(ctx.app, reporter).post(
        '/api/reports',
        reportBody({ occurredAt: at.toISOString(), categoryCode: category }),
      );
      expect(filed.statusCode).toBe(201);
    }
    expect([(await counted('2026-W13')) - w13Before, (await counted('2026-W14')) - w14Before]).toEqual([1, 1]);
  });
});

describe('recurring places and notable changes', () => {
  it('marks two reports within 100 m in the last four weeks, not one 150 m away', async () => {
    const near = await as(ctx.app, reporter).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-11-17T20:00:00+01:00', location: { lat: 59.2301, lon: 17.9801 } }),
    );
    const near2 = await as(ctx.app, reporter).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-10-30T20:00:00+01:00', location: { lat: 59.2305, lon: 17.9805 } }),
    );
    const far = await as(ctx.app, reporter).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-11-16T20:00:00+01:00', location: { lat: 59.2315, lon: 17.9818 } }),
    );
    expect([near.statusCode, near2.statusCode, far.statusCode]).toEqual([201, 201, 201]);
    const picture = (await as(ctx.app, coordinator).get('/api/lagesbild/2026-W47')).json() as LagesbildView;
    const place = picture.recurringPlaces.find((p) => p.reportIds.includes(near.json().id))!;
    expect(place.reportIds.sort(byText)).toEqual([near.json().id as string, near2.json().id as string].sort(byText));
    expect(picture.recurringPlaces.some((p) => p.reportIds.includes(far.json().id))).toBe(false);
    // The map points come with their own request; the week's only, not the four weeks'.
    const map = (await as(ctx.app, coordinator).get('/api/lagesbild/2026-W47/map')).json() as WeekMapView;
    expect(map).toMatchObject({ week: '2026-W47', status: 'draft', reportsTruncated: false });
    expect(map.reports.map((r) => r.id)).toEqual(expect.arrayContaining([near.json().id, far.json().id]));
    expect(map.reports.map((r) => r.id)).not.toContain(near2.json().id);
    // Positions and times survive the aggregated transfer exactly.
    expect(map.reports.find((r) => r.id === near.json().id)).toMatchObject({
      lat: 59.2301,
      lon: 17.9801,
      occurredAt: '2026-11-17T19:00:00.000Z',
      areaCode: 'huddinge-centrum',
    });
    expect(picture.changeMethod).toMatchObject({ test: 'poisson-exact', correction: 'benjamini-hochberg' });
  });
});
