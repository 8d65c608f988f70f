import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import { applicationBody, completeReview, uniqueCode } from './fund.fixtures.ts';

let ctx: TestContext;
let applicant: Session;
let colleagueReader: Session;
let otherOrg: Session;
let police: Session;
let manager: Session;
let reviewer: Session;
let reviewerId: string;
let potId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const [company, other, policeOrg, municipality] = await Promise.all([
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'property'),
    createOrganisation(db, 'police'),
    createOrganisation(db, 'municipality'),
  ]);
  const users = await Promise.all([
    createUser(db, { role: 'rapportor', organisationId: company.id }),
    createUser(db, { role: 'lasare', organisationId: company.id }),
    createUser(db, { role: 'samordnare', organisationId: other.id }),
    createUser(db, { role: 'samordnare', organisationId: policeOrg.id }),
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'rapportor', organisationId: municipality.id, name: 'Rita Granskare' }),
  ]);
  [applicant, colleagueReader, otherOrg, police, manager, reviewer] = (await Promise.all(
    users.map((u) => login(ctx.app, u.email, u.password)),
  )) as Session[] as [Session, Session, Session, Session, Session, Session];
  reviewerId = users[5]!.id;
  expect(
    (await as(ctx.app, manager).put('/api/fund/budgets/2026', { totalOre: 10_000_000_00, source: 'test' })).statusCode,
  ).toBe(200);
  const pot = await as(ctx.app, manager).post('/api/fund/pots', {
    year: 2026,
    code: uniqueCode('pot'),
    name: 'Trygghetsfond 2026',
    purpose: 'Test',
    amountOre: 100_000_00,
  });
  expect(pot.statusCode).toBe(201);
  potId = pot.json().id;
});
afterAll(() => ctx.close());

async function submitted(body = applicationBody()) {
  const created = await as(ctx.app, applicant).post('/api/fund/applications', body);
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  expect((await as(ctx.app, applicant).post(`/api/fund/applications/${id}/submit`)).statusCode).toBe(200);
  return id;
}

async function reviewed(recommendedOre = 5_000_000) {
  const id = await submitted();
  expect((await as(ctx.app, manager).post(`/api/fund/applications/${id}/reviewers`, { reviewerId })).statusCode).toBe(
    200,
  );
  const review = await as(ctx.app, reviewer).put(`/api/fund/applications/${id}/review`, completeReview(recommendedOre));
  expect(review.statusCode).toBe(200);
  expect(review.json().status).toBe('reviewed');
  return id;
}

const grant = (grantedOre: number, pot = potId) => ({
  outcome: 'granted',
  potId: pot,
  grantedOre,
  // Decided earlier this month; the first follow-up has fallen due before the test's today (2026-11-18).
  decidedOn: '2026-11-01',
  decidingBody: 'Kommunstyrelsens arbetsutskott',
  referenceNumber: 'KS-2026/123',
  followUpDates: ['2026-11-10', '2027-06-30'],
});

