import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import type { LagesbildView, WeekMapView } from '../../../contracts/lagesbild.ts';
import { extractPdfText } from './pdf/pdf-text.ts';

let ctx: TestContext;
let coordinator: Session;
let reporter: Session;
let otherReporter: Session;
let reader: Session;
let police: Session;
const WEEK = '2026-W46';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-14T10:00:00Z' });
  const db = ctx.database.db;
  const [municipality, housing, property, policeOrg] = await Promise.all([
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'property'),
    createOrganisation(db, 'police'),
  ]);
  const users = await Promise.all([
    createUser(db, { role: 'samordnare', organisationId: municipality.id, name: 'Åsa Samordnare' }),
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
    createUser(db, { role: 'rapportor', organisationId: property.id }),
    createUser(db, { role: 'lasare', organisationId: property.id }),
    createUser(db, { role: 'lasare', organisationId: policeOrg.id }),
  ]);
  [coordinator, reporter, otherReporter, reader, police] = (await Promise.all(
    users.map((u) => login(ctx.app, u.email, u.password)),
  )) as [Session, Session, Session, Session, Session];
});
afterAll(() => ctx.close());

const skogas = (p: LagesbildView) => p.byArea.find((a) => a.areaCode === 'skogas')!;

describe('publishing', () => {
  let editedId: string;
  let withdrawnId: string;
  let restrictedId: string;

  beforeAll(async () => {
    const file = (session: Session, body: Record<string, unknown>) =>
      as(ctx.app, session).post('/api/reports', reportBody(body));
    const responses = await Promise.all([
      file(reporter, { occurredAt: '2026-11-10T21:00:00+01:00' }),
      file(reporter, { occurredAt: '2026-11-11T21:00:00+01:00', location: { lat: 59.2201, lon: 18.1551 } }),
      file(otherReporter, { occurredAt: '2026-11-12T21:00:00+01:00', visibility: 'restricted' }),
      file(otherReporter, { occurredAt: '2026-11-13T21:00:00+01:00', location: { lat: 59.2205, lon: 18.1601 } }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    [editedId, withdrawnId, restrictedId] = responses.map((r) => r.json().id as string) as [string, string, string];
  });

  it('counts restricted reports only for those who may see them', async () => {
    const [forCoordinator, forReader, forPolice] = await Promise.all(
      [coordinator, reader, police].map(
        async (s) => (await as(ctx.app, s).get(`/api/lagesbild/${WEEK}`)).json() as LagesbildView,
      ),
    );
    expect(skogas(forCoordinator!).count).toBe(4);
    expect(skogas(forPolice!).count).toBe(4);
    expect(skogas(forReader!).count).toBe(3);
    const [mapForReader, mapForPolice] = await Promise.all(
      [reader, police].map(async (s) => (await as(ctx.app, s).get(`/api/lagesbild/${WEEK}/map`)).json() as WeekMapView),
    );
    expect(mapForReader!.reports.some((r) => r.id === restrictedId)).toBe(false);
    expect(mapForPolice!.reports.some((r) => r.id === restrictedId)).toBe(true);
  });

  it('lets a coordinator assess, summarise and publish, and audits each step', async () => {
    const c = as(ctx.app, coordinator);
    expect(
      (await c.put(`/api/lagesbild/${WEEK}/assessments/skogas`, { level: 'red', comment: 'Bränder vid stationen' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await c.put(`/api/lagesbild/${WEEK}/summary`, { summary: 'Oroligt i Skogås, lugnt i övrigt.' })).statusCode,
    ).toBe(200);
    const action = await c.post('/api/actions', {
      title: 'Brandsäkra papperskorgar',
      decidedWeek: WEEK,
      areaCode: 'skogas',
      organisationCode: 'huge-bostader',
      dueOn: '2026-11-30',
      reportIds: [editedId, restrictedId],
    });
    expect(action.statusCode).toBe(201);
    const published = await c.post(`/api/lagesbild/${WEEK}/publish`, {});
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({
      status: 'published',
      version: 1,
      summary: 'Oroligt i Skogås, lugnt i övrigt.',
      publishedBy: 'Åsa Samordnare',
    });
    expect(skogas(published.json()).assessment).toMatchObject({ level: 'red', comment: 'Bränder vid stationen' });
    // Restricted reports stay out of what the partnership reads, also through actions.
    expect(published.json().actions.decided[0].reportIds.sort()).toEqual([editedId, restrictedId].sort());
    const forReader = (await as(ctx.app, reader).get(`/api/lagesbild/${WEEK}`)).json() as LagesbildView;
    expect(forReader.actions.decided[0]!.reportIds).toEqual([editedId]);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'lagesbild.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['lagesbild.assess', 'lagesbild.publish', 'lagesbild.summarise']);
  });

  it('does not change when a counted report is edited or withdrawn afterwards', async () => {
    const before = (await as(ctx.app, reader).get(`/api/lagesbild/${WEEK}`)).json() as LagesbildView;
    const beforeFull = (await as(ctx.app, coordinator).get(`/api/lagesbild/${WEEK}`)).json() as LagesbildView;
    const beforeMap = (await as(ctx.app, coordinator).get(`/api/lagesbild/${WEEK}/map`)).json() as WeekMapView;
    expect(beforeMap).toMatchObject({ status: 'published', version: 1 });
    // Move one report to another area and category, withdraw another.
    const moved = await as(ctx.app, reporter).patch(`/api/reports/${editedId}`, {
      categoryCode: 'glaskross',
      location: { lat: 59.219261, lon: 17.947842 },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().areaCode).toBe('flemingsberg');
    expect((await as(ctx.app, reporter).post(`/api/reports/${withdrawnId}/withdraw`)).statusCode).toBe(200);
    await as(ctx.app, coordinator).put(`/api/lagesbild/${WEEK}/assessments/skogas`, {
      level: 'yellow',
      comment: 'Efter rättelse',
    });

    const after = (await as(ctx.app, reader).get(`/api/lagesbild/${WEEK}`)).json() as LagesbildView;
    const afterFull = (await as(ctx.app, coordinator).get(`/api/lagesbild/${WEEK}`)).json() as LagesbildView;
    expect(after).toEqual(before);
    expect(afterFull).toEqual(beforeFull);
    expect(skogas(afterFull).count).toBe(4);
    // The published map keeps the report where it was; the live map has moved it and dropped the withdrawn one.
    expect((await as(ctx.app, coordinator).get(`/api/lagesbild/${WEEK}/map`)).json()).toEqual(beforeMap);
    const liveMap = (await as(ctx.app, coordinator).get(`/api/lagesbild/${WEEK}/map?live=true`)).json() as WeekMapView;
    expect(liveMap).toMatchObject({ status: 'draft', version: 2 });
    expect(liveMap.reports.find((r) => r.id === editedId)).toMatchObject({
      areaCode: 'flemingsberg',
      categoryCode: 'glaskross',
    });
    expect(liveMap.reports.some((r) => r.id === withdrawnId)).toBe(false);
    expect(beforeMap.reports.find((r) => r.id === editedId)).toMatchObject({ areaCode: 'skogas' });
    const live = (await as(ctx.app, coordinator).get(`/api/lagesbild/${WEEK}?live=true`)).json() as LagesbildView;
    expect(live).toMatchObject({ status: 'draft', version: 2 });
    expect(skogas(live).count).toBe(2);
    expect(skogas(live).assessment?.level).toBe('yellow');
  });

  it('republishes as version 2 only with a reason, and keeps both versions readable', async () => {
    const c = as(ctx.app, coordinator);
    const noReason = await c.post(`/api/lagesbild/${WEEK}/publish`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'body.reason', code: 'REASON_REQUIRED' }],
    });
    const v2 = await c.post(`/api/lagesbild/${WEEK}/publish`, { reason: 'En rapport flyttades till Flemingsberg' });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, reason: 'En rapport flyttades till Flemingsberg' });
    expect(skogas(v2.json()).count).toBe(2);

    const versions = (await as(ctx.app, reader).get(`/api/lagesbild/${WEEK}/versions`)).json();
    expect(versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, 'En rapport flyttades till Flemingsberg'],
    ]);
    const v1 = (await c.get(`/api/lagesbild/${WEEK}/versions/1`)).json() as LagesbildView;
    expect(skogas(v1)).toMatchObject({ count: 4, assessment: { level: 'red' } });
    expect(skogas((await c.get(`/api/lagesbild/${WEEK}`)).json())).toMatchObject({
      count: 2,
      assessment: { level: 'yellow' },
    });
    expect((await c.get(`/api/lagesbild/${WEEK}/versions/3`)).statusCode).toBe(404);
  });

  it('renders the published picture as a Swedish PDF with its figures', async () => {
    const response = await as(ctx.app, reader).get(`/api/lagesbild/${WEEK}/pdf?version=1`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`lagesbild-${WEEK}-v1.pdf`);
    const text = extractPdfText(response.rawPayload);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain('Veckolägesbild vecka 46');
    expect(text).toContain('Publicerad version 1');
    expect(text).toMatch(/Skogås 3 0 0 \+3/); // the reader's audience: the restricted report left out
    expect(text).toContain('Röd – koncentrera resurser');
    expect(text).toContain('Oroligt i Skogås, lugnt i övrigt.');
    // The decided action with the reports behind it: only those this audience may see.
    const number = async (id: string) =>
      ((await as(ctx.app, coordinator).get(`/api/reports/${id}`)).json() as { number: number }).number;
    const [edited, restricted] = await Promise.all([number(editedId), number(restrictedId)]);
    const both = `Rapporter ${[edited, restricted].sort((a, b) => a - b).join(', ')}`;
    expect(text).toContain('Brandsäkra papperskorgar');
    expect(text).toContain(`Rapporter ${edited}`);
    expect(text).not.toContain(both);
    const full = extractPdfText(
      (await as(ctx.app, coordinator).get(`/api/lagesbild/${WEEK}/pdf?version=1`)).rawPayload,
    );
    expect(full).toContain(both);
  });

  it('gives the reporter feedback: which picture counted her report', async () => {
    const feedback = await as(ctx.app, reporter).get(`/api/reports/${editedId}/feedback`);
    expect(feedback.statusCode).toBe(200);
    expect(feedback.json()).toMatchObject({ status: 'new', pictures: [{ week: WEEK, version: 2 }] });
    expect((await as(ctx.app, reader).get(`/api/reports/${restrictedId}/feedback`)).statusCode).toBe(404);
    expect((await as(ctx.app, reader).get('/api/reports/not-a-uuid/feedback')).statusCode).toBe(404);
  });

  it('gives feedback on a page of reports at once, leaving out what the caller may not see', async () => {
    const response = await as(ctx.app, reporter).get(
      `/api/reports/feedback?ids=${[restrictedId, editedId, withdrawnId].join(',')}`,
    );
    expect(response.statusCode).toBe(200);
    const many = response.json() as { reportId: string; pictures: { week: string }[]; actions: { title: string }[] }[];
    // The other reporter's restricted report is absent; the rest keep the order asked.
    expect(many.map((f) => f.reportId)).toEqual([editedId, withdrawnId]);
    const single = (await as(ctx.app, reporter).get(`/api/reports/${editedId}/feedback`)).json();
    expect(many[0]).toEqual(single);
    expect(many[0]!.actions.map((a) => a.title)).toEqual(['Brandsäkra papperskorgar']);
    expect((await as(ctx.app, reporter).get('/api/reports/feedback?ids=not-a-uuid')).statusCode).toBe(400);
    expect((await as(ctx.app, reporter).get('/api/reports/feedback')).statusCode).toBe(400);
  });
});

