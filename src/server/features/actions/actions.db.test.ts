import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import type { LagesbildView } from '../../../contracts/lagesbild.ts';

let ctx: TestContext;
let coordinator: Session;
let hugeReporter: Session;
let hugeReader: Session;
let otherReporter: Session;
let hugeCode: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-20T10:00:00Z', env: { SESSION_TTL_HOURS: '72' } });
  const db = ctx.database.db;
  const [municipality, huge, other] = await Promise.all([
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'property'),
  ]);
  hugeCode = huge.code;
  const users = await Promise.all([
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'rapportor', organisationId: huge.id }),
    createUser(db, { role: 'lasare', organisationId: huge.id }),
    createUser(db, { role: 'rapportor', organisationId: other.id }),
  ]);
  [coordinator, hugeReporter, hugeReader, otherReporter] = (await Promise.all(
    users.map((u) => login(ctx.app, u.email, u.password)),
  )) as [Session, Session, Session, Session];
});
afterAll(() => ctx.close());

const action = (overrides: Record<string, unknown> = {}) => ({
  title: 'Extra belysning vid Skogås station',
  decidedWeek: '2026-W46',
  areaCode: 'skogas',
  organisationCode: hugeCode,
  responsiblePerson: 'Fastighetschef',
  dueOn: '2026-11-20',
  ...overrides,
});

