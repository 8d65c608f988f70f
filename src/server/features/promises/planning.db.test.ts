import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { orgId, agreementId as seededAgreementId, userIn } from './promises.test-support.ts';

/**
 * Writing next year's agreement, plans and citizen promises, and changing them afterwards: late
 * November 2026, the municipality and the police plan 2027.
 */
let ctx: TestContext;
let municipality: Session;
let police: Session;
let policeReporter: Session;
let policeReader: Session;
let housing: Session;
let admin: Session;
let agreement: string;
let plan: string;
let promise: string;

const KOMMUN = 'huddinge-kommun';
const POLIS = 'polisen-huddinge';
const anonymous = (method: 'PATCH', url: string, payload: object) => ctx.app.inject({ method, url, payload });

const auditOf = (action: string, entityId: string) =>
  ctx.database.db
    .selectFrom('audit_log')
    .select(['summary', 'actor_user_id', 'actor_organisation_id'])
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-24T09:00:00Z' });
  [municipality, police, policeReporter, policeReader, housing, admin] = await Promise.all([
    userIn(ctx, KOMMUN, 'samordnare'),
    userIn(ctx, POLIS, 'samordnare'),
    userIn(ctx, POLIS, 'rapportor'),
    userIn(ctx, POLIS, 'lasare'),
    userIn(ctx, 'huge-bostader', 'samordnare'),
    userIn(ctx, null, 'admin'),
  ]);
  const created = await as(ctx.app, municipality).post('/api/agreements', {
    code: 'huddinge-2027',
    title: 'Samverkansöverenskommelse 2027',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    partyCodes: [KOMMUN, POLIS],
    focusAreaCodes: ['trygghet-offentlig-miljo'],
    signatories: [{ organisationCode: POLIS, title: 'Lokalpolisområdeschef' }],
  });
  expect(created.statusCode).toBe(201);
  agreement = created.json().id;
  const planned = await as(ctx.app, police).post(`/api/agreements/${agreement}/plans`, {
    focusAreaCode: 'trygghet-offentlig-miljo',
    title: 'Trygghetsvandringar 2027',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
  });
  expect(planned.statusCode).toBe(201);
  plan = planned.json().id;
  const promised = await as(ctx.app, municipality).post('/api/commitments', {
    code: '2027-trygghetsvandringar-flemingsberg',
    agreementId: agreement,
    planId: plan,
    focusAreaCode: 'trygghet-offentlig-miljo',
    isPromise: true,
    title: 'Vi ska genomföra 30 trygghetsvandringar i Flemingsberg',
    activityLabel: 'trygghetsvandring',
    target: { kind: 'count', count: 30 },
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    ownerCodes: [KOMMUN, POLIS],
    places: [{ code: 'flemingsberg-c' }],
  });
  expect(promised.statusCode).toBe(201);
  promise = promised.json().id;
});
afterAll(() => ctx?.close());

describe('creating', () => {
  it('tells each viewer whether she may edit', async () => {
    const mine = (await as(ctx.app, municipality).get(`/api/agreements/${agreement}`)).json();
    expect(mine.canEdit).toBe(true);
    expect((await as(ctx.app, policeReporter).get(`/api/agreements/${agreement}`)).json().canEdit).toBe(false);
    expect((await as(ctx.app, housing).get(`/api/commitments/${promise}`)).json()).toMatchObject({
      canEdit: false,
      canLog: false,
    });
    expect((await as(ctx.app, police).get(`/api/commitments/${promise}`)).json()).toMatchObject({
      canEdit: true,
      canLog: true,
    });
    expect((await as(ctx.app, admin).get('/api/agreements')).json().every((a: { canEdit: boolean }) => a.canEdit)).toBe(
      true,
    );
  });

  it('refuses personal data (422, the field named) before an end before the start (400), when creating', async () => {
    const body = {
      code: 'huddinge-2028',
      title: 'Överenskommelse 2028, kontakt 070-123 45 67',
      periodStart: '2028-12-31',
      periodEnd: '2028-01-01',
      partyCodes: [KOMMUN, POLIS],
    };
    const personal = await as(ctx.app, municipality).post('/api/agreements', body);
    expect(personal.statusCode).toBe(422);
    expect(personal.json()).toMatchObject({
      code: 'PERSONAL_DATA',
      details: { findings: [{ field: 'title', kind: 'phone-number', masked: expect.any(String) }] },
    });
    const response = await as(ctx.app, municipality).post('/api/agreements', {
      ...body,
      title: 'Överenskommelse 2028',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { path: 'body.periodEnd', message: expect.any(String), code: 'PERIOD_END_BEFORE_START' },
    ]);
    const planBody = {
      focusAreaCode: 'trygghet-offentlig-miljo',
      title: 'Plan för 2027',
      periodStart: '2027-06-01',
      periodEnd: '2028-01-31',
    };
    const outside = await as(ctx.app, municipality).post(`/api/agreements/${agreement}/plans`, planBody);
    expect(outside.json().details).toEqual([
      { path: 'body.periodEnd', message: expect.any(String), code: 'OUTSIDE_PERIOD' },
    ]);
  });
});

