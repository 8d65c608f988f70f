import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { commitmentId, userIn } from './promises.test-support.ts';

let ctx: TestContext;
let police: Session;
let municipality: Session;
let housing: Session;
let policeReader: Session;
let patrol: string;
let dialogues: string;
let material: string;

beforeAll(async () => {
  // Wednesday 13 March 2024 (week 11): the 2024 promises are running.
  ctx = await createTestContext({ now: '2024-03-13T10:00:00Z' });
  [police, municipality, housing, policeReader] = await Promise.all([
    userIn(ctx, 'polisen-huddinge', 'rapportor'),
    userIn(ctx, 'huddinge-kommun', 'samordnare'),
    userIn(ctx, 'huge-bostader', 'samordnare'),
    userIn(ctx, 'polisen-huddinge', 'lasare'),
  ]);
  patrol = await commitmentId(ctx.database.db, '2024-fotpatrull');
  dialogues = await commitmentId(ctx.database.db, '2024-trygghetsdialoger');
  material = await commitmentId(ctx.database.db, '2024-informationsmaterial-vnr');
});
afterAll(() => ctx?.close());

const auditCount = (action: string) =>
  ctx.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

describe('the seeded agreement and promises', () => {
  it('lists the 2023–2024 agreement with parties, focus areas, signatories and plans', async () => {
    const response = await as(ctx.app, housing).get('/api/agreements');
    expect(response.statusCode).toBe(200);
    const [agreement] = response.json();
    expect(agreement).toMatchObject({
      code: 'huddinge-2023-2024',
      periodStart: '2023-01-01',
      periodEnd: '2024-12-31',
      followUpDates: ['04-30', '08-31', '12-31'],
    });
    expect(agreement.parties.map((p: { code: string }) => p.code).sort()).toEqual([
      'huddinge-kommun',
      'polisen-huddinge',
    ]);
    expect(agreement.focusAreas).toHaveLength(4);
    expect(agreement.signatories.length).toBeGreaterThanOrEqual(2);
    expect(agreement.plans).toHaveLength(8);
  });

  it('computes progress for every 2024 commitment, none typed in', async () => {
    const list = (await as(ctx.app, housing).get('/api/commitments?year=2024&promisesOnly=true')).json();
    expect(list).toHaveLength(9);
    const weekly = list.find((c: { id: string }) => c.id === patrol);
    // Weeks 1-10 have ended at four places, none with a patrol logged.
    expect(weekly.progress).toMatchObject({ done: 0, target: 4 * 52, expectedByNow: 40, status: 'behind' });
    expect(weekly.progress.detail.places).toHaveLength(4);
    expect(weekly.progress.detail.places[0].missedWeeks).toHaveLength(10);
    expect(weekly.canLog).toBe(false);
  });
});

