import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';
import { byText } from '../../../../test/support/sort.ts';

interface AuditPage {
  total: number;
  items: {
    id: number;
    at: string;
    action: string;
    entityType: string;
    entityId: string | null;
    actorName: string | null;
    actorEmail: string | null;
    organisationName: string | null;
    summary: Record<string, unknown>;
  }[];
}

let ctx: TestContext;
let admin: Session;
let reporter: Session;
let reporterEmail: string;
let organisationName: string;
let reportIds: string[];
let categoryCode: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const organisation = await createOrganisation(db, 'housing');
  organisationName = organisation.name;
  const users = await Promise.all(
    (['admin', 'rapportor', 'samordnare', 'lasare'] as const).map((role) =>
      createUser(db, { role, organisationId: organisation.id, name: `Testperson ${role}` }),
    ),
  );
  reporterEmail = users[1]!.email;
  [admin, reporter] = await Promise.all([
    login(ctx.app, users[0]!.email, users[0]!.password),
    login(ctx.app, users[1]!.email, users[1]!.password),
  ]);

  // Some history: three reports, one corrected, and an admin edit.
  reportIds = [];
  for (let i = 0; i < 3; i++) {
    const response = await as(ctx.app, reporter).post('/api/reports', reportBody());
    expect(response.statusCode).toBe(201);
    reportIds.push(response.json().id);
  }
  expect(
    (
      await as(ctx.app, reporter).patch(`/api/reports/${reportIds[0]}`, {
        description: 'Klotter på busskuren, större än väntat.',
      })
    ).statusCode,
  ).toBe(200);
  categoryCode = 'ovrigt';
  expect(
    (await as(ctx.app, admin).patch(`/api/categories/${categoryCode}`, { description: 'Allt annat' })).statusCode,
  ).toBe(200);
});
afterAll(() => ctx?.close());

const browse = async (query = '') => {
  const response = await as(ctx.app, admin).get(`/api/audit${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AuditPage;
};

describe('browsing the audit log', () => {
  it('lists entries newest first with who did what', async () => {
    const page = await browse();
    expect(page.total).toBe(page.items.length);
    expect(page.items.map((e) => e.action).slice(0, 5)).toEqual([
      'category.update',
      'report.correct',
      'report.create',
      'report.create',
      'report.create',
    ]);
    const ats = page.items.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(page.items[1]).toMatchObject({
      entityType: 'report',
      entityId: reportIds[0],
      actorName: 'Testperson rapportor',
      actorEmail: reporterEmail,
      organisationName,
      summary: { after: { description: 'Klotter på busskuren, större än väntat.' } },
    });
  });

  it('filters by entity, entity id, action prefix and actor e-mail', async () => {
    const reports = await browse('?entityType=report');
    expect(reports.total).toBe(4);
    expect(reports.items.every((e) => e.entityType === 'report')).toBe(true);

    const one = await browse(`?entityId=${reportIds[0]}`);
    expect(one.items.map((e) => e.action)).toEqual(['report.correct', 'report.create']);

    const creates = await browse('?action=report.create');
    expect(creates.items.map((e) => e.entityId as string).sort(byText)).toEqual([...reportIds].sort(byText));
    const byPrefix = await browse('?action=report');
    expect(byPrefix.total).toBe(4);
    // Wildcards are literal: `report_` matches no action, `%` matches nothing, not everything.
    expect((await browse('?action=report_')).total).toBe(0);
    expect((await browse(`?action=${encodeURIComponent('%')}`)).total).toBe(0);

    const byActor = await browse(`?actorEmail=${encodeURIComponent(reporterEmail.toUpperCase())}`);
    expect(byActor.total).toBe(4);
    expect(byActor.items.every((e) => e.actorEmail === reporterEmail)).toBe(true);

    const combined = await browse(`?entityType=category&actorEmail=${encodeURIComponent(reporterEmail)}`);
    expect(combined).toEqual({ total: 0, items: [] });
  });

  it('pages with limit and offset, keeping the total', async () => {
    const all = await browse('?entityType=report');
    const first = await browse('?entityType=report&limit=3');
    const second = await browse('?entityType=report&limit=3&offset=3');
    expect([first.total, second.total]).toEqual([4, 4]);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.map((e) => e.id));
    expect(second.items).toHaveLength(1);
  });

  it('answers 400 for unknown filters and out-of-range paging', async () => {
    for (const query of ['?userId=1', '?limit=0', '?limit=501', '?offset=-1']) {
      const response = await as(ctx.app, admin).get(`/api/audit${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('VALIDATION');
    }
  });

  it('is for admins only: 403 for other roles, 401 without login', async () => {
    expect((await as(ctx.app, reporter).get('/api/audit')).statusCode).toBe(403);
    expect((await as(ctx.app, reporter).get('/api/audit')).json().code).toBe('FORBIDDEN');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });
});