describe('seeded budgets', () => {
  it('serves the contract shape for 2021 with the seeded pots, in exact öre', async () => {
    const response = await as(ctx.app, otherOrg).get('/api/fund/pots?year=2021');
    expect(response.statusCode).toBe(200);
    const pots = response.json() as Record<string, unknown>[];
    expect(pots.map((p) => [p.name, p.year, p.amountOre, p.grantedOre, p.remainingOre])).toEqual([
      ['Barn och unga', 2021, 600_000_000, 0, 600_000_000],
      ['Trygghetskameror och trygghetsvärdar', 2021, 400_000_000, 0, 400_000_000],
    ]);
    for (const p of pots) expect(typeof p.id).toBe('string');
    const budgets = (await as(ctx.app, otherOrg).get('/api/fund/budgets')).json() as {
      year: number;
      totalOre: number;
      source: string;
    }[];
    expect(budgets.find((b) => b.year === 2023)).toMatchObject({ totalOre: 4_800_000_000 });
    expect(budgets.find((b) => b.year === 2023)!.source).toContain('project brief');
  });

  it('refuses a pot beyond the unallocated budget, and pots from non-managers', async () => {
    const tooBig = await as(ctx.app, manager).post('/api/fund/pots', {
      year: 2026,
      code: uniqueCode('pot'),
      name: 'För stor',
      amountOre: 10_000_000_00,
    });
    expect(tooBig.statusCode).toBe(409);
    expect(tooBig.json().code).toBe('BUDGET_EXCEEDED');
    const forbidden = await as(ctx.app, otherOrg).post('/api/fund/pots', {
      year: 2026,
      code: uniqueCode('pot'),
      name: 'X',
      amountOre: 1,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(
      (
        await as(ctx.app, manager).post('/api/fund/pots', {
          year: 2026,
          code: uniqueCode('pot'),
          name: 'Öre',
          amountOre: 1.5,
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('applications', () => {
  it('saves a draft with the requested amount as the exact sum of the cost breakdown', async () => {
    const response = await as(ctx.app, applicant).post('/api/fund/applications', applicationBody());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'draft',
      requestedOre: 5_250_050,
      areaCodes: ['flemingsberg'],
      focusAreaCodes: ['trygghet-offentlig-miljo'],
    });
    const updated = await as(ctx.app, applicant).put(
      `/api/fund/applications/${response.json().id}`,
      applicationBody({ title: 'Nattvandring, ändrad' }),
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json().title).toBe('Nattvandring, ändrad');
  });

  it('refuses an incomplete draft on submission and names what is missing', async () => {
    const draft = await as(ctx.app, applicant).post(
      '/api/fund/applications',
      applicationBody({ indicators: [], costItems: [] }),
    );
    const response = await as(ctx.app, applicant).post(`/api/fund/applications/${draft.json().id}/submit`);
    expect(response.statusCode).toBe(422);
    expect(response.json().details.problems.map((p: { field: string }) => p.field)).toEqual([
      'costItems',
      'indicators',
    ]);
  });

  it('freezes a submitted application: editing answers 409', async () => {
    const id = await submitted();
    const response = await as(ctx.app, applicant).put(
      `/api/fund/applications/${id}`,
      applicationBody({ title: 'Ändrad efteråt' }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('APPLICATION_FROZEN');
    expect((await as(ctx.app, applicant).post(`/api/fund/applications/${id}/submit`)).statusCode).toBe(409);
    expect((await as(ctx.app, applicant).get(`/api/fund/applications/${id}`)).json().title).toBe(
      'Nattvandring i Flemingsberg',
    );
  });

  it('only the applicant organisation and the fund roles see an application; others get 404', async () => {
    const draft = (await as(ctx.app, applicant).post('/api/fund/applications', applicationBody())).json().id as string;
    expect((await as(ctx.app, colleagueReader).get(`/api/fund/applications/${draft}`)).statusCode).toBe(200);
    // A draft is the organisation's own work in progress, not yet the fund's.
    expect((await as(ctx.app, manager).get(`/api/fund/applications/${draft}`)).statusCode).toBe(404);
    const id = await submitted();
    expect((await as(ctx.app, manager).get(`/api/fund/applications/${id}`)).statusCode).toBe(200);
    for (const outsider of [otherOrg, police, reviewer]) {
      expect((await as(ctx.app, outsider).get(`/api/fund/applications/${id}`)).statusCode).toBe(404);
      const list = (await as(ctx.app, outsider).get('/api/fund/applications')).json() as { id: string }[];
      expect(list.map((a) => a.id)).not.toContain(id);
    }
    expect((await as(ctx.app, otherOrg).get('/api/fund/applications/not-a-uuid')).statusCode).toBe(404);
    // Once assigned, the reviewer sees it.
    await as(ctx.app, manager).post(`/api/fund/applications/${id}/reviewers`, { reviewerId });
    expect((await as(ctx.app, reviewer).get(`/api/fund/applications/${id}`)).statusCode).toBe(200);
    expect((await as(ctx.app, applicant).get(`/api/fund/applications/${id}`)).json().reviews).toEqual([]);
  });

  it('läsare and the police cannot apply', async () => {
    expect((await as(ctx.app, colleagueReader).post('/api/fund/applications', applicationBody())).statusCode).toBe(403);
    expect((await as(ctx.app, police).post('/api/fund/applications', applicationBody())).statusCode).toBe(403);
  });
});

describe('review and decision', () => {
  it('a decision needs a completed review', async () => {
    const id = await submitted();
    const early = await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, grant(1_000_000));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('REVIEW_NOT_COMPLETE');
    await as(ctx.app, manager).post(`/api/fund/applications/${id}/reviewers`, { reviewerId });
    const partial = await as(ctx.app, reviewer).put(`/api/fund/applications/${id}/review`, {
      scores: { need: 3 },
      complete: false,
    });
    expect(partial.json().status).toBe('in-review');
    expect(
      (await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, grant(1_000_000))).statusCode,
    ).toBe(409);
  });

  it('a review judged not feasible needs a reason', async () => {
    const id = await submitted();
    await as(ctx.app, manager).post(`/api/fund/applications/${id}/reviewers`, { reviewerId });
    const noReason = await as(ctx.app, reviewer).put(`/api/fund/applications/${id}/review`, {
      ...completeReview(0),
      feasible: false,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().details.problems).toContainEqual({ field: 'reason', code: 'REASON_REQUIRED' });
    const withReason = await as(ctx.app, reviewer).put(`/api/fund/applications/${id}/review`, {
      ...completeReview(0),
      feasible: false,
      reason: 'Platsen ägs av Trafikverket.',
    });
    expect(withReason.statusCode).toBe(200);
  });

  it('a rejection needs a reason and notifies the applicant', async () => {
    const id = await reviewed();
    const body = { outcome: 'rejected', decidedOn: '2026-11-18', decidingBody: 'KSAU', referenceNumber: 'KS-2026/9' };
    expect((await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, body)).statusCode).toBe(400);
    const rejected = await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, {
      ...body,
      reason: 'Ryms inte i årets prioriteringar.',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().decision).toMatchObject({
      outcome: 'rejected',
      reason: 'Ryms inte i årets prioriteringar.',
    });
    const notes = (await as(ctx.app, colleagueReader).get('/api/fund/notifications')).json() as {
      applicationId: string;
      message: string;
    }[];
    expect(notes.find((n) => n.applicationId === id)?.message).toContain('avslagits');
  });

  it('a grant moves the pot, sets follow-ups, flags the overdue one and tells the applicant', async () => {
    const before = (
      (await as(ctx.app, otherOrg).get('/api/fund/pots?year=2026')).json() as {
        id: string;
        grantedOre: number;
        remainingOre: number;
      }[]
    ).find((p) => p.id === potId)!;
    const id = await reviewed();
    const granted = await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, grant(4_000_001));
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({
      status: 'granted',
      decision: {
        grantedOre: 4_000_001,
        referenceNumber: 'KS-2026/123',
        decidingBody: 'Kommunstyrelsens arbetsutskott',
      },
    });
    expect(granted.json().followUps.map((f: { dueOn: string; overdue: boolean }) => [f.dueOn, f.overdue])).toEqual([
      ['2026-11-10', true],
      ['2027-06-30', false],
    ]);
    const after = ((await as(ctx.app, otherOrg).get('/api/fund/pots?year=2026')).json() as (typeof before)[]).find(
      (p) => p.id === potId,
    )!;
    expect(after.grantedOre - before.grantedOre).toBe(4_000_001);
    expect(before.remainingOre - after.remainingOre).toBe(4_000_001);
    const notes = (await as(ctx.app, applicant).get('/api/fund/notifications')).json() as {
      applicationId: string;
      message: string;
    }[];
    expect(notes.find((n) => n.applicationId === id)?.message).toContain('40\u00a0000,01\u00a0kr');
    expect((await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, grant(1))).statusCode).toBe(409);

    const followUp = granted.json().followUps[0].id as string;
    const report = {
      spentOre: 1_500_000,
      indicatorResults: [{ indicator: 'Antal rapporter', value: '12 → 7' }],
      comment: 'Bra uppslutning.',
    };
    expect(
      (await as(ctx.app, otherOrg).post(`/api/fund/applications/${id}/follow-ups/${followUp}`, report)).statusCode,
    ).toBe(404);
    const reported = await as(ctx.app, applicant).post(`/api/fund/applications/${id}/follow-ups/${followUp}`, report);
    expect(reported.statusCode).toBe(200);
    expect(reported.json().followUps[0]).toMatchObject({ spentOre: 1_500_000, overdue: false });
    expect(
      (await as(ctx.app, applicant).post(`/api/fund/applications/${id}/follow-ups/${followUp}`, report)).statusCode,
    ).toBe(409);

    const paid = await as(ctx.app, manager).post(`/api/fund/applications/${id}/payments`, {
      amountOre: 4_000_001,
      paidOn: '2026-11-18',
    });
    expect(paid.json().paidOre).toBe(4_000_001);
    const over = await as(ctx.app, manager).post(`/api/fund/applications/${id}/payments`, {
      amountOre: 1,
      paidOn: '2026-11-18',
    });
    expect(over.json().code).toBe('PAYMENT_EXCEEDS_GRANT');
  });

  it('refuses a grant larger than the pot has left, and changes nothing', async () => {
    const small = (
      await as(ctx.app, manager).post('/api/fund/pots', {
        year: 2026,
        code: uniqueCode('pot'),
        name: 'Liten pott',
        amountOre: 3_000_000,
      })
    ).json().id as string;
    const id = await reviewed();
    const refused = await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, grant(3_000_001, small));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'POT_EXCEEDED', details: { remainingOre: 3_000_000 } });
    expect((await as(ctx.app, manager).get(`/api/fund/applications/${id}`)).json()).toMatchObject({
      status: 'reviewed',
      decision: null,
      followUps: [],
    });
    const early = await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, {
      ...grant(3_000_000, small),
      followUpDates: ['2026-10-31'],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().details).toContainEqual(expect.objectContaining({ code: 'FOLLOW_UP_BEFORE_DECISION' }));
    expect(
      (await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, grant(3_000_000, small))).statusCode,
    ).toBe(200);
  });
});

describe('who may do what (role x endpoint)', () => {
  it('only fund managers assign, decide, pay, set budgets and list reviewer candidates', async () => {
    const id = await reviewed();
    const decision = grant(1_000);
    for (const session of [applicant, colleagueReader, otherOrg, police, reviewer]) {
      const caller = as(ctx.app, session);
      expect((await caller.post(`/api/fund/applications/${id}/decision`, decision)).statusCode).toBe(403);
      expect((await caller.post(`/api/fund/applications/${id}/reviewers`, { reviewerId })).statusCode).toBe(403);
      expect(
        (await caller.post(`/api/fund/applications/${id}/payments`, { amountOre: 1, paidOn: '2026-11-18' })).statusCode,
      ).toBe(403);
      expect((await caller.put('/api/fund/budgets/2026', { totalOre: 1 })).statusCode).toBe(403);
      expect((await caller.get('/api/fund/reviewers')).statusCode).toBe(403);
    }
    const candidates = (await as(ctx.app, manager).get('/api/fund/reviewers')).json() as { id: string }[];
    expect(candidates.map((c) => c.id)).toContain(reviewerId);
    expect(
      (await as(ctx.app, manager).get('/api/fund/applications?status=reviewed'))
        .json()
        .map((a: { id: string }) => a.id),
    ).toContain(id);
  });

  it('a reviewer must be an official of the municipality; only the assigned reviewer reviews', async () => {
    const id = await submitted();
    const outsiderId = (await as(ctx.app, otherOrg).get('/api/auth/session')).json().user.id as string;
    const refused = await as(ctx.app, manager).post(`/api/fund/applications/${id}/reviewers`, {
      reviewerId: outsiderId,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('INVALID_REVIEWER');
    // The manager sees the application but is not assigned to it.
    expect((await as(ctx.app, manager).put(`/api/fund/applications/${id}/review`, completeReview(1))).statusCode).toBe(
      403,
    );
    expect((await as(ctx.app, reviewer).put(`/api/fund/applications/${id}/review`, completeReview(1))).statusCode).toBe(
      404,
    );
  });

  it('every endpoint needs a login', async () => {
    for (const url of [
      '/api/fund/pots?year=2021',
      '/api/fund/budgets',
      '/api/fund/overview',
      '/api/fund/applications',
      '/api/fund/notifications',
      '/api/fund/me',
    ]) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('validates reference codes and links', async () => {
    const unknown = await as(ctx.app, applicant).post(
      '/api/fund/applications',
      applicationBody({ areaCodes: ['atlantis'] }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toContainEqual(
      expect.objectContaining({ path: 'body.areaCodes', code: 'UNKNOWN_AREA' }),
    );
    const badLink = await as(ctx.app, applicant).post('/api/fund/applications', {
      ...applicationBody(),
      links: [{ kind: 'picture-week', ref: '2026-W99' }],
    });
    expect(badLink.statusCode).toBe(400);
    const noSuchWeek = await as(ctx.app, applicant).post('/api/fund/applications', {
      ...applicationBody(),
      links: [{ kind: 'picture-week', ref: '2025-W53' }],
    });
    expect(noSuchWeek.statusCode).toBe(400);
    // A report link must name a report the applicant may see: a made-up id and a restricted
    // report of the police answer alike, and neither is stored.
    const restricted = await as(ctx.app, police).post('/api/reports', reportBody({ visibility: 'restricted' }));
    expect(restricted.statusCode).toBe(201);
    for (const ref of ['00000000-0000-4000-8000-000000000000', restricted.json().id]) {
      const refused = await as(ctx.app, applicant).post('/api/fund/applications', {
        ...applicationBody(),
        links: [{ kind: 'report', ref }],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details).toEqual([
        { path: 'body.links.0.ref', message: expect.any(String), code: 'UNKNOWN_REPORT' },
      ]);
    }
    // Her own restricted report she may link; a colleague who may not see it reads the application without it.
    const own = await as(ctx.app, applicant).post('/api/reports', reportBody({ visibility: 'restricted' }));
    const shared = await as(ctx.app, applicant).post('/api/reports', reportBody());
    const linked = await as(ctx.app, applicant).post('/api/fund/applications', {
      ...applicationBody(),
      links: [
        { kind: 'report', ref: own.json().id },
        { kind: 'report', ref: shared.json().id },
      ],
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().links).toHaveLength(2);
    const seenByColleague = await as(ctx.app, colleagueReader).get(`/api/fund/applications/${linked.json().id}`);
    expect(seenByColleague.statusCode).toBe(200);
    expect(seenByColleague.json().links).toEqual([{ kind: 'report', ref: shared.json().id }]);
    expect(seenByColleague.body).not.toContain(own.json().id);
    const personal = await as(ctx.app, applicant).post(
      '/api/fund/applications',
      applicationBody({ purpose: 'Kontakta Kalle på 070-123 45 67' }),
    );
    expect(personal.statusCode).toBe(422);
    expect(personal.json()).toMatchObject({
      code: 'PERSONAL_DATA',
      details: { findings: [{ field: 'purpose', kind: 'phone-number' }] },
    });
    const backwards = await as(ctx.app, applicant).post(
      '/api/fund/applications',
      applicationBody({ periodStart: '2026-12-01', periodEnd: '2026-01-01' }),
    );
    expect(backwards.statusCode).toBe(400);
  });

  it('records each step in the audit log', async () => {
    const id = await reviewed();
    await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, grant(1_000));
    const actions = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'fund.application.create',
      'fund.application.submit',
      'fund.review.assign',
      'fund.review.save',
      'fund.decision.granted',
    ]);
  });
});
