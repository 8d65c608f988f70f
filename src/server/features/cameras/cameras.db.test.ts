import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { cast, type CastActor } from '../../../../test/support/cast.ts';
import { proposalBody, selfAssessmentBody } from './cameras.fixtures.ts';

let ctx: TestContext;
let coordinator: Session;
let otherCoordinator: Session;
let reporter: CastActor;
let reporterLogin: { email: string; password: string };

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-18T10:00:00Z' });
  ({ coordinator, otherCoordinator, reporter } = await cast(ctx, {
    organisations: { municipality: 'municipality', other: 'housing' },
    actors: {
      coordinator: { role: 'samordnare', of: 'municipality' },
      otherCoordinator: { role: 'samordnare', of: 'other' },
      reporter: { role: 'rapportor', of: 'municipality' },
    },
  }));
  reporterLogin = reporter;
});
afterAll(() => ctx.close());

async function propose(overrides: Record<string, unknown> = {}) {
  const response = await as(ctx.app, coordinator).post('/api/camera-sites', proposalBody(overrides));
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; status: string; areaCode: string; positionApproximate: boolean };
}
const move = (id: string, status: string, on?: string) =>
  as(ctx.app, coordinator).post(`/api/camera-sites/${id}/status`, { status, ...(on ? { on } : {}) });

