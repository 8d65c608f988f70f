import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { countRows, openSession, snapshotTable } from '../../../../test/support/matrix.ts';

let ctx: TestContext;
let organisation: { id: string; code: string; name: string };
let admin: Session;

const unique = () => randomBytes(4).toString('hex');
const validUser = (overrides: Record<string, unknown> = {}) => ({
  email: `anna-${unique()}@test.samtrygg.local`,
  name: 'Anna Andersson',
  password: 'ett-langt-losenord-2026',
  organisationCode: organisation.code,
  role: 'rapportor',
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext();
  organisation = await createOrganisation(ctx.database.db, 'housing');
  const adminUser = await createUser(ctx.database.db, { role: 'admin', organisationId: organisation.id });
  admin = await login(ctx.app, adminUser.email, adminUser.password);
});
afterAll(() => ctx?.close());

/** Users and audit log as they are, to show that a refused request changed nothing. */
async function state() {
  return { users: await snapshotTable(ctx.database.db, 'users'), audit: await countRows(ctx.database.db, 'audit_log') };
}

async function auditOf(userId: string) {
  return ctx.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', userId).orderBy('id').execute();
}

describe('creating a user', () => {
  it('answers 201 with the user, never the password or its hash, and the user can log in', async () => {
    const input = validUser({ email: `Berit-${unique()}@Test.Samtrygg.local`, role: 'samordnare' });
    const response = await as(ctx.app, admin).post('/api/users', input);
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: input.email.toLowerCase(),
      name: 'Anna Andersson',
      role: 'samordnare',
      organisationCode: organisation.code,
      organisationName: organisation.name,
      active: true,
    });
    expect(response.body).not.toContain(input.password);
    expect(response.body).not.toMatch(/argon2|hash/i);

    const listed = await as(ctx.app, admin).get('/api/users');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().map((u: { id: string }) => u.id)).toContain(user.id);
    expect(listed.body).not.toMatch(/argon2|password/i);

    const loggedIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: input.email, password: input.password },
    });
    expect(loggedIn.statusCode).toBe(200);
    expect(loggedIn.json().user.role).toBe('samordnare');

    const audit = await auditOf(user.id);
    expect(audit.map((e) => e.action)).toEqual(['user.create']);
    expect(audit[0]!.actor_user_id).toBe(admin.userId);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain(input.password);
  });

  it('answers 409 EMAIL_TAKEN for an e-mail already in use, in any case, and stores nothing', async () => {
    const input = validUser();
    expect((await as(ctx.app, admin).post('/api/users', input)).statusCode).toBe(201);
    const before = await state();
    for (const email of [input.email, input.email.toUpperCase()]) {
      const response = await as(ctx.app, admin).post('/api/users', validUser({ email }));
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('EMAIL_TAKEN');
    }
    expect(await state()).toEqual(before);
  });

  it('answers 400 for an unknown or retired organisation', async () => {
    const retired = await createOrganisation(ctx.database.db, 'other');
    await ctx.database.db.updateTable('organisations').set({ active: false }).where('id', '=', retired.id).execute();
    const before = await state();
    for (const organisationCode of ['finns-inte', retired.code]) {
      const response = await as(ctx.app, admin).post('/api/users', validUser({ organisationCode }));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'UNKNOWN_ORGANISATION',
        details: [{ path: 'body.organisationCode' }],
      });
    }
    expect(await state()).toEqual(before);
  });

  it('answers 400 with field details for a weak password, a bad e-mail, an unknown role and unknown fields', async () => {
    const before = await state();
    const weak = await as(ctx.app, admin).post('/api/users', validUser({ password: 'kort' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'body.password', message: 'at least 12 characters' }],
    });

    const invalid = await as(ctx.app, admin).post(
      '/api/users',
      validUser({ email: 'inte-en-adress', role: 'superuser' }),
    );
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.email', 'body.role']);

    const extra = await as(ctx.app, admin).post('/api/users', validUser({ passwordHash: 'x', isAdmin: true }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json().details.some((d: { code: string }) => d.code === 'UNRECOGNIZED_KEYS')).toBe(true);

    const missing = await as(ctx.app, admin).post('/api/users', { email: `x-${unique()}@test.samtrygg.local` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.password', 'body.organisationCode', 'body.role']),
    );
    expect(await state()).toEqual(before);
  });
});