describe('editing an agreement', () => {
  it('is for coordinators of its parties and admins: others 403, anonymous 401, unknown ids 404', async () => {
    const url = `/api/agreements/${agreement}`;
    for (const session of [policeReporter, policeReader, housing])
      expect((await as(ctx.app, session).patch(url, { title: 'Annan rubrik' })).statusCode).toBe(403);
    expect((await anonymous('PATCH', url, { title: 'Annan rubrik' })).statusCode).toBe(401);
    expect(
      (
        await as(ctx.app, municipality).patch('/api/agreements/00000000-0000-4000-8000-000000000000', {
          title: 'Annan rubrik',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await as(ctx.app, municipality).patch('/api/agreements/not-an-id', { title: 'Annan rubrik' })).statusCode,
    ).toBe(404);
    expect((await as(ctx.app, municipality).get(url)).json().title).toBe('Samverkansöverenskommelse 2027');
    expect(await auditOf('agreement.update', agreement)).toEqual([]);
  });

  it('changes title, period, parties and focus areas, with one audit entry holding only what changed', async () => {
    const response = await as(ctx.app, police).patch(`/api/agreements/${agreement}`, {
      title: 'Samverkansöverenskommelse Huddinge 2027',
      periodEnd: '2028-06-30',
      partyCodes: [KOMMUN, POLIS, 'huge-bostader'],
      focusAreaCodes: ['trygghet-offentlig-miljo', 'andts'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      title: 'Samverkansöverenskommelse Huddinge 2027',
      periodStart: '2027-01-01',
      periodEnd: '2028-06-30',
      canEdit: true,
    });
    expect(
      response
        .json()
        .parties.map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['huddinge-kommun', 'huge-bostader', 'polisen-huddinge']);
    expect(
      response
        .json()
        .focusAreas.map((f: { code: string }) => f.code)
        .sort(),
    ).toEqual(['andts', 'trygghet-offentlig-miljo']);
    const entries = await auditOf('agreement.update', agreement);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor_user_id).toBe(police.userId);
    expect(entries[0]!.summary).toEqual({
      before: {
        title: 'Samverkansöverenskommelse 2027',
        periodEnd: '2027-12-31',
        partyCodes: [KOMMUN, POLIS],
        focusAreaCodes: ['trygghet-offentlig-miljo'],
      },
      after: {
        title: 'Samverkansöverenskommelse Huddinge 2027',
        periodEnd: '2028-06-30',
        partyCodes: [KOMMUN, 'huge-bostader', POLIS],
        focusAreaCodes: ['andts', 'trygghet-offentlig-miljo'],
      },
    });
    // The housing company's coordinator is a party now, and may edit too; back to a calendar year.
    const back = await as(ctx.app, housing).patch(`/api/agreements/${agreement}`, { periodEnd: '2027-12-31' });
    expect(back.json().periodEnd).toBe('2027-12-31');
    await as(ctx.app, municipality).patch(`/api/agreements/${agreement}`, {
      partyCodes: [KOMMUN, POLIS],
      focusAreaCodes: ['trygghet-offentlig-miljo'],
    });
    expect(
      (await as(ctx.app, housing).patch(`/api/agreements/${agreement}`, { title: 'Annan rubrik' })).statusCode,
    ).toBe(403);
  });

  it('records nothing when nothing changes', async () => {
    const before = (await auditOf('agreement.update', agreement)).length;
    const response = await as(ctx.app, municipality).patch(`/api/agreements/${agreement}`, {
      title: 'Samverkansöverenskommelse Huddinge 2027',
      periodStart: '2027-01-01',
      // The same list as stored (jsonb keeps its keys in another order): no change either.
      signatories: [{ organisationCode: POLIS, title: 'Lokalpolisområdeschef' }],
    });
    expect(response.statusCode).toBe(200);
    expect(await auditOf('agreement.update', agreement)).toHaveLength(before);
  });

  it.each([
    [{ periodEnd: '2026-12-31' }, 'body.periodEnd', 'PERIOD_END_BEFORE_START'],
    [{ periodStart: '2027-13-01' }, 'body.periodStart', expect.any(String)],
    [{ title: 'Ok' }, 'body.title', 'too_small'],
    [{ partyCodes: [KOMMUN] }, 'body.partyCodes', 'too_small'],
    [{ partyCodes: [KOMMUN, 'finns-inte'] }, 'body.partyCodes', 'UNKNOWN_ORGANISATION'],
    [{ partyCodes: [POLIS, 'huge-bostader'] }, 'body.partyCodes', 'MUST_REMAIN_PARTY'],
    [{ partyCodes: [KOMMUN, 'huge-bostader'] }, 'body.signatories', 'NOT_A_PARTY'],
    [{ focusAreaCodes: ['finns-inte'] }, 'body.focusAreaCodes', 'UNKNOWN_FOCUS_AREA'],
    [{ code: 'nytt-namn' }, 'body', 'unrecognized_keys'],
  ])('answers 400 with details for %j, changing nothing', async (body, path, code) => {
    const response = await as(ctx.app, municipality).patch(`/api/agreements/${agreement}`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual({ path, message: expect.any(String), code });
    expect((await as(ctx.app, municipality).get(`/api/agreements/${agreement}`)).json()).toMatchObject({
      code: 'huddinge-2027',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
    });
  });

  it('refuses a shorter period that would leave its plans and commitments outside, naming them', async () => {
    const response = await as(ctx.app, municipality).patch(`/api/agreements/${agreement}`, {
      periodStart: '2027-02-01',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'PERIOD_EXCLUDES_CONTENT',
      details: {
        plans: [{ id: plan, periodStart: '2027-01-01' }],
        commitments: [{ id: promise, code: '2027-trygghetsvandringar-flemingsberg' }],
        followUps: [],
      },
    });
    expect((await as(ctx.app, municipality).get(`/api/agreements/${agreement}`)).json().periodStart).toBe('2027-01-01');
  });

  it('lets an admin edit any agreement', async () => {
    const response = await as(ctx.app, admin).patch(`/api/agreements/${agreement}`, {
      documents: [{ title: 'Överenskommelsen (pdf)', url: 'https://www.huddinge.se/' }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().documents).toEqual([{ title: 'Överenskommelsen (pdf)', url: 'https://www.huddinge.se/' }]);
  });
});

describe('editing a plan', () => {
  it('is for coordinators of the parties: others 403, anonymous 401, a plan of another agreement 404', async () => {
    const url = `/api/agreements/${agreement}/plans/${plan}`;
    for (const session of [policeReporter, policeReader])
      expect((await as(ctx.app, session).patch(url, { title: 'Annan plan' })).statusCode).toBe(403);
    expect((await anonymous('PATCH', url, { title: 'Annan plan' })).statusCode).toBe(401);
    const seeded = await seededAgreementId(ctx.database.db);
    expect(
      (await as(ctx.app, municipality).patch(`/api/agreements/${seeded}/plans/${plan}`, { title: 'Annan plan' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await as(ctx.app, municipality).patch(
          `/api/agreements/${agreement}/plans/00000000-0000-4000-8000-000000000000`,
          { title: 'Annan plan' },
        )
      ).statusCode,
    ).toBe(404);
    expect(await auditOf('plan.update', plan)).toEqual([]);
  });

  it('changes title, focus area and period inside the agreement, audited', async () => {
    const response = await as(ctx.app, municipality).patch(`/api/agreements/${agreement}/plans/${plan}`, {
      title: 'Trygga Flemingsberg 2027',
      focusAreaCode: 'andts',
      periodStart: '2027-02-01',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: plan,
      title: 'Trygga Flemingsberg 2027',
      focusAreaCode: 'andts',
      periodStart: '2027-02-01',
      periodEnd: '2027-12-31',
    });
    const [entry] = await auditOf('plan.update', plan);
    expect(entry!.summary).toEqual({
      agreementId: agreement,
      before: {
        title: 'Trygghetsvandringar 2027',
        focusAreaCode: 'trygghet-offentlig-miljo',
        periodStart: '2027-01-01',
      },
      after: { title: 'Trygga Flemingsberg 2027', focusAreaCode: 'andts', periodStart: '2027-02-01' },
    });
    // Its commitment keeps its own period and focus area.
    expect((await as(ctx.app, municipality).get(`/api/commitments/${promise}`)).json()).toMatchObject({
      periodStart: '2027-01-01',
      focusAreaCode: 'trygghet-offentlig-miljo',
    });
    await as(ctx.app, municipality).patch(`/api/agreements/${agreement}/plans/${plan}`, {
      focusAreaCode: 'trygghet-offentlig-miljo',
      periodStart: '2027-01-01',
    });
  });

  it.each([
    [{ periodEnd: '2028-01-31' }, 'body.periodEnd', 'OUTSIDE_PERIOD'],
    [{ periodStart: '2027-06-01', periodEnd: '2027-05-31' }, 'body.periodEnd', 'PERIOD_END_BEFORE_START'],
    [{ focusAreaCode: 'finns-inte' }, 'body.focusAreaCode', 'UNKNOWN_FOCUS_AREA'],
  ])('answers 400 with details for %j', async (body, path, code) => {
    const response = await as(ctx.app, municipality).patch(`/api/agreements/${agreement}/plans/${plan}`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual({ path, message: expect.any(String), code });
  });
});

describe('editing a commitment', () => {
  const url = () => `/api/commitments/${promise}`;
  const publicPromise = async () =>
    (await ctx.app.inject({ method: 'GET', url: '/api/public/promises' }))
      .json()
      .find((p: { id: string }) => p.id === promise);

  it('is for coordinators of the parties: owners who only log, läsare and partners get 403, anonymous 401', async () => {
    for (const session of [policeReporter, policeReader, housing])
      expect((await as(ctx.app, session).patch(url(), { target: { kind: 'count', count: 40 } })).statusCode).toBe(403);
    expect((await anonymous('PATCH', url(), { target: { kind: 'count', count: 40 } })).statusCode).toBe(401);
    expect(
      (
        await as(ctx.app, municipality).patch('/api/commitments/00000000-0000-4000-8000-000000000000', {
          title: 'Något annat',
        })
      ).statusCode,
    ).toBe(404);
    expect((await as(ctx.app, municipality).get(url())).json().target).toEqual({ kind: 'count', count: 30 });
    expect(await auditOf('commitment.update', promise)).toEqual([]);
  });

  it.each([
    [{ periodStart: '2027-06-01', periodEnd: '2027-05-01' }, 'body.periodEnd', 'PERIOD_END_BEFORE_START'],
    [{ periodEnd: '2028-03-31' }, 'body.periodEnd', 'OUTSIDE_PERIOD'],
    [{ target: { kind: 'recurring', count: 1 }, places: [] }, 'body.places', 'PLACES_REQUIRED'],
    [{ target: { kind: 'count', count: 0 } }, 'body.target.count', 'too_small'],
    [{ ownerCodes: ['finns-inte'] }, 'body.ownerCodes', 'UNKNOWN_ORGANISATION'],
    [{ places: [{ code: 'finns-inte' }] }, 'body.places', 'UNKNOWN_PLACE'],
    [{ planId: '00000000-0000-4000-8000-000000000000' }, 'body.planId', 'UNKNOWN_PLAN'],
    [{ progress: { done: 30 } }, 'body', 'unrecognized_keys'],
    [{ code: 'nytt-namn' }, 'body', 'unrecognized_keys'],
  ])('answers 400 with details for %j, changing nothing', async (body, path, code) => {
    const response = await as(ctx.app, municipality).patch(url(), body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual({ path, message: expect.any(String), code });
    expect((await as(ctx.app, municipality).get(url())).json()).toMatchObject({
      target: { count: 30 },
      periodEnd: '2027-12-31',
      description: '',
    });
  });

  it('raises the target to 40 and rewords the promise; the public page reads it at once', async () => {
    const response = await as(ctx.app, municipality).patch(url(), {
      title: 'Vi ska genomföra 40 trygghetsvandringar i Flemingsberg',
      target: { kind: 'count', count: 40 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      title: 'Vi ska genomföra 40 trygghetsvandringar i Flemingsberg',
      target: { kind: 'count', count: 40 },
      progress: { done: 0, target: 40, status: 'not-started' },
    });
    const [entry] = await auditOf('commitment.update', promise);
    expect(entry!.summary).toEqual({
      before: { title: 'Vi ska genomföra 30 trygghetsvandringar i Flemingsberg', target: { kind: 'count', count: 30 } },
      after: { title: 'Vi ska genomföra 40 trygghetsvandringar i Flemingsberg', target: { kind: 'count', count: 40 } },
    });
    expect(await publicPromise()).toMatchObject({
      title: 'Vi ska genomföra 40 trygghetsvandringar i Flemingsberg',
      progress: { done: 0, target: 40 },
      status: 'not-started',
    });
  });

  describe('once activities are logged and a follow-up is published', () => {
    let followUp: string;

    /** Months pass between the steps: sessions from before have expired, so everyone logs in again. */
    const later = async (iso: string) => {
      ctx.clock.set(iso);
      [municipality, police, policeReporter] = await Promise.all([
        userIn(ctx, KOMMUN, 'samordnare'),
        userIn(ctx, POLIS, 'samordnare'),
        userIn(ctx, POLIS, 'rapportor'),
      ]);
    };

    beforeAll(async () => {
      await later('2027-03-10T10:00:00Z');
      for (const occurredOn of ['2027-01-20', '2027-02-17', '2027-03-10']) {
        const logged = await as(ctx.app, policeReporter).post(`/api/commitments/${promise}/activities`, {
          occurredOn,
          placeCode: 'flemingsberg-c',
          participants: 6,
        });
        expect(logged.statusCode).toBe(201);
      }
      await later('2027-05-03T08:00:00Z');
      const created = await as(ctx.app, municipality).post(`/api/agreements/${agreement}/follow-ups`, {
        asOf: '2027-04-30',
      });
      expect(created.statusCode).toBe(201);
      followUp = created.json().id;
      await as(ctx.app, municipality).post(`/api/follow-ups/${followUp}/approve`);
      expect((await as(ctx.app, police).post(`/api/follow-ups/${followUp}/approve`)).json().status).toBe('published');
    });

    it('keeps the published follow-up as it was when the target and title change, and recomputes live progress', async () => {
      const frozenBefore = (await as(ctx.app, municipality).get(`/api/follow-ups/${followUp}`)).json();
      const pageBefore = (await ctx.app.inject({ method: 'GET', url: '/medborgarloften' })).body;
      const feedBefore = (await ctx.app.inject({ method: 'GET', url: '/medborgarloften/feed.atom' })).body;
      expect(frozenBefore.items.find((i: { commitmentId: string }) => i.commitmentId === promise)).toMatchObject({
        title: 'Vi ska genomföra 40 trygghetsvandringar i Flemingsberg',
        progress: { done: 3, target: 40 },
      });

      const response = await as(ctx.app, municipality).patch(url(), {
        title: 'Vi ska genomföra 3 trygghetsvandringar i Flemingsberg',
        target: { kind: 'count', count: 3 },
        isPromise: false,
      });
      expect(response.statusCode).toBe(200);
      // Live progress: computed from the three logged walks against the new target.
      expect(response.json().progress).toMatchObject({ done: 3, target: 3, status: 'done' });

      const frozenAfter = (await as(ctx.app, municipality).get(`/api/follow-ups/${followUp}`)).json();
      expect(frozenAfter.items).toEqual(frozenBefore.items);
      expect(frozenAfter.socialText).toBe(frozenBefore.socialText);
      const feedAfter = (await ctx.app.inject({ method: 'GET', url: '/medborgarloften/feed.atom' })).body;
      expect(feedAfter).toBe(feedBefore);
      const pageAfter = (await ctx.app.inject({ method: 'GET', url: '/medborgarloften' })).body;
      // The follow-up on the public page still names the promise as it read; the promise itself left the list.
      expect(pageBefore).toContain('Vi ska genomföra 40 trygghetsvandringar i Flemingsberg');
      expect(pageAfter).toContain('Vi ska genomföra 40 trygghetsvandringar i Flemingsberg');
      expect(pageAfter).not.toContain('Vi ska genomföra 3 trygghetsvandringar');
      expect(await publicPromise()).toBeUndefined();

      await as(ctx.app, municipality).patch(url(), {
        title: 'Vi ska genomföra 40 trygghetsvandringar i Flemingsberg',
        target: { kind: 'count', count: 40 },
        isPromise: true,
      });
      expect(await publicPromise()).toMatchObject({ progress: { done: 3, target: 40 } });
    });

    it('refuses a period that would leave logged walks outside, until they are withdrawn', async () => {
      const shorter = await as(ctx.app, municipality).patch(url(), { periodStart: '2027-02-01' });
      expect(shorter.statusCode).toBe(409);
      expect(shorter.json()).toMatchObject({
        code: 'ACTIVITIES_OUTSIDE_PERIOD',
        details: { count: 1, activities: [{ occurredOn: '2027-01-20', placeCode: 'flemingsberg-c' }] },
      });
      expect((await as(ctx.app, municipality).get(url())).json()).toMatchObject({
        periodStart: '2027-01-01',
        progress: { done: 3 },
      });

      await as(ctx.app, policeReporter).post(
        `/api/commitment-activities/${shorter.json().details.activities[0].id}/withdraw`,
      );
      const now = await as(ctx.app, municipality).patch(url(), { periodStart: '2027-02-01' });
      expect(now.statusCode).toBe(200);
      expect(now.json().progress.done).toBe(2);
    });

    it('refuses dropping a weekly target’s place where walks were logged; ending it after them is fine', async () => {
      const weekly = await as(ctx.app, municipality).patch(url(), {
        target: { kind: 'recurring', count: 1 },
        places: [{ code: 'flemingsberg-c' }, { code: 'huddinge-c' }],
      });
      expect(weekly.statusCode).toBe(200);
      expect(
        weekly.json().progress.detail.places.find((p: { placeCode: string }) => p.placeCode === 'flemingsberg-c')
          .weeksWithActivity,
      ).toBe(2);
      const dropped = await as(ctx.app, municipality).patch(url(), { places: [{ code: 'huddinge-c' }] });
      expect(dropped.statusCode).toBe(409);
      expect(dropped.json()).toMatchObject({ code: 'ACTIVITIES_OUTSIDE_PLACES', details: { count: 2 } });
      const ended = await as(ctx.app, municipality).patch(url(), {
        places: [{ code: 'flemingsberg-c', to: '2027-03-31' }, { code: 'huddinge-c' }],
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json().places.find((p: { code: string }) => p.code === 'flemingsberg-c')).toMatchObject({
        to: '2027-03-31',
      });
    });

    it('also refuses shortening the agreement past its follow-up', async () => {
      const response = await as(ctx.app, municipality).patch(`/api/agreements/${agreement}`, {
        periodStart: '2027-05-01',
        periodEnd: '2027-12-31',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().details.followUps).toEqual([
        { id: followUp, title: 'Uppföljning 30 april 2027', asOf: '2027-04-30', status: 'published' },
      ]);
    });

    it('left one audit entry per change, each with before and after', async () => {
      const entries = await auditOf('commitment.update', promise);
      // 40, 3 and back to 40, the period, weekly with two places, the ended place.
      expect(entries).toHaveLength(6);
      const kommun = await orgId(ctx.database.db, KOMMUN);
      for (const e of entries) {
        expect(Object.keys(e.summary as object).sort()).toEqual(['after', 'before']);
        expect(e.actor_organisation_id).toBe(kommun);
      }
    });
  });
});

describe('personal data in planning texts', () => {
  it.each([
    [
      'an agreement document title',
      () => `/api/agreements/${agreement}`,
      { documents: [{ title: 'Protokoll med anna.andersson@example.se', url: 'https://www.huddinge.se/' }] },
      'documents.0.title',
      'email-address',
    ],
    [
      'a plan title',
      () => `/api/agreements/${agreement}/plans/${plan}`,
      { title: 'Ring 070-123 45 67' },
      'title',
      'phone-number',
    ],
    [
      'a commitment description',
      () => `/api/commitments/${promise}`,
      { description: 'Ansvarig: anna.andersson@example.se' },
      'description',
      'email-address',
    ],
  ] as const)(
    'in %s answers 422 PERSONAL_DATA naming the field, changing nothing',
    async (_label, url, body, field, kind) => {
      const before = (await as(ctx.app, municipality).get(url())).body;
      const response = await as(ctx.app, municipality).patch(url(), body);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'PERSONAL_DATA', details: { findings: [{ field, kind }] } });
      expect((await as(ctx.app, municipality).get(url())).body).toBe(before);
    },
  );
});
