import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import { selfAssessmentBody } from './cameras.fixtures.ts';

let ctx: TestContext;
let coordinator: Session;
let reporter: Session;
let police: Session;

const FLEMINGSBERG = { lat: 59.21926148988484, lon: 17.947841798445623 };
const STUVSTA = { lat: 59.25466170156521, lon: 17.997188639671837 };
/** About 330 m north of Stuvsta station: in a 200 m zone's 300 m ring. */
const STUVSTA_RING = { lat: STUVSTA.lat + 0.003, lon: STUVSTA.lon };
const SKOGAS = { lat: 59.219357, lon: 18.153572 };

async function file(
  session: Session,
  location: { lat: number; lon: number },
  occurredAt: string,
  n: number,
  extra: Record<string, unknown> = {},
) {
  for (let i = 0; i < n; i++) {
    const response = await as(ctx.app, session).post('/api/reports', reportBody({ location, occurredAt, ...extra }));
    expect(response.statusCode).toBe(201);
  }
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-06-01T10:00:00Z' });
  const db = ctx.database.db;
  const [municipality, housing, policeOrg] = await Promise.all([
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'police'),
  ]);
  const users = await Promise.all([
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
    createUser(db, { role: 'rapportor', organisationId: policeOrg.id }),
  ]);
  [coordinator, reporter, police] = (await Promise.all(users.map((u) => login(ctx.app, u.email, u.password)))) as [
    Session,
    Session,
    Session,
  ];
});
afterAll(() => ctx.close());