describe('changing a user', () => {
  it('renames, changes the role and audits before and after; a role change ends her sessions', async () => {
    const user = await createUser(ctx.database.db, { role: 'rapportor', organisationId: organisation.id });
    const session = await openSession(ctx.database.db, user.id, ctx.clock.now);
    const response = await as(ctx.app, admin).patch(`/api/users/${user.id}`, {
      name: 'Cecilia Cederberg',
      role: 'lasare',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, name: 'Cecilia Cederberg', role: 'lasare' });
    expect((await as(ctx.app, session).get('/api/auth/session')).statusCode).toBe(401);

    const audit = await auditOf(user.id);
    expect(audit.map((e) => e.action)).toEqual(['user.update']);
    expect(audit[0]!.summary).toMatchObject({
      before: { name: 'Test rapportor', role: 'rapportor', active: true },
      after: { name: 'Cecilia Cederberg', role: 'lasare', passwordChanged: false },
    });
  });

  it('sets a new password: the old one stops working, the new one works, and neither is audited', async () => {
    const user = await createUser(ctx.database.db, { role: 'rapportor', organisationId: organisation.id });
    const newPassword = 'ett-helt-nytt-losenord';
    expect((await as(ctx.app, admin).patch(`/api/users/${user.id}`, { password: newPassword })).statusCode).toBe(200);
    const login = (password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
    expect((await login(user.password)).statusCode).toBe(401);
    expect((await login(newPassword)).statusCode).toBe(200);
    const audit = await auditOf(user.id);
    expect(audit.map((e) => e.action)).toEqual(['user.update']);
    expect(audit[0]!.summary).toMatchObject({ after: { passwordChanged: true } });
    expect(JSON.stringify(audit[0]!.summary)).not.toContain(newPassword);
  });

  it('unlock clears a lockout', async () => {
    const user = await createUser(ctx.database.db, { role: 'rapportor', organisationId: organisation.id });
    const lockedUntil = new Date(ctx.clock.now.getTime() + 15 * 60_000);
    await ctx.database.db.updateTable('users').set({ locked_until: lockedUntil }).where('id', '=', user.id).execute();
    const login = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
    expect((await login()).statusCode).toBe(423);

    const response = await as(ctx.app, admin).patch(`/api/users/${user.id}`, { unlock: true });
    expect(response.statusCode).toBe(200);
    expect((await login()).statusCode).toBe(200);
    const audit = await auditOf(user.id);
    expect(audit.map((e) => e.action)).toEqual(['user.update']);
    expect(audit[0]!.summary).toMatchObject({ after: { unlocked: true } });
  });

  it('answers 404 for a user that does not exist and 400 for a malformed id or an unknown field, changing nothing', async () => {
    const before = await state();
    const missing = await as(ctx.app, admin).patch('/api/users/00000000-0000-4000-8000-000000000000', { name: 'X' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    expect((await as(ctx.app, admin).patch('/api/users/not-an-id', { name: 'X' })).statusCode).toBe(400);
    const extra = await as(ctx.app, admin).patch(`/api/users/${admin.userId}`, {
      organisationCode: 'polisen-huddinge',
    });
    expect(extra.statusCode).toBe(400);
    expect(await state()).toEqual(before);
  });
});

describe('the last admin', () => {
  it('cannot be demoted or deactivated (409 LAST_ADMIN); with a second admin she can', async () => {
    // Leave exactly one active admin, whatever other tests created.
    const users = (await as(ctx.app, admin).get('/api/users')).json() as {
      id: string;
      role: string;
      active: boolean;
    }[];
    for (const other of users.filter((u) => u.role === 'admin' && u.active && u.id !== admin.userId)) {
      expect((await as(ctx.app, admin).patch(`/api/users/${other.id}`, { active: false })).statusCode).toBe(200);
    }

    const before = await state();
    for (const change of [{ role: 'samordnare' }, { active: false }]) {
      const response = await as(ctx.app, admin).patch(`/api/users/${admin.userId}`, change);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('LAST_ADMIN');
    }
    expect(await state()).toEqual(before);
    // Renaming the last admin is fine.
    expect((await as(ctx.app, admin).patch(`/api/users/${admin.userId}`, { name: 'Sista admin' })).statusCode).toBe(
      200,
    );

    const second = await as(ctx.app, admin).post('/api/users', validUser({ role: 'admin' }));
    expect(second.statusCode).toBe(201);
    const demoted = await as(ctx.app, admin).patch(`/api/users/${second.json().id}`, { role: 'samordnare' });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().role).toBe('samordnare');
    // She is the last one again.
    expect((await as(ctx.app, admin).patch(`/api/users/${admin.userId}`, { role: 'lasare' })).statusCode).toBe(409);

    // A deactivated admin is no active admin: changing her role leaves the last active one in place.
    const former = await as(ctx.app, admin).post('/api/users', validUser({ role: 'admin' }));
    expect((await as(ctx.app, admin).patch(`/api/users/${former.json().id}`, { active: false })).statusCode).toBe(200);
    const formerDemoted = await as(ctx.app, admin).patch(`/api/users/${former.json().id}`, { role: 'lasare' });
    expect(formerDemoted.statusCode, formerDemoted.body).toBe(200);
    expect(formerDemoted.json()).toMatchObject({ role: 'lasare', active: false });
  });
});
