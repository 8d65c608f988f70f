import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import type { LagesbildView } from '../../../contracts/lagesbild.ts';
import { weekOf } from '../../../contracts/iso-week.ts';

/**
 * `report_week_counts` is kept by triggers on `reports`; whatever happens to reports, it must equal
 * a count made from scratch, or the picture's figures drift from the reports behind them.
 */
let ctx: TestContext;
let coordinator: Session;
let reporter: Session;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-18T10:00:00Z' });
  const db = ctx.database.db;
  const [municipality, housing] = await Promise.all([
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'housing'),
  ]);
  const [c, r] = await Promise.all([
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
  ]);
  [coordinator, reporter] = await Promise.all([
    login(ctx.app, c.email, c.password),
    login(ctx.app, r.email, r.password),
  ]);
});
afterAll(() => ctx.close());

/** The kept table and a count from scratch, both as sorted "week|area|category|visibility=n" lines. */
async function keptAndRecounted() {
  const db = ctx.database.db;
  const kept = await db
    .selectFrom('report_week_counts')
    .select(['week', 'area_id', 'category_id', 'visibility', 'n'])
    .where('n', '>', 0)
    .execute();
  const recounted = await sql<{ week: string; area_id: string; category_id: string; visibility: string; n: number }>`
    select to_char(occurred_at at time zone 'Europe/Stockholm', 'IYYY-"W"IW') as week, area_id, category_id, visibility, count(*)::int as n
    from reports where status <> 'withdrawn' group by 1, 2, 3, 4`.execute(db);
  const lines = (rows: { week: string; area_id: string; category_id: string; visibility: string; n: number }[]) =>
    rows.map((r) => `${r.week}|${r.area_id}|${r.category_id}|${r.visibility}=${Number(r.n)}`).sort();
  return { kept: lines(kept), recounted: lines(recounted.rows) };
}

async function expectInStep() {
  const { kept, recounted } = await keptAndRecounted();
  expect(recounted.length).toBeGreaterThan(0);
  expect(kept).toEqual(recounted);
}

const skogas = (picture: LagesbildView) => picture.byArea.find((a) => a.areaCode === 'skogas')!;

describe('report_week_counts', () => {
  it('follows filing, correction, review and withdrawal through the API', async () => {
    const r = as(ctx.app, reporter);
    const filed = await Promise.all([
      r.post('/api/reports', reportBody({ occurredAt: '2026-11-16T00:00:00+01:00' })),
      r.post('/api/reports', reportBody({ occurredAt: '2026-11-15T23:59:59+01:00' })),
      r.post('/api/reports', reportBody({ occurredAt: '2026-11-17T12:00:00+01:00', visibility: 'restricted' })),
    ]);
    expect(filed.map((f) => f.statusCode)).toEqual([201, 201, 201]);
    await expectInStep();
    const before = skogas((await as(ctx.app, coordinator).get('/api/lagesbild/2026-W47')).json() as LagesbildView);
    expect(before.count).toBe(2);
    expect(before.previousCount).toBe(1);

    // Corrected into the week before: the count moves with it.
    const [first, second] = filed.map((f) => f.json().id as string) as [string, string];
    const corrected = await r.patch(`/api/reports/${first}`, { occurredAt: '2026-11-14T10:00:00+01:00' });
    expect(corrected.statusCode).toBe(200);
    await expectInStep();
    const moved = skogas((await as(ctx.app, coordinator).get('/api/lagesbild/2026-W47')).json() as LagesbildView);
    expect([moved.count, moved.previousCount]).toEqual([1, 2]);

    // Withdrawn reports are not counted.
    expect((await r.post(`/api/reports/${second}/withdraw`)).statusCode).toBe(200);
    await expectInStep();
    const withdrawn = skogas((await as(ctx.app, coordinator).get('/api/lagesbild/2026-W47')).json() as LagesbildView);
    expect([withdrawn.count, withdrawn.previousCount]).toEqual([1, 1]);
  });

  it('stays exact under bulk updates of area, category, visibility, status and time, and deletes', async () => {
    const db = ctx.database.db;
    const [areas, categories] = await Promise.all([
      db.selectFrom('areas').select('id').orderBy('code').execute(),
      db.selectFrom('categories').select('id').orderBy('code').execute(),
    ]);
    // Every report of the test so far, and many more, rewritten in single statements.
    await sql`update reports set occurred_at = occurred_at - interval '3 days'`.execute(db);
    await expectInStep();
    await sql`update reports set area_id = ${areas[1]!.id}::uuid, category_id = ${categories[2]!.id}::uuid where visibility = 'partnership'`.execute(
      db,
    );
    await expectInStep();
    await sql`update reports set visibility = case when visibility = 'restricted' then 'partnership' else 'restricted' end`.execute(
      db,
    );
    await expectInStep();
    await sql`update reports set status = case when status = 'withdrawn' then 'new' else 'withdrawn' end`.execute(db);
    await expectInStep();
    await sql`update reports set status = 'reviewed' where status = 'new'`.execute(db);
    await expectInStep();
    // Deleting is not something the application does; the counts must still follow.
    await sql`delete from action_reports`.execute(db);
    await sql`delete from lagesbild_version_reports`.execute(db);
    const one = await db
      .selectFrom('reports')
      .select('id')
      .where('status', '!=', 'withdrawn')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('reports').where('id', '=', one.id).execute();
    const { kept, recounted } = await keptAndRecounted();
    expect(kept).toEqual(recounted);
  });
});

describe('the week key in SQL', () => {
  it('is the week the live week rule gives, at the edges of Swedish weeks across both DST changes', async () => {
    // The migration writes its zone out (history must not follow live code); this keeps both equal.
    const instants = [
      '2026-03-29T21:59:59Z', // Sunday 23:59:59 CEST, still W13
      '2026-03-29T22:00:00Z', // Monday 00:00 CEST, W14
      '2026-10-25T22:59:59Z', // Sunday 23:59:59 CET
      '2026-10-25T23:00:00Z', // Monday 00:00 CET
      '2026-12-27T23:00:00Z', // Monday 2026-12-28, 2026-W53
      '2027-01-03T23:00:00Z', // Monday 2027-01-04, 2027-W01
    ];
    for (const at of instants) {
      const { rows } = await sql<{ week: string }>`select report_week(${new Date(at)}) as week`.execute(
        ctx.database.db,
      );
      expect(rows[0]!.week, at).toBe(weekOf(new Date(at)));
    }
  });
});