describe('permissions and validation', () => {
  it('refuses editing to reporters and readers (403) and anonymous callers (401)', async () => {
    for (const session of [reporter, reader, police]) {
      const s = as(ctx.app, session);
      expect(
        (await s.put(`/api/lagesbild/2026-W45/assessments/skogas`, { level: 'red', comment: '' })).statusCode,
      ).toBe(403);
      expect((await s.put(`/api/lagesbild/2026-W45/summary`, { summary: 'x' })).statusCode).toBe(403);
      expect((await s.post(`/api/lagesbild/2026-W45/publish`, {})).statusCode).toBe(403);
      expect((await s.get(`/api/lagesbild/2026-W45`)).statusCode).toBe(200);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/lagesbild/2026-W45' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/lagesbild/history' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/lagesbild/2026-W45/map' })).statusCode).toBe(401);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/reports/feedback?ids=${crypto.randomUUID()}` })).statusCode,
    ).toBe(401);
  });

  it('answers 400 with details for bad weeks and bad input', async () => {
    const c = as(ctx.app, coordinator);
    const badWeek = await c.get('/api/lagesbild/2026-47');
    expect(badWeek.statusCode).toBe(400);
    expect(badWeek.json().details.length).toBeGreaterThan(0);
    expect((await c.get('/api/lagesbild/2025-W53')).statusCode).toBe(400); // 2025 has 52 ISO weeks
    const badLevel = await c.put('/api/lagesbild/2026-W45/assessments/skogas', { level: 'purple' });
    expect(badLevel.statusCode).toBe(400);
    expect(JSON.stringify(badLevel.json().details)).toContain('level');
    expect((await c.put('/api/lagesbild/2026-W45/assessments/atlantis', { level: 'red' })).statusCode).toBe(404);
    expect((await c.put('/api/lagesbild/2026-W45/summary', { summary: 'Ring 070-123 45 67' })).statusCode).toBe(422);
    expect((await c.post('/api/lagesbild/2026-W50/publish', {})).json().details[0].code).toBe('WEEK_IN_FUTURE');
    expect((await c.get('/api/lagesbild/2025-W53/map')).statusCode).toBe(400);
    expect((await c.get('/api/lagesbild/2026-W45/map?version=0')).statusCode).toBe(400);
    expect((await c.get('/api/lagesbild/2026-W45/map?version=9')).statusCode).toBe(404);
  });
});

