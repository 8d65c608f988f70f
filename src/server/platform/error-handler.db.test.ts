import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { as, createTestContext, login, type Session, type TestContext } from '../../../test/support/test-app.ts';
import { createOrganisation, createUser, reportBody } from '../../../test/support/factories.ts';
import { countRows } from '../../../test/support/matrix.ts';

let ctx: TestContext;
let reporter: Session;
let reporterEmail: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const organisation = await createOrganisation(ctx.database.db, 'housing');
  const user = await createUser(ctx.database.db, { role: 'rapportor', organisationId: organisation.id });
  reporterEmail = user.email;
  reporter = await login(ctx.app, user.email, user.password);
});
afterAll(() => ctx?.close());

describe('error responses', () => {
  it('answers 404 NOT_FOUND for an unknown route, with or without login', async () => {
    for (const response of [
      await ctx.app.inject({ method: 'GET', url: '/api/finns-inte' }),
      await as(ctx.app, reporter).get('/api/finns-inte'),
      await ctx.app.inject({ method: 'DELETE', url: '/api/reports' }),
      await ctx.app.inject({ method: 'GET', url: '/finns-inte' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
    }
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(reporterEmail)}&password=x`,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  const textPlainReport = () =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: { 'content-type': 'text/plain', cookie: reporter.cookie, 'x-csrf-token': reporter.csrfToken },
      payload: JSON.stringify(reportBody()),
    });

  it('refuses a text/plain body and stores nothing', async () => {
    const before = await countRows(ctx.database.db, 'reports');
    const response = await textPlainReport();
    expect([400, 415]).toContain(response.statusCode);
    expect(await countRows(ctx.database.db, 'reports')).toBe(before);
  });

  // Known bug: Fastify's default text/plain parser is still registered (src/server/app.ts), so a
  // text/plain body reaches validation and answers 400 VALIDATION instead of 415. Flip this to
  // `it` once app.ts calls `app.removeContentTypeParser('text/plain')`.
  it('answers 415 for a text/plain body too (a cross-site form can send one without a preflight)', async () => {
    const response = await textPlainReport();
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over BODY_LIMIT_BYTES, storing nothing', async () => {
    const before = await countRows(ctx.database.db, 'reports');
    const response = await as(ctx.app, reporter).post(
      '/api/reports',
      reportBody({ description: 'x'.repeat(1024 * 1024) }),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countRows(ctx.database.db, 'reports')).toBe(before);
  });

  it('answers 400 for malformed JSON', async () => {
    for (const payload of ['{"email": "a@b.se", "password": ', '']) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String) });
    }
  });

  it('answers 400 VALIDATION with a path, message and code per field', async () => {
    const response = await as(ctx.app, reporter).post(
      '/api/reports',
      reportBody({ location: { lat: 'north', lon: 18 } }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'VALIDATION',
      message: 'Invalid body',
      details: [{ path: 'body.location.lat', message: expect.any(String), code: expect.any(String) }],
    });
  });

  it('answers 401 UNAUTHENTICATED in the same shape', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/reports' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
  });
});

describe('when the database fails', () => {
  const SECRET = 'connect ECONNREFUSED 10.1.2.3:5432 /srv/samtrygg/secret-path';

  /** A database whose every query fails with `makeError()`. */
  function brokenDatabase(makeError: () => Error = () => new Error(SECRET)): Database {
    class FailingDriver extends DummyDriver {
      override async acquireConnection(): Promise<never> {
        throw makeError();
      }
    }
    const db = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new FailingDriver(),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      stats: () => ({ total: 0, idle: 0, waiting: 0 }),
      executeSql: async () => {
        throw makeError();
      },
      close: () => db.destroy(),
    };
  }

  it('answers 500 INTERNAL with the request id and without the error or its stack; health answers 503', async () => {
    const database = brokenDatabase();
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, webRoot: null, logger: false });
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ status: 'unavailable' });

      for (const response of [
        await app.inject({ method: 'GET', url: '/api/organisations' }),
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'a@b.se', password: 'whatever-password' },
        }),
        await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie: 'samtrygg_session=any' } }),
      ]) {
        expect(response.statusCode).toBe(500);
        const body = response.json();
        expect(body).toEqual({ code: 'INTERNAL', message: 'Internal error', requestId: expect.any(String) });
        expect(body.requestId.length).toBeGreaterThan(0);
        expect(response.body).not.toMatch(/ECONNREFUSED|secret-path|\bat \w|\.ts:\d+/);
      }
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers 503 DATABASE_UNAVAILABLE from every endpoint while the database is unreachable, without the cause', async () => {
    const refused = () => Object.assign(new Error(SECRET), { code: 'ECONNREFUSED' });
    const database = brokenDatabase(refused);
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, webRoot: null, logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(503);
      expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
      for (const response of [
        await app.inject({ method: 'GET', url: '/api/organisations' }),
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'a@b.se', password: 'whatever-password' },
        }),
        await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie: 'samtrygg_session=any' } }),
      ]) {
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({ code: 'DATABASE_UNAVAILABLE', message: expect.any(String) });
        expect(response.headers['retry-after']).toBe('5');
        expect(response.body).not.toMatch(/ECONNREFUSED|secret-path/);
      }
    } finally {
      await app.close();
      await database.close();
    }
  });
});
