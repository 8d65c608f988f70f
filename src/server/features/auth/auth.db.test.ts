import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody, TEST_PASSWORD } from '../../../../test/support/factories.ts';
import { countRows, openSession, snapshotTable } from '../../../../test/support/matrix.ts';

const LOCKOUT_THRESHOLD = 3;
const LOCKOUT_MINUTES = 10;
const START = '2026-11-18T10:00:00Z';

let ctx: TestContext;
let organisationId: string;
let admin: Session;
let reporter: { id: string; email: string; password: string };
let reporterSession: Session;

beforeAll(async () => {
  ctx = await createTestContext({
    now: START,
    env: { LOGIN_LOCKOUT_THRESHOLD: String(LOCKOUT_THRESHOLD), LOGIN_LOCKOUT_MINUTES: String(LOCKOUT_MINUTES) },
  });
  const db = ctx.database.db;
  const organisation = await createOrganisation(db, 'housing');
  organisationId = organisation.id;
  const adminUser = await createUser(db, { role: 'admin', organisationId });
  reporter = await createUser(db, { role: 'rapportor', organisationId });
  [admin, reporterSession] = await Promise.all([
    login(ctx.app, adminUser.email, adminUser.password),
    login(ctx.app, reporter.email, reporter.password),
  ]);
});
afterAll(() => ctx?.close());

const loginRequest = (email: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const getSession = (session?: Session) =>
  ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: session ? { cookie: session.cookie } : {} });

describe('logging in', () => {
  it('answers 200 with the user and a CSRF token, and sets an httpOnly, SameSite=Lax, Secure session cookie', async () => {
    const response = await loginRequest(reporter.email, reporter.password);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ id: reporter.id, email: reporter.email, role: 'rapportor', active: true });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(JSON.stringify(body)).not.toMatch(/password|argon2/i);

    const cookie = response.cookies.find((c) => c.name === 'samtrygg_session');
    expect(cookie).toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
  });

  it('sends the session cookie with a relative Max-Age and no absolute Expires, so a browser whose clock differs keeps it', async () => {
    const response = await loginRequest(reporter.email, reporter.password);
    const header = [response.headers['set-cookie']].flat().find((c) => String(c).startsWith('samtrygg_session='));
    expect(header).toMatch(/Max-Age=43200(;|$)/);
    expect(header).not.toMatch(/Expires=/i);
  });

  it('accepts the e-mail address in any case', async () => {
    const response = await loginRequest(reporter.email.toUpperCase(), reporter.password);
    expect(response.statusCode).toBe(200);
  });

  it('answers 401 INVALID_CREDENTIALS alike for a wrong password and an unknown e-mail, without a cookie', async () => {
    const wrongPassword = await loginRequest(reporter.email, 'not-the-password');
    const unknownEmail = await loginRequest('nobody@test.samtrygg.local', TEST_PASSWORD);
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('INVALID_CREDENTIALS');
      expect(response.cookies.find((c) => c.name === 'samtrygg_session')).toBeUndefined();
    }
    expect(wrongPassword.json().message).toBe(unknownEmail.json().message);
    // The failed attempt does not count against the next login.
    await ctx.database.db.updateTable('users').set({ failed_login_count: 0 }).where('id', '=', reporter.id).execute();
  });

  it('answers 400 for a body without a password', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: reporter.email },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.map((d: { path: string }) => d.path)).toContain('body.password');
  });
});

describe('the session', () => {
  it('answers 200 with the user and the same CSRF token for a live session, 401 without a cookie', async () => {
    const live = await getSession(reporterSession);
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ user: { id: reporter.id }, csrfToken: reporterSession.csrfToken });
    const none = await getSession();
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 for a made-up cookie', async () => {
    const response = await getSession({ cookie: 'samtrygg_session=made-up', csrfToken: 'x', userId: reporter.id });
    expect(response.statusCode).toBe(401);
  });

  it('expires after SESSION_TTL_HOURS (12 by default)', async () => {
    const session = await login(ctx.app, reporter.email, reporter.password);
    try {
      ctx.clock.set('2026-11-18T21:59:00Z');
      expect((await getSession(session)).statusCode).toBe(200);
      ctx.clock.set('2026-11-18T22:00:01Z');
      expect((await getSession(session)).statusCode).toBe(401);
      expect((await as(ctx.app, session).get('/api/reports')).statusCode).toBe(401);
    } finally {
      ctx.clock.set(START);
    }
  });

  it('is stored in the database: a second app on the same database accepts the cookie and sees its logout', async () => {
    const session = await openSession(ctx.database.db, reporter.id, ctx.clock.now);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const second = await buildApp({
      config,
      database: ctx.database,
      clock: () => ctx.clock.now,
      webRoot: null,
      logger: false,
    });
    try {
      const there = await second.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { cookie: session.cookie },
      });
      expect(there.statusCode).toBe(200);
      expect(there.json().user.id).toBe(reporter.id);
      expect((await as(second, session).post('/api/auth/logout')).statusCode).toBe(200);
      expect((await getSession(session)).statusCode).toBe(401);
    } finally {
      await second.close();
    }
  });
});