describe('history', () => {
  it('shows every week with its area colours, published ones from their latest version', async () => {
    await as(ctx.app, coordinator).put('/api/lagesbild/2026-W45/assessments/skogas', { level: 'green', comment: '' });
    const history = await as(ctx.app, reader).get('/api/lagesbild/history?from=2026-W44&to=2026-W46');
    expect(history.statusCode).toBe(200);
    const body = history.json();
    expect(body.weeks).toEqual(['2026-W44', '2026-W45', '2026-W46']);
    expect(body.areas.find((a: { areaCode: string }) => a.areaCode === 'skogas').levels).toEqual([
      null,
      'green',
      'yellow',
    ]);
    expect(body.published).toEqual([expect.objectContaining({ week: WEEK, version: 2 })]);
    expect((await as(ctx.app, reader).get('/api/lagesbild/history?from=2026-W46&to=2026-W44')).statusCode).toBe(400);
  });
});

describe('publishing while reports arrive', () => {
  it('links exactly the reports it counted: none filed meanwhile says "counted" without being in the figures', async () => {
    const week = '2026-W45';
    const file = (i: number) =>
      as(ctx.app, reporter).post(
        '/api/reports',
        reportBody({ occurredAt: `2026-11-0${3 + (i % 5)}T2${i % 4}:00:00+01:00` }),
      );
    // Filings race the publish: some land before its snapshot, some after.
    const [published] = await Promise.all([
      as(ctx.app, coordinator).post(`/api/lagesbild/${week}/publish`, {}),
      ...Array.from({ length: 24 }, (_, i) => file(i)),
    ]);
    expect(published.statusCode).toBe(201);
    const { total, version } = published.json() as LagesbildView;
    const linked = await ctx.database.db
      .selectFrom('lagesbild_version_reports as l')
      .innerJoin('lagesbild_versions as v', 'v.id', 'l.version_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('v.week', '=', week)
      .where('v.version', '=', version)
      .executeTakeFirstOrThrow();
    expect(Number(linked.n)).toBe(total);
  });
});