describe('logging activities', () => {
  it('lets the police log a patrol in Skogås C and moves the weekly progress', async () => {
    const response = await as(ctx.app, police).post(`/api/commitments/${patrol}/activities`, {
      occurredOn: '2024-03-13',
      placeCode: 'skogas-c',
      participants: 2,
      durationMinutes: 15,
    });
    expect(response.statusCode).toBe(201);
    const skogas = response
      .json()
      .progress.detail.places.find((p: { placeCode: string }) => p.placeCode === 'skogas-c');
    expect(skogas).toMatchObject({ weeksElapsed: 11, weeksWithActivity: 1 });
    expect(response.json().progress.done).toBe(1);
    expect(await auditCount('commitment.activity.log')).toBe(1);
    const activities = (await as(ctx.app, housing).get(`/api/commitments/${patrol}/activities`)).json();
    expect(activities[0]).toMatchObject({
      occurredOn: '2024-03-13',
      placeCode: 'skogas-c',
      participants: 2,
      durationMinutes: 15,
      source: 'form',
    });
  });

  it('counts a patrol logged late in the week it happened, removing it from the missed weeks', async () => {
    const response = await as(ctx.app, police).post(`/api/commitments/${patrol}/activities`, {
      occurredOn: '2024-01-10',
      placeCode: 'skogas-c',
    });
    const skogas = response
      .json()
      .progress.detail.places.find((p: { placeCode: string }) => p.placeCode === 'skogas-c');
    expect(skogas.missedWeeks).not.toContain('2024-W02');
    expect(skogas.missedWeeks).toContain('2024-W01');
  });

  it('refuses organisations that do not own the commitment, and läsare, storing nothing', async () => {
    const body = { occurredOn: '2024-03-12', placeCode: 'skogas-c' };
    expect((await as(ctx.app, housing).post(`/api/commitments/${patrol}/activities`, body)).statusCode).toBe(403);
    expect((await as(ctx.app, municipality).post(`/api/commitments/${patrol}/activities`, body)).statusCode).toBe(403);
    expect((await as(ctx.app, policeReader).post(`/api/commitments/${patrol}/activities`, body)).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'POST', url: `/api/commitments/${patrol}/activities`, payload: body }))
        .statusCode,
    ).toBe(401);
    const count = await ctx.database.db
      .selectFrom('commitment_activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2); // the two patrols logged above
  });

  it('answers 404 for unknown or malformed commitment ids', async () => {
    expect(
      (
        await as(ctx.app, police).post('/api/commitments/00000000-0000-4000-8000-000000000000/activities', {
          occurredOn: '2024-03-12',
        })
      ).statusCode,
    ).toBe(404);
    expect((await as(ctx.app, police).get('/api/commitments/not-an-id')).statusCode).toBe(404);
  });

  it.each([
    [{ occurredOn: '2024-03-14', placeCode: 'skogas-c' }, 'body.occurredOn', 'IN_FUTURE'],
    [{ occurredOn: '2023-12-29', placeCode: 'skogas-c' }, 'body.occurredOn', 'OUTSIDE_PERIOD'],
    [{ occurredOn: '2024-03-12' }, 'body.placeCode', 'PLACE_REQUIRED'],
    [{ occurredOn: '2024-03-12', placeCode: 'masmo' }, 'body.placeCode', 'PLACE_NOT_IN_COMMITMENT'],
    [{ occurredOn: '12/3/2024', placeCode: 'skogas-c' }, 'body.occurredOn', expect.any(String)],
    [{ occurredOn: '2024-03-12', placeCode: 'skogas-c', participants: 0 }, 'body.participants', expect.any(String)],
  ])('answers 400 with details for %j', async (body, path, code) => {
    const response = await as(ctx.app, police).post(`/api/commitments/${patrol}/activities`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual({ path, message: expect.any(String), code });
  });

  it('answers 422 PERSONAL_DATA for a note that names a phone number, logging nothing', async () => {
    const before = (await as(ctx.app, police).get(`/api/commitments/${patrol}/activities`)).json();
    const response = await as(ctx.app, police).post(`/api/commitments/${patrol}/activities`, {
      occurredOn: '2024-03-12',
      placeCode: 'skogas-c',
      note: 'Pratade med 070-123 45 67',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'PERSONAL_DATA',
      details: { findings: [{ field: 'note', kind: 'phone-number', masked: expect.stringContaining('*') }] },
    });
    expect((await as(ctx.app, police).get(`/api/commitments/${patrol}/activities`)).json()).toEqual(before);
  });

  it('records a deliverable with its evidence, owned by the municipality', async () => {
    expect(
      (await as(ctx.app, police).post(`/api/commitments/${material}/activities`, { occurredOn: '2024-03-01' }))
        .statusCode,
    ).toBe(403);
    const response = await as(ctx.app, municipality).post(`/api/commitments/${material}/activities`, {
      occurredOn: '2024-03-01',
      evidence: 'Broschyr på fem språk',
    });
    expect(response.json().progress).toMatchObject({
      done: 1,
      target: 1,
      status: 'done',
      detail: { deliveredOn: '2024-03-01', evidence: 'Broschyr på fem språk' },
    });
  });

  it('lists only what the actor may log when asked for loggable commitments', async () => {
    const mine = (await as(ctx.app, police).get('/api/commitments?year=2024&loggable=true')).json();
    expect(mine.map((c: { code: string }) => c.code)).toContain('2024-fotpatrull');
    expect(mine.map((c: { code: string }) => c.code)).not.toContain('2024-informationsmaterial-vnr');
    expect(mine.every((c: { canLog: boolean }) => c.canLog)).toBe(true);
    expect((await as(ctx.app, housing).get('/api/commitments?loggable=true')).json()).toEqual([]);
  });
});

