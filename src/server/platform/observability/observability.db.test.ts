import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { as, createTestContext, login, type TestContext } from '../../../../test/support/test-app.ts';
import { openTestDatabase } from '../../../../test/support/test-database.ts';
import { histogramCount, parsePrometheusText } from '../../../../test/support/prometheus-text.ts';

/** A log destination that keeps the parsed JSON lines. */
function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('GET /metrics', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('parses as Prometheus text and counts the requests just made, per route pattern', async () => {
    const org = await createOrganisation(ctx.database.db, 'municipality');
    const user = await createUser(ctx.database.db, { role: 'samordnare', organisationId: org.id });
    const session = await login(ctx.app, user.email, user.password);
    for (let i = 0; i < 3; i++) await ctx.app.inject({ method: 'GET', url: '/api/health' });
    await ctx.app.inject({ method: 'GET', url: '/api/reports' }); // anonymous: 401
    const missing = await as(ctx.app, session).get('/api/reports/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);

    const response = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusText(response.body);
    const histogram = families.get('http_request_duration_seconds');
    expect(histogram?.type).toBe('histogram');
    const count = (route: string, status: string) => histogramCount(histogram, { route, status_code: status });
    expect(count('/api/health', '200')).toBe(3);
    expect(count('/api/reports', '401')).toBe(1);
    // One series for every report id: the pattern, never the raw URL.
    expect(count('/api/reports/:id', '404')).toBe(1);
    expect(histogram!.samples.some((s) => s.labels.route?.includes('00000000'))).toBe(false);

    for (const name of ['samtrygg_db_pool_connections', 'samtrygg_db_pool_idle', 'samtrygg_db_pool_waiting']) {
      expect(families.get(name)?.type, name).toBe('gauge');
    }
    expect(families.get('samtrygg_db_pool_connections')!.samples[0]!.value).toBeGreaterThanOrEqual(1);
    expect(families.get('samtrygg_job_runs_total')?.type).toBe('counter');
  });

  it('answers with the request id, the caller’s when it is sane', async () => {
    const given = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'lb-42.a' } });
    expect(given.headers['x-request-id']).toBe('lb-42.a');
    const odd = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'a b\nc' } });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', METRICS_TOKEN: 'scrape-secret' }),
      database,
      webRoot: null,
      logger: false,
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      const right = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer scrape-secret' },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('health endpoints', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('answer liveness and readiness without a session', async () => {
    for (const url of ['/api/health', '/api/health/live', '/api/health/ready']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    }
  });
});

describe('request logging', () => {
  async function appWithLog(level: string) {
    const log = captureLog();
    const database = await openTestDatabase();
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: level, LOG_SLOW_REQUEST_MS: '60000' }),
      database,
      webRoot: null,
      logStream: log.stream,
    });
    await app.ready();
    return {
      app,
      log,
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
  }

  it('at info writes nothing for a quick successful or refused request', async () => {
    const { app, log, close } = await appWithLog('info');
    try {
      await app.inject({ method: 'GET', url: '/api/health' });
      await app.inject({ method: 'GET', url: '/api/reports' });
      expect(log.lines.filter((l) => l.msg === 'request' || l.msg === 'slow request')).toEqual([]);
      expect(log.lines.some((l) => typeof l.req === 'object')).toBe(false);
    } finally {
      await close();
    }
  });

  it('at debug writes one JSON line per request with its id, route and status, without the query', async () => {
    const { app, log, close } = await appWithLog('debug');
    try {
      const response = await app.inject({ method: 'GET', url: '/api/reports?q=Anna%20Andersson' });
      const lines = log.lines.filter((l) => l.msg === 'request');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 20,
        requestId: response.headers['x-request-id'],
        method: 'GET',
        path: '/api/reports',
        route: '/api/reports',
        statusCode: 401,
      });
      expect(JSON.stringify(log.lines)).not.toContain('Andersson');
    } finally {
      await close();
    }
  });
});