describe('the register', () => {
  it('lists the seeded Huddinge sites in the contract shape, none installed without a legal basis', async () => {
    const response = await as(ctx.app, reporter).get('/api/camera-sites');
    expect(response.statusCode).toBe(200);
    const sites = response.json() as {
      name: string;
      status: string;
      legalBasis: unknown;
      areaCode: string;
      location: { lat: number; lon: number };
    }[];
    const seeded = sites.filter((s) => ['Skogås centrum', 'Stuvsta pendeltågsstation', 'Grantorp'].includes(s.name));
    expect(seeded.map((s) => [s.name, s.areaCode, s.status, s.legalBasis])).toEqual([
      ['Grantorp', 'flemingsberg', 'assessing', null],
      ['Skogås centrum', 'skogas', 'assessing', null],
      ['Stuvsta pendeltågsstation', 'stuvsta-snattringe', 'assessing', null],
    ]);
    expect(seeded[2]!.location).toEqual({ lat: 59.25466170156521, lon: 17.997188639671837 });
  });

  it('needs login, and only coordinators propose', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/camera-sites' })).statusCode).toBe(401);
    expect((await as(ctx.app, reporter).post('/api/camera-sites', proposalBody())).statusCode).toBe(403);
    const site = await propose();
    expect(site).toMatchObject({ status: 'proposed', areaCode: 'stuvsta-snattringe', positionApproximate: false });
    expect((await as(ctx.app, reporter).get(`/api/camera-sites/${site.id}`)).json().can).toEqual({
      manage: false,
      seeDisclosures: false,
    });
    expect(
      (await as(ctx.app, otherCoordinator).patch(`/api/camera-sites/${site.id}`, { cameraCount: 4 })).statusCode,
    ).toBe(403);
    expect(
      (await as(ctx.app, otherCoordinator).post(`/api/camera-sites/${site.id}/status`, { status: 'assessing' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as(ctx.app, reporter).put(`/api/camera-sites/${site.id}/legal-basis`, selfAssessmentBody())).statusCode,
    ).toBe(403);
    const edited = await as(ctx.app, coordinator).patch(`/api/camera-sites/${site.id}`, {
      cameraCount: 4,
      signage: true,
    });
    expect(edited.json()).toMatchObject({ cameraCount: 4, signage: true });
  });
});

describe('input checks', () => {
  it('answers 400 for incomplete forms and 404 for unknown sites', async () => {
    const site = await propose();
    const noDpia = { ...selfAssessmentBody() } as Record<string, unknown>;
    delete noDpia.dpia;
    const refused = await as(ctx.app, coordinator).put(`/api/camera-sites/${site.id}/legal-basis`, noDpia);
    expect(refused.statusCode).toBe(400);
    const reviewFirst = await as(ctx.app, coordinator).put(
      `/api/camera-sites/${site.id}/legal-basis`,
      selfAssessmentBody({ decidedOn: '2026-10-01', reviewOn: '2026-09-01' }),
    );
    expect(reviewFirst.json().details).toMatchObject([{ code: 'REVIEW_BEFORE_DECISION' }]);
    expect(
      (await as(ctx.app, coordinator).post('/api/camera-sites', proposalBody({ placeCode: 'nowhere' }))).statusCode,
    ).toBe(400);
    expect(
      (
        await as(ctx.app, coordinator).post(
          '/api/camera-sites',
          proposalBody({ placeCode: undefined, location: { lat: 59.33, lon: 18.07 } }),
        )
      ).json().code,
    ).toBe('OUTSIDE_MUNICIPALITY');
    expect(
      (await as(ctx.app, coordinator).get('/api/camera-sites/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('keeps personal data out of the register texts', async () => {
    const response = await as(ctx.app, coordinator).post(
      '/api/camera-sites',
      proposalBody({ motivation: 'Anmält av boende, tel 070-123 45 67.' }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PERSONAL_DATA');
  });
});

describe('state rules', () => {
  it('refuses approval and installation without a legal basis in force', async () => {
    const site = await propose();
    expect((await move(site.id, 'installed')).json().code).toBe('INVALID_STATUS_TRANSITION');
    expect((await move(site.id, 'assessing')).statusCode).toBe(200);
    const refused = await move(site.id, 'approved');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'LEGAL_BASIS_REQUIRED', details: { problem: 'MISSING' } });

    // A balancing that favours privacy is recorded, but carries no monitoring.
    expect(
      (
        await as(ctx.app, coordinator).put(
          `/api/camera-sites/${site.id}/legal-basis`,
          selfAssessmentBody({ conclusion: 'privacy-outweighs' }),
        )
      ).statusCode,
    ).toBe(200);
    expect((await move(site.id, 'approved')).json().details).toEqual({ problem: 'BALANCING_AGAINST' });

    expect(
      (await as(ctx.app, coordinator).put(`/api/camera-sites/${site.id}/legal-basis`, selfAssessmentBody())).statusCode,
    ).toBe(200);
    expect((await move(site.id, 'approved')).statusCode).toBe(200);
    // Installed before the basis was decided: refused.
    expect((await move(site.id, 'installed', '2026-09-30')).json().details).toEqual({ problem: 'NOT_YET_DECIDED' });
    const installed = await move(site.id, 'installed', '2026-10-05');
    expect(installed.json()).toMatchObject({
      status: 'installed',
      installedOn: '2026-10-05',
      legalBasis: { kind: 'self-assessment', decidedOn: '2026-10-01', reviewOn: '2027-10-01' },
    });

    // Once installed, the basis cannot be replaced by one that would not carry it.
    const weaker = await as(ctx.app, coordinator).put(
      `/api/camera-sites/${site.id}/legal-basis`,
      selfAssessmentBody({ residualRisk: 'high' }),
    );
    expect(weaker.json()).toMatchObject({
      code: 'LEGAL_BASIS_INSUFFICIENT',
      details: { problem: 'PRIOR_CONSULTATION_MISSING' },
    });
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', site.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'camera-site.propose',
      'camera-site.status',
      'camera-site.legal-basis',
      'camera-site.legal-basis',
      'camera-site.status',
      'camera-site.status',
    ]);
  });

  it('accepts a legacy IMY permit only while it is valid', async () => {
    const site = await propose();
    await move(site.id, 'assessing');
    const permit = {
      kind: 'imy-permit',
      decidedOn: '2019-04-02',
      validUntil: '2026-06-30',
      reference: 'DI-2019-1234',
      conditions: 'Bevakning 20–06, maskering av entréer.',
    };
    expect((await as(ctx.app, coordinator).put(`/api/camera-sites/${site.id}/legal-basis`, permit)).statusCode).toBe(
      200,
    );
    expect((await move(site.id, 'approved')).json().details).toEqual({ problem: 'PERMIT_EXPIRED' });
    await as(ctx.app, coordinator).put(`/api/camera-sites/${site.id}/legal-basis`, { ...permit, validUntil: null });
    expect((await move(site.id, 'approved')).json()).toMatchObject({
      status: 'approved',
      legalBasis: { kind: 'imy-permit', reviewOn: null, reference: 'DI-2019-1234' },
    });
  });

  it('warns from 90 days before the review date, by the clock', async () => {
    const site = await propose();
    await as(ctx.app, coordinator).put(
      `/api/camera-sites/${site.id}/legal-basis`,
      selfAssessmentBody({ decidedOn: '2026-11-01', reviewOn: '2027-05-01' }),
    );
    // Sessions expire as the clock moves on: log in at each moment.
    const warningsOf = async () => {
      const session = await login(ctx.app, reporterLogin.email, reporterLogin.password);
      const list = (await as(ctx.app, session).get('/api/camera-sites')).json() as {
        id: string;
        warnings: unknown[];
      }[];
      return list.find((s) => s.id === site.id)!.warnings;
    };
    try {
      ctx.clock.set('2027-01-30T22:59:00Z'); // 23:59 on 30 January in Stockholm: 91 days left
      expect(await warningsOf()).toEqual([]);
      ctx.clock.set('2027-01-30T23:00:00Z'); // midnight, 31 January in Stockholm: 90 days left
      expect(await warningsOf()).toEqual([{ kind: 'review-due', dueOn: '2027-05-01', daysLeft: 90 }]);
      const all = (
        await as(ctx.app, await login(ctx.app, reporterLogin.email, reporterLogin.password)).get(
          '/api/camera-sites/warnings',
        )
      ).json() as { siteId: string }[];
      expect(all.some((w) => w.siteId === site.id)).toBe(true);
      ctx.clock.set('2027-05-02T10:00:00Z');
      expect(await warningsOf()).toEqual([{ kind: 'review-overdue', dueOn: '2027-05-01', daysLeft: -1 }]);
    } finally {
      ctx.clock.set('2026-11-18T10:00:00Z');
    }
  });

  it('logs inspections and faults on installed sites only', async () => {
    const site = await propose();
    const body = {
      kind: 'inspection',
      occurredOn: '2026-11-17',
      working: true,
      maskingCorrect: true,
      signsPresent: false,
      note: 'Skylt vid norra entrén saknas.',
    };
    expect((await as(ctx.app, coordinator).post(`/api/camera-sites/${site.id}/inspections`, body)).json().code).toBe(
      'NOT_INSTALLED',
    );
    await move(site.id, 'assessing');
    await as(ctx.app, coordinator).put(`/api/camera-sites/${site.id}/legal-basis`, selfAssessmentBody());
    await move(site.id, 'approved');
    await move(site.id, 'installed', '2026-11-02');
    expect((await as(ctx.app, coordinator).post(`/api/camera-sites/${site.id}/inspections`, body)).statusCode).toBe(
      201,
    );
    const fault = { kind: 'fault', occurredOn: '2026-11-18', note: 'Kamera 2 ur funktion efter skadegörelse.' };
    const logged = await as(ctx.app, coordinator).post(`/api/camera-sites/${site.id}/inspections`, fault);
    expect(logged.statusCode).toBe(201);
    const faultId = logged.json().id as string;
    const resolve = (resolvedOn: string) =>
      as(ctx.app, coordinator).post(`/api/camera-sites/${site.id}/inspections/${faultId}/resolve`, { resolvedOn });
    expect((await resolve('2026-11-17')).json().code).toBe('FAULT_NOT_OPEN'); // before it occurred
    expect((await resolve('2026-11-18')).json()).toMatchObject({ kind: 'fault', resolvedOn: '2026-11-18' });
    expect((await resolve('2026-11-18')).json().code).toBe('FAULT_NOT_OPEN'); // already resolved
    expect((await as(ctx.app, reporter).post(`/api/camera-sites/${site.id}/inspections`, fault)).statusCode).toBe(403);
    const personal = await as(ctx.app, coordinator).post(`/api/camera-sites/${site.id}/inspections`, {
      ...fault,
      note: 'Ring väktaren på 070-123 45 67 vid fel.',
    });
    expect(personal.statusCode).toBe(422);
    expect(personal.json().details.findings).toMatchObject([{ field: 'note', kind: 'phone-number' }]);
    const log = (await as(ctx.app, reporter).get(`/api/camera-sites/${site.id}/inspections`)).json() as {
      kind: string;
      signsPresent: boolean | null;
    }[];
    expect(log.map((e) => [e.kind, e.signsPresent])).toEqual([
      ['fault', null],
      ['inspection', false],
    ]);
  });
});
