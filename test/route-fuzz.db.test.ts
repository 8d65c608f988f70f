import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createOrganisation, createUser } from './support/factories.ts';
import { openSession } from './support/matrix.ts';
import { EXTREME_CONSTRAINED, sample, sampleQuery, type SampleOptions } from './support/schema-samples.ts';
import { createTestContext, type Session, type TestContext } from './support/test-app.ts';

/**
 * Every route of the route table, now and later, with hostile input: NUL characters, lone
 * surrogates, injection and traversal strings, huge texts, weeks and dates at the edges of time,
 * extreme numbers; as an admin (who reaches the most code) and, on public routes, anonymously. Nothing may answer 5xx,
 * and every error is `{code, message}`.
 */

type AnySchema = z.core.$ZodType;

const HOSTILE_TEXTS = [
  '\u0000',
  'före\u0000efter',
  '\uD800',
  'x\uDC00y',
  "'; drop table reports; --",
  '../../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  '\u202Eevil\u200B',
  '😀'.repeat(200) + 'a'.repeat(10_000),
];

const CASES: SampleOptions[] = [
  ...HOSTILE_TEXTS.map((text) => ({ text })),
  ...EXTREME_CONSTRAINED.map((constrained) => ({ text: 'Vanlig text om en plats', constrained })),
  { text: 'Vanlig text', number: -1 },
  { text: 'Vanlig text', number: 2 ** 53 },
  { text: 'Vanlig text', number: 1e300 },
];

/** A path segment, URL-encoded; a lone surrogate cannot be encoded, so it goes as broken UTF-8. */
function segment(value: unknown): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return '%ED%A0%80';
  }
}

function urlFor(route: { url: string; schema?: { params?: unknown; querystring?: unknown } }, options: SampleOptions) {
  const params = (route.schema?.params ? sample(route.schema.params as AnySchema, options) : {}) as Record<
    string,
    unknown
  >;
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) => segment(params?.[name] ?? options.text));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(sampleQuery(route.schema?.querystring as AnySchema, options))) {
    try {
      query.set(key, value);
    } catch {
      // A lone surrogate cannot be put in a URL by a client either.
    }
  }
  let search = '';
  try {
    search = query.toString();
  } catch {
    search = '';
  }
  return search ? `${path}?${search}` : path;
}

let ctx: TestContext;
let adminUserId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const organisation = await createOrganisation(ctx.database.db, 'municipality');
  adminUserId = (await createUser(ctx.database.db, { role: 'admin', organisationId: organisation.id })).id;
});
afterAll(() => ctx?.close());

describe('input fuzz over every route', () => {
  it('never answers 5xx, and every error is {code, message}', async () => {
    const routes = ctx.app.routeTable.filter((r) => r.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      // A session of its own per route: a fuzzed logout or password change must not end the run.
      const admin: Session = await openSession(ctx.database.db, adminUserId, ctx.clock.now);
      // Anonymous callers are turned away from non-public routes before any input is read.
      for (const caller of route.public ? [admin, null] : [admin]) {
        for (const options of CASES) {
          const url = urlFor(route, options);
          const payload = route.schema?.body ? sample(route.schema.body as AnySchema, options) : undefined;
          const response = await ctx.app.inject({
            method: route.method,
            url,
            headers: caller ? { cookie: caller.cookie, 'x-csrf-token': caller.csrfToken } : {},
            ...(payload !== undefined && route.method !== 'GET' ? { payload: payload as object } : {}),
          });
          requests++;
          const label = `${route.method} ${route.url} as ${caller ? 'admin' : 'anonymous'} with ${JSON.stringify(options).slice(0, 80)}`;
          if (response.statusCode >= 500) {
            failures.push(`${label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          } else if (response.statusCode >= 400) {
            const body = response.json() as { code?: unknown; message?: unknown };
            if (typeof body.code !== 'string' || typeof body.message !== 'string')
              failures.push(`${label}: ${response.statusCode} without {code, message}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(routes.length * CASES.length);
  }, 600_000);
});
