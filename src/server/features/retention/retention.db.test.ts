import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { ERASED_TEXT } from '../reports/reports.retention.ts';

describe('retention (gallring) by the seed pack’s plan', () => {
  let ctx: TestContext;
  let admin: Session;
  let reporter: Session;
  const ids: Record<'old' | 'held' | 'recent', string> = { old: '', held: '', recent: '' };

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-11-18T10:00:00Z' });
    const org = await createOrganisation(ctx.database.db, 'municipality');
    const adminUser = await createUser(ctx.database.db, { role: 'admin', organisationId: org.id });
    const reporterUser = await createUser(ctx.database.db, { role: 'rapportor', organisationId: org.id });
    admin = await login(ctx.app, adminUser.email, adminUser.password);
    reporter = await login(ctx.app, reporterUser.email, reporterUser.password);
    for (const key of ['old', 'held', 'recent'] as const) {
      const response = await as(ctx.app, reporter).post(
        '/api/reports',
        reportBody({ description: `Klotter (${key}).` }),
      );
      expect(response.statusCode).toBe(201);
      ids[key] = response.json().id;
    }
    // Filed long ago (the plan erases free text after 36 months) except the recent one.
    await ctx.database.db
      .updateTable('reports')
      .set({ created_at: '2022-03-01T09:00:00Z' })
      .where('id', 'in', [ids.old, ids.held])
      .execute();
    await sql`insert into audit_log (at, action, entity_type) values ('2014-05-01T00:00:00Z', 'test.ancient', 'test')`.execute(
      ctx.database.db,
    );
  });
  afterAll(() => ctx?.close());

  const freeText = async (id: string) =>
    ctx.database.db
      .selectFrom('reports')
      .select(['description', 'text_erased_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('lets an admin place a legal hold once, and nobody else', async () => {
    const body = {
      recordClass: 'reports.free-text',
      recordId: ids.held,
      reason: 'Begärd av polisen i förundersökning',
    };
    expect((await as(ctx.app, reporter).post('/api/legal-holds', body)).statusCode).toBe(403);
    const placed = await as(ctx.app, admin).post('/api/legal-holds', body);
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({ recordClass: 'reports.free-text', recordId: ids.held, releasedAt: null });
    expect((await as(ctx.app, admin).post('/api/legal-holds', body)).json().code).toBe('LEGAL_HOLD_EXISTS');
    const unknown = await as(ctx.app, admin).post('/api/legal-holds', { ...body, recordClass: 'nope' });
    expect(unknown.statusCode).toBe(400);
  });

  it('reports to the archivist what a run would do, changing nothing', async () => {
    expect((await as(ctx.app, reporter).get('/api/retention/report')).statusCode).toBe(403);
    const response = await as(ctx.app, admin).get('/api/retention/report');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.source).toMatch(/informationshanteringsplan/);
    const reports = report.rules.find((r: { recordClass: string }) => r.recordClass === 'reports.free-text');
    expect(reports).toMatchObject({
      action: 'anonymise',
      afterMonths: 36,
      count: 1,
      held: 1,
      cutoff: '2023-11-18T10:00:00.000Z',
    });
    expect(
      report.rules.find((r: { recordClass: string }) => r.recordClass === 'audit.entries').count,
    ).toBeGreaterThanOrEqual(1);
    expect((await freeText(ids.old)).description).toBe('Klotter (old).');
  });

  it('runs: erases due free text but not held or recent, deletes old audit entries, logs the run with counts', async () => {
    const { results } = await ctx.app.services.retention.run();
    expect(results.find((r) => r.recordClass === 'reports.free-text')).toMatchObject({ count: 1, held: 1 });
    expect(await freeText(ids.old)).toEqual({ description: ERASED_TEXT, text_erased_at: ctx.clock.now });
    expect((await freeText(ids.held)).description).toBe('Klotter (held).');
    expect((await freeText(ids.recent)).description).toBe('Klotter (recent).');
    const ancient = await sql`select 1 from audit_log where action = 'test.ancient'`.execute(ctx.database.db);
    expect(ancient.rows).toEqual([]);

    const runs = (await as(ctx.app, admin).get('/api/retention/runs')).json();
    expect(runs[0].results.find((r: { recordClass: string }) => r.recordClass === 'reports.free-text').count).toBe(1);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'retention.run')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual([runs[0].id]);
    // The report itself stays (counted in the statistics), with its text gone.
    const read = await as(ctx.app, admin).get(`/api/reports/${ids.old}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().description).toBe(ERASED_TEXT);

    // A second run finds nothing new.
    const again = await ctx.app.services.retention.run();
    expect(again.results.find((r) => r.recordClass === 'reports.free-text')!.count).toBe(0);
  });

  it('erases a held record once the hold is released', async () => {
    const holds = (await as(ctx.app, admin).get('/api/legal-holds')).json();
    const released = await as(ctx.app, admin).post(`/api/legal-holds/${holds[0].id}/release`);
    expect(released.statusCode).toBe(200);
    expect((await as(ctx.app, admin).post(`/api/legal-holds/${holds[0].id}/release`)).statusCode).toBe(404);
    await ctx.app.services.retention.run();
    expect((await freeText(ids.held)).description).toBe(ERASED_TEXT);
  });
});