describe('actions', () => {
  let actionId: string;
  let reportId: string;

  it('lets a coordinator decide an action linked to reports, and audits it', async () => {
    const report = await as(ctx.app, hugeReporter).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-11-10T22:00:00+01:00' }),
    );
    reportId = report.json().id;
    const created = await as(ctx.app, coordinator).post('/api/actions', action({ reportIds: [reportId] }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      title: 'Extra belysning vid Skogås station',
      status: 'planned',
      areaCode: 'skogas',
      organisationCode: hugeCode,
      reportIds: [reportId],
      overdue: false,
    });
    actionId = created.json().id;
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', actionId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['action.create']);
  });

  it('refuses decisions from others, unknown codes and missing reports', async () => {
    expect((await as(ctx.app, hugeReporter).post('/api/actions', action())).statusCode).toBe(403);
    const bad = await as(ctx.app, coordinator).post(
      '/api/actions',
      action({ organisationCode: 'nobody', dueOn: '2026-13-01' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('dueOn');
    // 2025 has 52 ISO weeks: its week 53 does not exist, nor do weeks of year 0 or 9999.
    for (const decidedWeek of ['2025-W53', '0000-W01', '9999-W52']) {
      const noSuchWeek = await as(ctx.app, coordinator).post('/api/actions', action({ decidedWeek }));
      expect(noSuchWeek.statusCode).toBe(400);
      expect(noSuchWeek.json().details).toEqual([expect.objectContaining({ path: 'body.decidedWeek' })]);
    }
    // ...while a week 53 that exists passes the schema (refused here only for its unknown organisation).
    const week53 = await as(ctx.app, coordinator).post(
      '/api/actions',
      action({ decidedWeek: '2026-W53', organisationCode: 'nobody' }),
    );
    expect(JSON.stringify(week53.json().details)).not.toContain('decidedWeek');
    const unknownOrg = await as(ctx.app, coordinator).post('/api/actions', action({ organisationCode: 'nobody' }));
    expect(unknownOrg.json().details[0].code).toBe('UNKNOWN_ORGANISATION');
    const noReport = await as(ctx.app, coordinator).post(
      '/api/actions',
      action({ reportIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(noReport.json().details[0].code).toBe('UNKNOWN_REPORT');
    expect((await as(ctx.app, coordinator).post('/api/actions', action({ areaCode: null }))).statusCode).toBe(400);
  });

  it('lets the responsible organisation report progress, but nothing else', async () => {
    const progress = await as(ctx.app, hugeReporter).patch(`/api/actions/${actionId}`, {
      status: 'in-progress',
      outcomeNote: 'Beställt',
    });
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({ status: 'in-progress', outcomeNote: 'Beställt' });
    expect(
      (await as(ctx.app, hugeReporter).patch(`/api/actions/${actionId}`, { dueOn: '2027-01-01' })).statusCode,
    ).toBe(403);
    expect((await as(ctx.app, hugeReader).patch(`/api/actions/${actionId}`, { status: 'done' })).statusCode).toBe(403);
    expect((await as(ctx.app, otherReporter).patch(`/api/actions/${actionId}`, { status: 'done' })).statusCode).toBe(
      403,
    );
    expect((await as(ctx.app, coordinator).patch('/api/actions/nope', { status: 'done' })).statusCode).toBe(404);
  });

  it("shows last week's decision and its fate in next week's picture, overdue once past due", async () => {
    ctx.clock.set('2026-11-21T10:00:00Z');
    const picture = (await as(ctx.app, otherReporter).get('/api/lagesbild/2026-W47')).json() as LagesbildView;
    expect(picture.actions.followUp).toEqual([
      expect.objectContaining({ id: actionId, status: 'in-progress', overdue: true }),
    ]);
    expect(picture.actions.decided).toEqual([]);
    const skogas = picture.byArea.find((a) => a.areaCode === 'skogas')!;
    expect(skogas).toMatchObject({ openActions: 1, overdueActions: 1 });
    const done = await as(ctx.app, coordinator).patch(`/api/actions/${actionId}`, {
      status: 'done',
      outcomeNote: 'Belysning på plats',
    });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    const list = (await as(ctx.app, otherReporter).get('/api/actions?open=true')).json();
    expect(list.some((a: { id: string }) => a.id === actionId)).toBe(false);
  });

  it('tells the reporter which action her report led to', async () => {
    const feedback = (await as(ctx.app, hugeReporter).get(`/api/reports/${reportId}/feedback`)).json();
    expect(feedback.actions).toEqual([
      expect.objectContaining({ id: actionId, status: 'done', outcomeNote: 'Belysning på plats' }),
    ]);
  });
});

describe('where an action applies, and finding actions', () => {
  it('takes the area from a named place, and refuses a place outside the given area', async () => {
    const atPlace = await as(ctx.app, coordinator).post(
      '/api/actions',
      action({ areaCode: undefined, placeCode: 'skogas-c', title: 'Trygghetsvandring vid Skogås C' }),
    );
    expect(atPlace.statusCode).toBe(201);
    expect(atPlace.json()).toMatchObject({ placeCode: 'skogas-c', placeName: 'Skogås C', areaCode: 'skogas' });
    const both = await as(ctx.app, coordinator).post(
      '/api/actions',
      action({ areaCode: 'skogas', placeCode: 'skogas-c' }),
    );
    expect(both.statusCode).toBe(201);
    const elsewhere = await as(ctx.app, coordinator).post(
      '/api/actions',
      action({ areaCode: 'flemingsberg', placeCode: 'skogas-c' }),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().details).toEqual([
      expect.objectContaining({ path: 'body.placeCode', code: 'PLACE_NOT_IN_AREA' }),
    ]);
    const nowhere = await as(ctx.app, coordinator).post(
      '/api/actions',
      action({ areaCode: undefined, placeCode: 'no-such-place' }),
    );
    expect(nowhere.json().details[0].code).toBe('UNKNOWN_PLACE');
  });

  it('names linked reports by number, in number order, as far as the viewer may see them', async () => {
    const shared = (
      await as(ctx.app, hugeReporter).post('/api/reports', reportBody({ occurredAt: '2026-11-18T22:00:00+01:00' }))
    ).json();
    const restricted = (
      await as(ctx.app, otherReporter).post(
        '/api/reports',
        reportBody({ occurredAt: '2026-11-18T23:00:00+01:00', visibility: 'restricted' }),
      )
    ).json();
    const created = (
      await as(ctx.app, coordinator).post('/api/actions', action({ reportIds: [restricted.id, shared.id] }))
    ).json();
    expect(created.linkedReports).toEqual([
      { id: shared.id, number: shared.number },
      { id: restricted.id, number: restricted.number },
    ]);
    const seenByReader = (await as(ctx.app, hugeReader).get(`/api/actions/${created.id}`)).json();
    expect(seenByReader.linkedReports).toEqual([{ id: shared.id, number: shared.number }]);
    expect(seenByReader.reportIds).toEqual([shared.id]);
  });

  it('filters the list by responsible organisation, area and status', async () => {
    const otherOrganisation = await createOrganisation(ctx.database.db, 'police');
    const theirs = (
      await as(ctx.app, coordinator).post(
        '/api/actions',
        action({
          organisationCode: otherOrganisation.code,
          areaCode: 'flemingsberg',
          title: 'Polisens närvaro i Flemingsberg',
        }),
      )
    ).json();
    const list = async (query: string) =>
      (await as(ctx.app, hugeReader).get(`/api/actions?${query}`)).json() as {
        id: string;
        organisationCode: string;
        areaCode: string;
        status: string;
      }[];
    const byOrganisation = await list(`organisationCode=${otherOrganisation.code}`);
    expect(byOrganisation.map((a) => a.id)).toEqual([theirs.id]);
    const hugeOpen = await list(`organisationCode=${hugeCode}&open=true`);
    expect(hugeOpen.length).toBeGreaterThan(0);
    expect(
      hugeOpen.every((a) => a.organisationCode === hugeCode && (a.status === 'planned' || a.status === 'in-progress')),
    ).toBe(true);
    expect(await list(`organisationCode=${otherOrganisation.code}&areaCode=skogas`)).toEqual([]);
    expect((await as(ctx.app, hugeReader).get('/api/actions?organisationCode=')).statusCode).toBe(400);
  });
});
