import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../../test/support/factories.ts';

let ctx: TestContext;
let author: Session;
let otherReporter: Session;
let coordinator: Session;
let shared: { id: string; number: number };
let restricted: { id: string; number: number };

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const [housing, other, municipality] = await Promise.all([
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'property'),
    createOrganisation(db, 'municipality'),
  ]);
  const users = await Promise.all([
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
    createUser(db, { role: 'rapportor', organisationId: other.id }),
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
  ]);
  [author, otherReporter, coordinator] = (await Promise.all(users.map((u) => login(ctx.app, u.email, u.password)))) as [
    Session,
    Session,
    Session,
  ];
  shared = (await as(ctx.app, author).post('/api/reports', reportBody())).json();
  restricted = (await as(ctx.app, author).post('/api/reports', reportBody({ visibility: 'restricted' }))).json();
});
afterAll(() => ctx.close());

describe('looking reports up by number or id', () => {
  it('finds reports by their numbers and ids, in number order', async () => {
    const response = await as(ctx.app, coordinator).get(
      `/api/reports/lookup?numbers=${restricted.number},${shared.number}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().map((r: { id: string }) => r.id)).toEqual([shared.id, restricted.id]);
    const byId = await as(ctx.app, coordinator).get(
      `/api/reports/lookup?ids=${restricted.id}&numbers=${shared.number}`,
    );
    expect(byId.json().map((r: { number: number }) => r.number)).toEqual([shared.number, restricted.number]);
  });

  it('leaves out what the viewer may not see, like the list does', async () => {
    const seen = await as(ctx.app, otherReporter).get(
      `/api/reports/lookup?numbers=${shared.number},${restricted.number}&ids=${restricted.id}`,
    );
    expect(seen.json().map((r: { id: string }) => r.id)).toEqual([shared.id]);
    const own = await as(ctx.app, author).get(`/api/reports/lookup?numbers=${restricted.number}`);
    expect(own.json().map((r: { id: string }) => r.id)).toEqual([restricted.id]);
  });

  it('answers an empty list for nothing asked or nothing found, 400 for malformed input, 401 without a session', async () => {
    expect((await as(ctx.app, coordinator).get('/api/reports/lookup')).json()).toEqual([]);
    expect((await as(ctx.app, coordinator).get('/api/reports/lookup?numbers=999999')).json()).toEqual([]);
    expect((await as(ctx.app, coordinator).get('/api/reports/lookup?numbers=12,abc')).statusCode).toBe(400);
    expect((await as(ctx.app, coordinator).get('/api/reports/lookup?numbers=99999999999')).statusCode).toBe(400);
    expect((await as(ctx.app, coordinator).get('/api/reports/lookup?ids=not-an-id')).statusCode).toBe(400);
    const tooMany = Array.from({ length: 201 }, (_, i) => i + 1).join(',');
    expect((await as(ctx.app, coordinator).get(`/api/reports/lookup?numbers=${tooMany}`)).statusCode).toBe(400);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/reports/lookup?numbers=${shared.number}` })).statusCode,
    ).toBe(401);
  });
});