describe('siting support', () => {
  it('ranks places by the reports the viewer may see within the radius, with the reasons', async () => {
    await file(reporter, FLEMINGSBERG, '2026-05-10T21:00:00+02:00', 4);
    await file(reporter, FLEMINGSBERG, '2026-05-11T21:00:00+02:00', 1, { categoryCode: 'anlagd-brand' });
    // Restricted police reports: counted for the coordinator, not for the housing company's reporter.
    await file(police, { lat: 59.2231, lon: 17.94 }, '2026-05-12T21:00:00+02:00', 6, { visibility: 'restricted' });
    // Older than 12 months: not counted.
    await file(reporter, FLEMINGSBERG, '2025-05-01T21:00:00+02:00', 3);

    const forReporter = (await as(ctx.app, reporter).get('/api/camera-sites/siting?radius=200')).json();
    expect(forReporter.totalReports).toBe(5);
    expect(forReporter.candidates[0]).toMatchObject({
      kind: 'place',
      code: 'flemingsberg-c',
      reports: 5,
      byCategory: [
        { categoryCode: 'skadegorelse-klotter', count: 4 },
        { categoryCode: 'anlagd-brand', count: 1 },
      ],
      covered: false,
    });

    const forCoordinator = (await as(ctx.app, coordinator).get('/api/camera-sites/siting?radius=200')).json();
    expect(forCoordinator.totalReports).toBe(11);
    expect(forCoordinator.candidates[0]).toMatchObject({ code: 'grantorp', reports: 6 });
    // The seeded Grantorp site is only being assessed: a reason to show, but no coverage yet.
    expect(forCoordinator.candidates[0]).toMatchObject({
      covered: false,
      nearestCamera: { name: 'Grantorp', status: 'assessing', distanceMetres: 0 },
    });

    const arson = (
      await as(ctx.app, reporter).get('/api/camera-sites/siting?radius=200&categories=anlagd-brand')
    ).json();
    expect(arson.candidates[0]).toMatchObject({ code: 'flemingsberg-c', reports: 1 });

    // A proposal cites the reports behind a candidate; each viewer sees only the ones she may open.
    const cited = [...forReporter.candidates[0].reportIds, ...forCoordinator.candidates[0].reportIds];
    expect(cited).toHaveLength(11);
    const site = (
      await as(ctx.app, coordinator).post('/api/camera-sites', {
        name: 'Grantorp torg',
        placeCode: 'grantorp',
        motivatingReportIds: cited,
      })
    ).json();
    expect(site.motivatingReports).toHaveLength(11);
    const seenByReporter = (await as(ctx.app, reporter).get(`/api/camera-sites/${site.id}`)).json();
    expect(seenByReporter.motivatingReports.map((r: { id: string }) => r.id).sort()).toEqual(
      [...forReporter.candidates[0].reportIds].sort(),
    );
    // Not even the ids of restricted reports reach her.
    expect([...seenByReporter.motivatingReportIds].sort()).toEqual([...forReporter.candidates[0].reportIds].sort());
    expect(JSON.stringify(seenByReporter)).not.toContain(
      forCoordinator.candidates[0].reportIds.find((id: string) => !forReporter.candidates[0].reportIds.includes(id)),
    );
    // A coordinator's edit keeps what she cites; citing a report that does not exist is refused.
    const unknown = await as(ctx.app, coordinator).patch(`/api/camera-sites/${site.id}`, {
      motivatingReportIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([expect.objectContaining({ code: 'UNKNOWN_REPORT' })]);
    expect(
      (await as(ctx.app, coordinator).get(`/api/camera-sites/${site.id}`)).json().motivatingReportIds,
    ).toHaveLength(11);
  });
});

describe('before/after evaluation', () => {
  it('counts zone, ring and comparison area in equal periods around the installation day', async () => {
    // Before the installation on 1 June (periods of 61 days: 1 April – 31 May, 1 June – 31 July).
    await file(reporter, STUVSTA, '2026-04-20T21:00:00+02:00', 4);
    await file(reporter, STUVSTA_RING, '2026-05-20T21:00:00+02:00', 2);
    await file(reporter, SKOGAS, '2026-04-10T21:00:00+02:00', 5);
    await file(reporter, STUVSTA, '2026-03-20T21:00:00+01:00', 3); // before the before period
    const site = (
      await as(ctx.app, coordinator).post('/api/camera-sites', {
        name: 'Stuvsta perrong',
        placeCode: 'stuvsta-station',
        retentionDays: 14,
      })
    ).json();
    expect(
      (await as(ctx.app, coordinator).get(`/api/camera-sites/${site.id}/evaluation?comparisonArea=skogas`)).json().code,
    ).toBe('NOT_INSTALLED');
    await as(ctx.app, coordinator).post(`/api/camera-sites/${site.id}/status`, { status: 'assessing' });
    await as(ctx.app, coordinator).put(
      `/api/camera-sites/${site.id}/legal-basis`,
      selfAssessmentBody({ decidedOn: '2026-05-01' }),
    );
    await as(ctx.app, coordinator).post(`/api/camera-sites/${site.id}/status`, { status: 'approved' });
    expect(
      (
        await as(ctx.app, coordinator).post(`/api/camera-sites/${site.id}/status`, {
          status: 'installed',
          on: '2026-06-01',
        })
      ).statusCode,
    ).toBe(200);

    ctx.clock.set('2026-09-01T10:00:00Z');
    const later = await login(ctx.app, ...(await credentials()));
    await file(later, STUVSTA, '2026-06-20T21:00:00+02:00', 2);
    await file(later, STUVSTA_RING, '2026-07-20T21:00:00+02:00', 3);
    await file(later, SKOGAS, '2026-07-10T21:00:00+02:00', 5);
    await file(later, STUVSTA, '2026-08-10T21:00:00+02:00', 4); // after the after period

    const response = await as(ctx.app, later).get(
      `/api/camera-sites/${site.id}/evaluation?comparisonArea=skogas&months=2&radius=200&ringWidth=300`,
    );
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      periodDays: 61,
      shortened: false,
      before: { from: '2026-04-01T00:00:00.000+02:00', to: '2026-06-01T00:00:00.000+02:00' },
      after: { from: '2026-06-01T00:00:00.000+02:00', to: '2026-08-01T00:00:00.000+02:00' },
      comparisonArea: { code: 'skogas' },
      counts: {
        treatmentBefore: 4,
        treatmentAfter: 2,
        ringBefore: 2,
        ringAfter: 3,
        comparisonBefore: 5,
        comparisonAfter: 5,
      },
    });
    // RES = (4·5)/(2·5) = 2; WDQ = (3/5 − 2/5)/(2/5 − 4/5) = 0.2/−0.4 = −0.5
    expect(result.relativeEffectSize.value).toBeCloseTo(2, 12);
    expect(result.weightedDisplacementQuotient).toBeCloseTo(-0.5, 12);
    expect(result.relativeEffectSize.lower).toBeLessThan(1);
    expect(
      (await as(ctx.app, later).get(`/api/camera-sites/${site.id}/evaluation?comparisonArea=nowhere`)).statusCode,
    ).toBe(400);
  });
});

let reporterCredentials: [string, string] | undefined;
async function credentials(): Promise<[string, string]> {
  if (!reporterCredentials) {
    const org = await createOrganisation(ctx.database.db, 'housing');
    const user = await createUser(ctx.database.db, { role: 'rapportor', organisationId: org.id });
    reporterCredentials = [user.email, user.password];
  }
  return reporterCredentials;
}
