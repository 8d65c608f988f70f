import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { cast } from '../../../../test/support/cast.ts';
import { proposalBody, selfAssessmentBody } from './cameras.fixtures.ts';

let ctx: TestContext;
let owner: Session;
let responsible: Session;
let admin: Session;
let outsiders: [string, Session][];
let installedSite: string;
let neverInstalled: string;

const disclosure = {
  caseReference: '5000-K123456-26',
  recordingFrom: '2026-11-14T20:00:00+01:00',
  recordingTo: '2026-11-14T23:00:00+01:00',
  releasedAt: '2026-11-16T09:30:00+01:00',
  releasedByName: 'Kim Kameraansvarig',
};

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-18T10:00:00Z' });
  const people = await cast(ctx, {
    organisations: { municipality: 'municipality', contractor: 'property', police: 'police', housing: 'housing' },
    actors: {
      owner: { role: 'samordnare', of: 'municipality' },
      responsible: { role: 'rapportor', of: 'contractor' },
      admin: { role: 'admin', of: 'municipality' },
      ownReader: { role: 'lasare', of: 'municipality' },
      ownReporter: { role: 'rapportor', of: 'municipality' },
      otherCoordinator: { role: 'samordnare', of: 'housing' },
      policeCoordinator: { role: 'samordnare', of: 'police' },
    },
  });
  ({ owner, responsible, admin } = people);
  outsiders = [
    ['läsare in the owning organisation', people.ownReader],
    ['rapportör in the owning organisation', people.ownReporter],
    ['samordnare of another organisation', people.otherCoordinator],
    ['samordnare of the police', people.policeCoordinator],
  ];

  const create = async (retentionDays: number) =>
    (
      await as(ctx.app, owner).post(
        '/api/camera-sites',
        proposalBody({ retentionDays, responsibleUserId: people.responsible.userId }),
      )
    ).json().id as string;
  installedSite = await create(14);
  neverInstalled = await create(14);
  await as(ctx.app, owner).post(`/api/camera-sites/${installedSite}/status`, { status: 'assessing' });
  await as(ctx.app, owner).put(`/api/camera-sites/${installedSite}/legal-basis`, selfAssessmentBody());
  await as(ctx.app, owner).post(`/api/camera-sites/${installedSite}/status`, { status: 'approved' });
  await as(ctx.app, owner).post(`/api/camera-sites/${installedSite}/status`, { status: 'installed', on: '2026-10-05' });
});
afterAll(() => ctx.close());

const viewAudits = async (siteId: string) =>
  ctx.database.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'summary'])
    .where('action', '=', 'camera-disclosure.view')
    .where('entity_id', '=', siteId)
    .orderBy('id')
    .execute();

describe('logging a disclosure', () => {
  it('is refused on a site that never recorded anything', async () => {
    const response = await as(ctx.app, owner).post(`/api/camera-sites/${neverInstalled}/disclosures`, disclosure);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'NO_RECORDINGS', details: { problem: 'NEVER_INSTALLED' } });
  });

  it('is refused when the site keeps no recordings, or no longer kept that footage', async () => {
    await as(ctx.app, owner).patch(`/api/camera-sites/${installedSite}`, { retentionDays: 0 });
    expect(
      (await as(ctx.app, owner).post(`/api/camera-sites/${installedSite}/disclosures`, disclosure)).json().details,
    ).toEqual({ problem: 'NO_RETENTION' });
    await as(ctx.app, owner).patch(`/api/camera-sites/${installedSite}`, { retentionDays: 1 });
    expect(
      (await as(ctx.app, owner).post(`/api/camera-sites/${installedSite}/disclosures`, disclosure)).json().details,
    ).toEqual({ problem: 'BEYOND_RETENTION' });
    await as(ctx.app, owner).patch(`/api/camera-sites/${installedSite}`, { retentionDays: 14 });
  });

  it('is stored with case reference, span, who released it and when', async () => {
    const response = await as(ctx.app, responsible).post(`/api/camera-sites/${installedSite}/disclosures`, disclosure);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      recipient: 'Polismyndigheten',
      caseReference: '5000-K123456-26',
      recordingFrom: '2026-11-14T19:00:00.000Z',
      recordingTo: '2026-11-14T22:00:00.000Z',
      releasedAt: '2026-11-16T08:30:00.000Z',
      releasedByName: 'Kim Kameraansvarig',
    });
    const future = { ...disclosure, releasedAt: '2026-11-19T09:00:00+01:00' };
    expect((await as(ctx.app, owner).post(`/api/camera-sites/${installedSite}/disclosures`, future)).statusCode).toBe(
      400,
    );
  });
});

describe('the camera responsible', () => {
  it('is named by the owning coordinator, and cannot pass the log on', async () => {
    const passOn = await as(ctx.app, responsible).patch(`/api/camera-sites/${installedSite}`, {
      responsibleUserId: outsiders[0]![1].userId,
    });
    expect(passOn.statusCode).toBe(403);
    expect(
      (await as(ctx.app, responsible).patch(`/api/camera-sites/${installedSite}`, { signage: true })).statusCode,
    ).toBe(200);
    const unknown = await as(ctx.app, owner).patch(`/api/camera-sites/${installedSite}`, {
      responsibleUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.json().details).toMatchObject([{ code: 'UNKNOWN_USER' }]);
  });
});

describe('the disclosure log', () => {
  it('answers 404 to everyone without the right, and leaves no audit entry for them', async () => {
    const before = (await viewAudits(installedSite)).length;
    for (const [who, session] of outsiders) {
      const read = await as(ctx.app, session).get(`/api/camera-sites/${installedSite}/disclosures`);
      expect(read.statusCode, who).toBe(404);
      expect(read.json().code, who).toBe('NOT_FOUND');
      expect(
        (await as(ctx.app, session).post(`/api/camera-sites/${installedSite}/disclosures`, disclosure)).statusCode,
        who,
      ).toBe(404);
    }
    expect(await viewAudits(installedSite)).toHaveLength(before);
  });

  it('shows the log to the owning coordinator, the camera responsible and admins, and audits every view', async () => {
    const before = (await viewAudits(installedSite)).length;
    for (const session of [owner, responsible, admin]) {
      const read = await as(ctx.app, session).get(`/api/camera-sites/${installedSite}/disclosures`);
      expect(read.statusCode).toBe(200);
      expect(read.json().map((d: { caseReference: string }) => d.caseReference)).toEqual(['5000-K123456-26']);
    }
    const audits = await viewAudits(installedSite);
    expect(audits.slice(before).map((a) => [a.actor_user_id, a.summary])).toEqual([
      [owner.userId, { entries: 1 }],
      [responsible.userId, { entries: 1 }],
      [admin.userId, { entries: 1 }],
    ]);
  });

  it('answers 404 for a site that does not exist', async () => {
    expect(
      (await as(ctx.app, admin).get('/api/camera-sites/00000000-0000-4000-8000-000000000000/disclosures')).statusCode,
    ).toBe(404);
    expect((await as(ctx.app, admin).get('/api/camera-sites/not-a-uuid/disclosures')).statusCode).toBe(404);
  });
});
