import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';

let ctx: TestContext;
let huge: Session;
let hugeColleague: Session;
let otherReporter: Session;
let police: Session;
let coordinator: Session;
let reader: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const housing = await createOrganisation(db, 'housing');
  const other = await createOrganisation(db, 'property');
  const policeOrg = await createOrganisation(db, 'police');
  const municipality = await createOrganisation(db, 'municipality');
  const users = await Promise.all([
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
    createUser(db, { role: 'rapportor', organisationId: other.id }),
    createUser(db, { role: 'lasare', organisationId: policeOrg.id }),
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'lasare', organisationId: other.id }),
  ]);
  const sessions = await Promise.all(users.map((u) => login(ctx.app, u.email, u.password)));
  [huge, hugeColleague, otherReporter, police, coordinator, reader] = sessions as [
    Session,
    Session,
    Session,
    Session,
    Session,
    Session,
  ];
});
afterAll(() => ctx.close());

async function countRows(table: 'reports' | 'audit_log') {
  const row = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('filing a report', () => {
  it('compares a time window as instants, in any offset, when filing and when correcting', async () => {
    // 21:30Z is 23:30 Swedish summer time: after 22:00+02:00, though the string sorts before it.
    const ok = await as(ctx.app, huge).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-06-10T22:00:00+02:00', occurredUntil: '2026-06-10T21:30:00Z' }),
    );
    expect(ok.statusCode).toBe(201);
    // 20:30+02:00 is 18:30Z: before 19:00Z, though the string sorts after it.
    const backwards = await as(ctx.app, huge).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-06-10T19:00:00Z', occurredUntil: '2026-06-10T20:30:00+02:00' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details).toEqual([expect.objectContaining({ path: 'body.occurredUntil' })]);
    const corrected = await as(ctx.app, huge).patch(`/api/reports/${ok.json().id}`, {
      occurredUntil: '2026-06-10T19:59:00Z',
    });
    expect(corrected.statusCode).toBe(400);
    expect(corrected.json().details).toEqual([expect.objectContaining({ code: 'UNTIL_BEFORE_START' })]);
  });

  it('stores the report with its area and answers 201', async () => {
    const response = await as(ctx.app, huge).post('/api/reports', reportBody());
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({
      categoryCode: 'skadegorelse-klotter',
      areaCode: 'skogas',
      status: 'new',
      visibility: 'partnership',
      mine: true,
    });
    expect(report.id).toMatch(/^[0-9a-f-]{36}$/);
    const fetched = await as(ctx.app, huge).get(`/api/reports/${report.id}`);
    expect(fetched.json().description).toBe(reportBody().description);
  });

  it('uses a named place position when no location is given', async () => {
    const body = reportBody({ location: undefined, placeCode: 'stuvsta-station' });
    delete (body as { location?: unknown }).location;
    const response = await as(ctx.app, huge).post('/api/reports', body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ areaCode: 'stuvsta-snattringe', placeCode: 'stuvsta-station' });
  });

  it('assigns Masmo station, just outside the SCB boundary, to Vårby/Masmo', async () => {
    const response = await as(ctx.app, huge).post(
      '/api/reports',
      reportBody({ location: { lat: 59.249727, lon: 17.878969 } }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().areaCode).toBe('varby-masmo');
  });

  it('refuses personal data with 422, says what was found, and stores nothing', async () => {
    const before = [await countRows('reports'), await countRows('audit_log')];
    const response = await as(ctx.app, huge).post(
      '/api/reports',
      reportBody({ description: 'Bilen ABC 123 stod där, ägaren 811218-9876 ringde från 070-123 45 67' }),
    );
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('PERSONAL_DATA');
    expect(body.details.findings.map((f: { kind: string }) => f.kind)).toEqual([
      'vehicle-registration',
      'personal-identity-number',
      'phone-number',
    ]);
    expect(JSON.stringify(body)).not.toContain('9876');
    expect([await countRows('reports'), await countRows('audit_log')]).toEqual(before);
  });

  it('refuses a point clearly outside the municipality (central Stockholm)', async () => {
    const before = await countRows('reports');
    const response = await as(ctx.app, huge).post(
      '/api/reports',
      reportBody({ location: { lat: 59.3326, lon: 18.0649 } }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('OUTSIDE_MUNICIPALITY');
    expect(await countRows('reports')).toBe(before);
  });

  it('answers 400 with field details for invalid input and unknown fields', async () => {
    const response = await as(ctx.app, huge).post('/api/reports', {
      categoryCode: 'x',
      occurredAt: 'yesterday',
      location: { lat: 200, lon: 18 },
      description: '',
      extra: 1,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.occurredAt', 'body.location.lat', 'body.description']));
    expect(response.json().details.some((d: { code: string }) => d.code === 'unrecognized_keys')).toBe(true);
  });

  it('answers 400 for an unknown category and a time in the future', async () => {
    expect((await as(ctx.app, huge).post('/api/reports', reportBody({ categoryCode: 'finns-inte' }))).statusCode).toBe(
      400,
    );
    const future = await as(ctx.app, huge).post('/api/reports', reportBody({ occurredAt: '2026-12-24T12:00:00Z' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0].code).toBe('OCCURRED_IN_FUTURE');
  });

  it('answers 413 for an oversized body', async () => {
    const response = await as(ctx.app, huge).post(
      '/api/reports',
      reportBody({ description: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(response.statusCode).toBe(413);
  });

  it('does not let a read-only user file reports', async () => {
    expect((await as(ctx.app, reader).post('/api/reports', reportBody())).statusCode).toBe(403);
  });
});

describe('who sees which report', () => {
  it('hides a restricted report from other reporters, even in the same organisation, but shows it to police and coordinators', async () => {
    const report = (await as(ctx.app, huge).post('/api/reports', reportBody({ visibility: 'restricted' }))).json();
    expect((await as(ctx.app, huge).get(`/api/reports/${report.id}`)).statusCode).toBe(200);
    expect((await as(ctx.app, hugeColleague).get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    expect((await as(ctx.app, otherReporter).get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    expect((await as(ctx.app, reader).get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    expect((await as(ctx.app, police).get(`/api/reports/${report.id}`)).statusCode).toBe(200);
    expect((await as(ctx.app, coordinator).get(`/api/reports/${report.id}`)).statusCode).toBe(200);

    const listed = (s: Session) =>
      as(ctx.app, s)
        .get('/api/reports?limit=5000')
        .then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await listed(otherReporter)).not.toContain(report.id);
    expect(await listed(police)).toContain(report.id);
  });

  it('answers 404 for a report that does not exist and for a malformed id', async () => {
    expect((await as(ctx.app, coordinator).get('/api/reports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await as(ctx.app, coordinator).get('/api/reports/not-an-id')).statusCode).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/reports' })).statusCode).toBe(401);
  });
});

describe('correcting, withdrawing and reviewing', () => {
  it('lets the author correct until review, then locks the report', async () => {
    const report = (await as(ctx.app, huge).post('/api/reports', reportBody())).json();
    const corrected = await as(ctx.app, huge).patch(`/api/reports/${report.id}`, {
      description: 'Klotter på busskuren, sanerat.',
      location: { lat: 59.254662, lon: 17.997189 },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      description: 'Klotter på busskuren, sanerat.',
      areaCode: 'stuvsta-snattringe',
    });

    expect(
      (await as(ctx.app, hugeColleague).patch(`/api/reports/${report.id}`, { description: 'Ändrat av någon annan' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await as(ctx.app, coordinator).post(`/api/reports/${report.id}/review`, {
          status: 'reviewed',
          note: 'Sanering beställd',
        })
      ).statusCode,
    ).toBe(200);
    const late = await as(ctx.app, huge).patch(`/api/reports/${report.id}`, { description: 'För sent' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('REPORT_LOCKED');
    expect((await as(ctx.app, huge).get(`/api/reports/${report.id}`)).json().description).toBe(
      'Klotter på busskuren, sanerat.',
    );
  });

  it('keeps a withdrawn report from other partners but shows it to its author', async () => {
    const report = (await as(ctx.app, huge).post('/api/reports', reportBody())).json();
    expect((await as(ctx.app, huge).post(`/api/reports/${report.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await as(ctx.app, otherReporter).get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    expect((await as(ctx.app, huge).get(`/api/reports/${report.id}`)).statusCode).toBe(200);
  });

  it('moves new -> reviewed -> closed and refuses other moves', async () => {
    const report = (await as(ctx.app, huge).post('/api/reports', reportBody())).json();
    expect((await as(ctx.app, huge).post(`/api/reports/${report.id}/review`, { status: 'reviewed' })).statusCode).toBe(
      403,
    );
    expect(
      (await as(ctx.app, coordinator).post(`/api/reports/${report.id}/review`, { status: 'reviewed' })).json().status,
    ).toBe('reviewed');
    expect(
      (await as(ctx.app, coordinator).post(`/api/reports/${report.id}/review`, { status: 'closed' })).json().status,
    ).toBe('closed');
    const again = await as(ctx.app, coordinator).post(`/api/reports/${report.id}/review`, { status: 'closed' });
    expect(again.statusCode).toBe(409);
  });

  it('shows likely duplicates: same category within 100 m and 48 h', async () => {
    const first = (
      await as(ctx.app, huge).post('/api/reports', reportBody({ occurredAt: '2026-11-10T20:00:00+01:00' }))
    ).json();
    // ~60 m north, 30 h later: a duplicate
    await as(ctx.app, otherReporter).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-11-12T02:00:00+01:00', location: { lat: 59.2199, lon: 18.153572 } }),
    );
    // ~60 m north, 50 h later: not
    await as(ctx.app, otherReporter).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-11-12T22:00:00+01:00', location: { lat: 59.2199, lon: 18.153572 } }),
    );
    // same place and time, other category: not
    await as(ctx.app, otherReporter).post(
      '/api/reports',
      reportBody({ occurredAt: '2026-11-10T20:00:00+01:00', categoryCode: 'glaskross' }),
    );
    const duplicates = (await as(ctx.app, coordinator).get(`/api/reports/${first.id}/duplicates`)).json();
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].occurredAt).toBe('2026-11-12T01:00:00.000Z');
  });

  it('audits every change with who and what', async () => {
    const report = (await as(ctx.app, huge).post('/api/reports', reportBody())).json();
    const entries = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', report.id)
      .execute();
    expect(entries.map((e) => e.action)).toEqual(['report.create']);
    expect(entries[0]!.actor_user_id).toBe(huge.userId);
  });
});

describe('filters', () => {
  it('filters by ISO week in Swedish local time', async () => {
    // Sunday 23:30 Swedish time belongs to W46, Monday 00:30 to W47.
    const sunday = (
      await as(ctx.app, otherReporter).post(
        '/api/reports',
        reportBody({ occurredAt: '2026-11-15T23:30:00+01:00', categoryCode: 'nedskrapning' }),
      )
    ).json();
    const monday = (
      await as(ctx.app, otherReporter).post(
        '/api/reports',
        reportBody({ occurredAt: '2026-11-16T00:30:00+01:00', categoryCode: 'nedskrapning' }),
      )
    ).json();
    const w46 = (await as(ctx.app, otherReporter).get('/api/reports?week=2026-W46&categoryCode=nedskrapning')).json();
    const w47 = (await as(ctx.app, otherReporter).get('/api/reports?week=2026-W47&categoryCode=nedskrapning')).json();
    expect(w46.items.map((i: { id: string }) => i.id)).toContain(sunday.id);
    expect(w46.items.map((i: { id: string }) => i.id)).not.toContain(monday.id);
    expect(w47.items.map((i: { id: string }) => i.id)).toContain(monday.id);
  });
});
