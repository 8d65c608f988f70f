import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { Services } from '../../src/server/services.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestClock {
  now: Date;
  set(iso: string): void;
}

export interface TestContext {
  app: FastifyInstance & { services: Services };
  database: Database;
  clock: TestClock;
  close(): Promise<void>;
}

/** A real app on a fresh database, with an adjustable clock. Tests talk to it with app.inject(). */
export async function createTestContext(
  options: { now?: string; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock: TestClock = {
    now: new Date(options.now ?? '2026-11-18T10:00:00Z'),
    set(iso) {
      this.now = new Date(iso);
    },
  };
  const config = loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ...options.env });
  const app = await buildApp({ config, database, clock: () => clock.now, webRoot: null, logger: false });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

/** Logs in through the real endpoint and returns the cookie and CSRF token. */
export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'samtrygg_session');
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `samtrygg_session=${setCookie!.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

/** app.inject as a logged-in user, with the CSRF header on state-changing requests. */
export function as(app: FastifyInstance, session: Session) {
  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: unknown) => send('POST', url, payload ?? {}),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    put: (url: string, payload: unknown) => send('PUT', url, payload),
  };
}