describe('logging out', () => {
  it('ends the session: later requests with the cookie answer 401 and the session row is gone', async () => {
    const session = await openSession(ctx.database.db, reporter.id, ctx.clock.now);
    const sessionsBefore = await countRows(ctx.database.db, 'sessions');
    const response = await as(ctx.app, session).post('/api/auth/logout');
    expect(response.statusCode).toBe(200);
    const cleared = response.cookies.find((c) => c.name === 'samtrygg_session');
    expect(cleared?.value).toBe('');
    expect(await countRows(ctx.database.db, 'sessions')).toBe(sessionsBefore - 1);
    expect((await getSession(session)).statusCode).toBe(401);
    expect((await as(ctx.app, session).get('/api/reports')).statusCode).toBe(401);
    expect((await as(ctx.app, session).post('/api/reports', reportBody())).statusCode).toBe(401);
    // Other sessions of the same user live on.
    expect((await getSession(reporterSession)).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request with the cookie but without or with a wrong x-csrf-token (403 CSRF), changing nothing', async () => {
    const db = ctx.database.db;
    const before = [await countRows(db, 'reports'), await countRows(db, 'audit_log')];
    const headerSets: Record<string, string>[] = [
      { cookie: reporterSession.cookie },
      { cookie: reporterSession.cookie, 'x-csrf-token': 'wrong-token' },
      // Another session's token is just as wrong.
      { cookie: reporterSession.cookie, 'x-csrf-token': admin.csrfToken },
    ];
    for (const headers of headerSets) {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/reports', headers, payload: reportBody() });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('CSRF');
    }
    expect([await countRows(db, 'reports'), await countRows(db, 'audit_log')]).toEqual(before);
  });

  it('guards PATCH and PUT too, and a CSRF-less logout does not end the session', async () => {
    const db = ctx.database.db;
    const usersBefore = await snapshotTable(db, 'users');
    const patch = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${reporter.id}`,
      headers: { cookie: admin.cookie },
      payload: { role: 'lasare' },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('CSRF');
    const put = await ctx.app.inject({
      method: 'PUT',
      url: '/api/areas',
      headers: { cookie: admin.cookie },
      payload: { type: 'FeatureCollection', features: [] },
    });
    expect(put.statusCode).toBe(403);
    expect(await snapshotTable(db, 'users')).toEqual(usersBefore);

    const logout = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: reporterSession.cookie },
    });
    expect(logout.statusCode).toBe(403);
    expect((await getSession(reporterSession)).statusCode).toBe(200);
  });

  it('lets reads through without the header', async () => {
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/reports', headers: { cookie: reporterSession.cookie } }))
        .statusCode,
    ).toBe(200);
  });
});

describe('lockout', () => {
  it(`locks the account after ${LOCKOUT_THRESHOLD} failures (423 even with the right password) and lifts after ${LOCKOUT_MINUTES} minutes`, async () => {
    const db = ctx.database.db;
    const user = await createUser(db, { role: 'rapportor', organisationId });
    try {
      for (let attempt = 1; attempt <= LOCKOUT_THRESHOLD; attempt++) {
        const failed = await loginRequest(user.email, 'wrong-password-here');
        expect(failed.statusCode).toBe(401);
        expect(failed.json().code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await loginRequest(user.email, user.password);
      expect(locked.statusCode).toBe(423);
      expect(locked.json()).toMatchObject({
        code: 'ACCOUNT_LOCKED',
        details: { lockedUntil: '2026-11-18T10:10:00.000Z' },
      });
      expect(locked.cookies.find((c) => c.name === 'samtrygg_session')).toBeUndefined();

      const audit = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', user.id).execute();
      expect(audit.map((e) => e.action)).toEqual(['user.lock']);

      ctx.clock.set('2026-11-18T10:09:59Z');
      expect((await loginRequest(user.email, user.password)).statusCode).toBe(423);
      ctx.clock.set('2026-11-18T10:10:01Z');
      expect((await loginRequest(user.email, user.password)).statusCode).toBe(200);
    } finally {
      ctx.clock.set(START);
    }
  });

  it('counts only consecutive failures: a successful login resets the count', async () => {
    const user = await createUser(ctx.database.db, { role: 'rapportor', organisationId });
    for (let attempt = 1; attempt < LOCKOUT_THRESHOLD; attempt++) await loginRequest(user.email, 'wrong-password-here');
    expect((await loginRequest(user.email, user.password)).statusCode).toBe(200);
    expect((await loginRequest(user.email, 'wrong-password-here')).statusCode).toBe(401);
    expect((await loginRequest(user.email, user.password)).statusCode).toBe(200);
  });
});

describe('lockout of an address without an account', () => {
  it('answers exactly as for an account: 401 until the threshold, then 423 with the time, then 401 again', async () => {
    const email = `nobody-${Date.now()}@test.samtrygg.local`;
    const realUser = await createUser(ctx.database.db, { role: 'rapportor', organisationId });
    try {
      const answers = async (address: string) => {
        const seen: { status: number; body: unknown }[] = [];
        for (let attempt = 1; attempt <= LOCKOUT_THRESHOLD + 1; attempt++) {
          const response = await loginRequest(address, 'wrong-password-here');
          seen.push({ status: response.statusCode, body: response.json() });
        }
        return seen;
      };
      const unknown = await answers(email.toUpperCase());
      const known = await answers(realUser.email);
      // Same statuses, codes and lock times: the answers do not tell which address has an account.
      expect(unknown).toEqual(known);
      expect(unknown.at(-1)).toMatchObject({
        status: 423,
        body: { code: 'ACCOUNT_LOCKED', details: { lockedUntil: '2026-11-18T10:10:00.000Z' } },
      });
      ctx.clock.set('2026-11-18T10:10:01Z');
      expect((await loginRequest(email, 'wrong-password-here')).statusCode).toBe(401);
    } finally {
      ctx.clock.set(START);
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 RATE_LIMITED past LOGIN_RATE_LIMIT_PER_MINUTE logins, even with the right password', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    const limited = await buildApp({
      config,
      database: ctx.database,
      clock: () => ctx.clock.now,
      webRoot: null,
      logger: false,
    });
    try {
      const attempt = (password: string) =>
        limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'nobody@test.samtrygg.local', password },
        });
      expect((await attempt('guess-1')).statusCode).toBe(401);
      expect((await attempt('guess-2')).statusCode).toBe(401);
      const third = await attempt('guess-3');
      expect(third.statusCode).toBe(429);
      expect(third.json().code).toBe('RATE_LIMITED');
      const rightPassword = await limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: reporter.email, password: reporter.password },
      });
      expect(rightPassword.statusCode).toBe(429);
      expect(rightPassword.cookies.find((c) => c.name === 'samtrygg_session')).toBeUndefined();
      // Only logins are limited.
      expect((await limited.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('behind a reverse proxy', () => {
  it('limits each forwarded client on its own when TRUST_PROXY names the proxy, and ignores the header otherwise', async () => {
    const attempt = (app: Awaited<ReturnType<typeof buildApp>>, client: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.5',
        headers: { 'x-forwarded-for': client },
        // An address of its own: failures for unknown addresses count towards a lockout too.
        payload: { email: `proxy-${client}@test.samtrygg.local`, password: 'guess' },
      });
    const build = (env: Record<string, string>) =>
      buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '1', ...env }),
        database: ctx.database,
        clock: () => ctx.clock.now,
        webRoot: null,
        logger: false,
      });
    const proxied = await build({ TRUST_PROXY: '10.0.0.0/8' });
    const direct = await build({});
    try {
      expect((await attempt(proxied, '203.0.113.1')).statusCode).toBe(401);
      expect((await attempt(proxied, '203.0.113.1')).statusCode).toBe(429);
      // Another citizen behind the same proxy is not locked out by the first.
      expect((await attempt(proxied, '203.0.113.2')).statusCode).toBe(401);
      // Without trust the header is the client's word: every request counts against the proxy's address.
      expect((await attempt(direct, '203.0.113.1')).statusCode).toBe(401);
      expect((await attempt(direct, '203.0.113.2')).statusCode).toBe(429);
    } finally {
      await Promise.all([proxied.close(), direct.close()]);
    }
  });

  it('reads TRUST_PROXY as none, a hop count or addresses', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).TRUST_PROXY).toBe('127.0.0.1, 10.0.0.0/8');
  });
});

describe('deactivation', () => {
  it('ends the sessions of a deactivated user and keeps her from logging in', async () => {
    const db = ctx.database.db;
    const user = await createUser(db, { role: 'rapportor', organisationId });
    const session = await openSession(db, user.id, ctx.clock.now);
    expect((await getSession(session)).statusCode).toBe(200);

    const response = await as(ctx.app, admin).patch(`/api/users/${user.id}`, { active: false });
    expect(response.statusCode).toBe(200);
    expect(response.json().active).toBe(false);

    expect((await getSession(session)).statusCode).toBe(401);
    expect((await as(ctx.app, session).post('/api/reports', reportBody())).statusCode).toBe(401);
    const relogin = await loginRequest(user.email, user.password);
    expect(relogin.statusCode).toBe(401);
    expect(relogin.json().code).toBe('INVALID_CREDENTIALS');
  });
});