describe('withdrawing a wrong entry', () => {
  it('lets only the logging organisation withdraw it, recomputes progress and keeps the audit trail', async () => {
    const logged = await as(ctx.app, police).post(`/api/commitments/${patrol}/activities`, {
      occurredOn: '2024-03-11',
      placeCode: 'varby-c',
    });
    const varby = (view: { progress: { detail: { places: { placeCode: string; weeksWithActivity: number }[] } } }) =>
      view.progress.detail.places.find((p) => p.placeCode === 'varby-c')!.weeksWithActivity;
    expect(varby(logged.json())).toBe(1);
    const [activity] = (await as(ctx.app, police).get(`/api/commitments/${patrol}/activities`))
      .json()
      .filter((a: { placeCode: string }) => a.placeCode === 'varby-c');
    expect(activity.canWithdraw).toBe(true);
    expect((await as(ctx.app, housing).post(`/api/commitment-activities/${activity.id}/withdraw`)).statusCode).toBe(
      403,
    );
    expect(
      (await as(ctx.app, policeReader).post(`/api/commitment-activities/${activity.id}/withdraw`)).statusCode,
    ).toBe(403);
    const withdrawn = await as(ctx.app, police).post(`/api/commitment-activities/${activity.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(varby(withdrawn.json())).toBe(0);
    expect((await as(ctx.app, police).post(`/api/commitment-activities/${activity.id}/withdraw`)).statusCode).toBe(409);
    expect(
      (await as(ctx.app, police).get(`/api/commitments/${patrol}/activities`))
        .json()
        .some((a: { id: string }) => a.id === activity.id),
    ).toBe(false);
    expect(await auditCount('commitment.activity.withdraw')).toBe(1);
  });
});

describe('CSV import', () => {
  const header = 'åtagande;datum;plats;antal;minuter;anteckning';
  const count = async () =>
    Number(
      (
        await ctx.database.db
          .selectFrom('commitment_activities')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('source', '=', 'import')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports nothing when any row is invalid, listing every bad row', async () => {
    const csv = [
      header,
      '2024-trygghetsdialoger;2024-02-01;;;;Dialog i Vårby',
      '2024-fotpatrull;2024-02-02;Skogås C;2;15;',
      '2024-informationsmaterial-vnr;2024-02-03;;;;',
      'finns-inte;2024-02-04;;;;',
      '2024-fotpatrull;2025-01-01;skogas-c;;;',
    ].join('\n');
    const response = await as(ctx.app, police).post('/api/commitment-activities/import', { csv });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('IMPORT_INVALID_ROWS');
    expect(response.json().details.rows.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);
    expect(await count()).toBe(0);
  });

  it('imports the valid rows when told to skip invalid ones, place names accepted', async () => {
    const csv = [
      header,
      '2024-trygghetsdialoger;2024-02-01;;;;Dialog i Vårby',
      '2024-fotpatrull;2024-02-02;Skogås C;2;15;',
      'finns-inte;2024-02-04;;;;',
    ].join('\n');
    const response = await as(ctx.app, police).post('/api/commitment-activities/import', { csv, skipInvalid: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      imported: 2,
      skipped: [{ line: 4, errors: [{ line: 4, field: 'commitment', message: 'unknown commitment finns-inte' }] }],
    });
    expect(await count()).toBe(2);
    expect(await auditCount('commitment.activity.import')).toBe(1);
  });

  it('rejects a file without the required columns', async () => {
    const response = await as(ctx.app, police).post('/api/commitment-activities/import', {
      csv: 'plats;antal\nskogas-c;2',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('IMPORT_INVALID_FILE');
  });
});

describe('planning', () => {
  it('lets a party coordinator create a commitment with a place added mid-year, and nobody else', async () => {
    const agreement = (await as(ctx.app, housing).get('/api/agreements')).json()[0];
    const body = {
      code: '2024-extra-patrull',
      agreementId: agreement.id,
      focusAreaCode: 'trygghet-offentlig-miljo',
      title: 'Extra fotpatrull i Masmo',
      activityLabel: 'fotpatrull',
      target: { kind: 'recurring', count: 1 },
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      ownerCodes: ['polisen-huddinge'],
      places: [{ code: 'masmo', from: '2024-03-01' }],
    };
    expect((await as(ctx.app, housing).post('/api/commitments', body)).statusCode).toBe(403);
    expect((await as(ctx.app, police).post('/api/commitments', body)).statusCode).toBe(403);
    const bad = await as(ctx.app, municipality).post('/api/commitments', { ...body, places: [] });
    expect(bad.statusCode).toBe(400);
    const outside = await as(ctx.app, municipality).post('/api/commitments', { ...body, periodEnd: '2025-06-30' });
    expect(outside.json().details).toEqual([
      { path: 'body.periodEnd', message: expect.any(String), code: 'OUTSIDE_PERIOD' },
    ]);
    const created = await as(ctx.app, municipality).post('/api/commitments', body);
    expect(created.statusCode).toBe(201);
    // From Friday 1 March: W10 (Thursday 7 March) to W52 are owed; W10 has ended by 13 March.
    expect(created.json().progress.detail.places[0]).toMatchObject({
      placeCode: 'masmo',
      weeksInPeriod: 43,
      weeksElapsed: 1,
    });
    expect((await as(ctx.app, municipality).post('/api/commitments', body)).statusCode).toBe(409);
    expect(await auditCount('commitment.create')).toBe(1);
  });

  it('sets follow-up dates (at least three a year)', async () => {
    const agreement = (await as(ctx.app, housing).get('/api/agreements')).json()[0];
    expect(
      (
        await as(ctx.app, municipality).put(`/api/agreements/${agreement.id}/follow-up-dates`, {
          dates: ['06-30', '12-31'],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await as(ctx.app, housing).put(`/api/agreements/${agreement.id}/follow-up-dates`, {
          dates: ['03-31', '06-30', '12-31'],
        })
      ).statusCode,
    ).toBe(403);
    const ok = await as(ctx.app, municipality).put(`/api/agreements/${agreement.id}/follow-up-dates`, {
      dates: ['12-31', '03-31', '06-30'],
    });
    expect(ok.json().followUpDates).toEqual(['03-31', '06-30', '12-31']);
    await as(ctx.app, municipality).put(`/api/agreements/${agreement.id}/follow-up-dates`, {
      dates: ['04-30', '08-31', '12-31'],
    });
  });

  it('records a new agreement for the parties, with at least three follow-up dates', async () => {
    const body = {
      code: 'huddinge-2025-2026',
      title: 'Samverkansöverenskommelse 2025–2026',
      periodStart: '2025-01-01',
      periodEnd: '2026-12-31',
      partyCodes: ['huddinge-kommun', 'polisen-huddinge'],
      focusAreaCodes: ['andts'],
      signatories: [{ organisationCode: 'polisen-huddinge', title: 'Lokalpolisområdeschef' }],
      documents: [{ title: 'Överenskommelsen', url: 'https://www.huddinge.se/' }],
    };
    expect((await as(ctx.app, housing).post('/api/agreements', body)).statusCode).toBe(403);
    expect(
      (await as(ctx.app, municipality).post('/api/agreements', { ...body, followUpDates: ['12-31'] })).statusCode,
    ).toBe(400);
    const unknown = await as(ctx.app, municipality).post('/api/agreements', {
      ...body,
      focusAreaCodes: ['finns-inte'],
    });
    expect(unknown.json().details).toEqual([
      { path: 'body.focusAreaCodes', message: expect.any(String), code: 'UNKNOWN_FOCUS_AREA' },
    ]);
    const created = await as(ctx.app, municipality).post('/api/agreements', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'huddinge-2025-2026',
      followUpDates: ['04-30', '08-31', '12-31'],
      focusAreas: [{ code: 'andts' }],
    });
    expect((await as(ctx.app, municipality).post('/api/agreements', body)).statusCode).toBe(409);
    expect(await auditCount('agreement.create')).toBe(1);
  });
});
