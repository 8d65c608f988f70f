import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/server/db/seed/demo/seed-demo.ts';
import type { RouteEntry } from '../src/server/platform/route-table.ts';
import type { Role } from '../src/server/platform/platform.tables.ts';
import { ROUTE_ACCESS } from './route-access.expectations.ts';
import { createOrganisation, createUser, reportBody } from './support/factories.ts';
import { openSession } from './support/matrix.ts';
import { requestFor, sendAs, type ParamContext, type RouteRequest } from './support/route-requests.ts';
import { as, createTestContext, type Session, type TestContext } from './support/test-app.ts';

/**
 * The role x endpoint matrix, generated from the route table so that every route, now and later,
 * is in it. Each route is called with a real request (path parameters pointing at real records of
 * the demo data, schema-sampled bodies) by nobody, by each role and by partners of other
 * organisations; what may pass is in `route-access.expectations.ts`:
 * - nobody logged in is turned away (401) from every route that is not public;
 * - a role that may never pass is refused (403, or 404 where a record is hidden), changes nothing
 *   and leaves no audit entry; a role that may pass is never told to log in;
 * - restricted reports of another organisation never reach a partner, not even as a count: every
 *   GET answer a läsare and a rapportör of other organisations receive is byte for byte the same
 *   before and after restricted reports are filed, and their ids answer 404.
 */

const ROLES: readonly Role[] = ['lasare', 'rapportor', 'samordnare', 'admin'];
/** Answers that change on every request by design, whoever asks. */
const VOLATILE = new Set(['GET /metrics']);
const TEXT_TYPES = /^(text\/|application\/(json|problem\+json|geo\+json|atom\+xml|xml)\b)/;

let ctx: TestContext;
let users: Record<Role | 'otherReporter', { id: string }>;
let paramContext: ParamContext;
/** Sum of every table's row count: a refused request must leave it and the audit log as they were. */
let countEverything: () => Promise<string>;

const keyOf = (route: RouteEntry) => `${route.method} ${route.url}`;
const routes = () => ctx.app.routeTable.filter((route) => route.method !== 'OPTIONS');
const sessionOf = (role: keyof typeof users) => openSession(ctx.database.db, users[role].id, ctx.clock.now);

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  await seedDemoData(db, { now: ctx.clock.now, weeks: 8 });
  const [municipality, housing, property, otherHousing] = await Promise.all([
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'property'),
    createOrganisation(db, 'housing'),
  ]);
  users = {
    lasare: await createUser(db, { role: 'lasare', organisationId: property.id }),
    rapportor: await createUser(db, { role: 'rapportor', organisationId: housing.id }),
    samordnare: await createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    admin: await createUser(db, { role: 'admin', organisationId: municipality.id }),
    otherReporter: await createUser(db, { role: 'rapportor', organisationId: otherHousing.id }),
  };
  paramContext = {
    app: ctx.app,
    lister: await sessionOf('admin'),
    now: ctx.clock.now,
    avoid: new Set(Object.values(users).map((user) => user.id)),
  };
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions'`.execute(db);
  const total = sql.join(
    tables.rows.map((t) => sql`(select count(*) from ${sql.table(t.name)})`),
    sql` + `,
  );
  countEverything = async () => {
    const result = await sql<{ n: string | number }>`select ${total} as n`.execute(db);
    return String(result.rows[0]!.n);
  };
}, 120_000);
afterAll(() => ctx?.close());

function errorCodeOf(response: { statusCode: number; json(): unknown }): string | undefined {
  if (response.statusCode < 400) return undefined;
  try {
    return (response.json() as { code?: string }).code;
  } catch {
    return undefined;
  }
}

describe('the role x endpoint matrix', () => {
  it('has an expectation for every route, and none for a route that does not exist', () => {
    const keys = routes().map(keyOf);
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((key) => !(key in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((key) => !keys.includes(key))).toEqual([]);
    const publicRoutes = routes()
      .filter((route) => route.public)
      .map(keyOf);
    expect(Object.keys(ROUTE_ACCESS).filter((key) => ROUTE_ACCESS[key] === 'public')).toEqual(publicRoutes);
  });

  it('turns nobody away that may pass, and refuses everyone else without a change', async () => {
    const failures: string[] = [];
    let judgedByRole = 0;
    for (const route of routes()) {
      const key = keyOf(route);
      const access = ROUTE_ACCESS[key];
      if (access === undefined) continue;
      const request = await requestFor(route, paramContext);
      const label = `${key} (${request.url})`;

      const anonymous = await sendAs(ctx.app, null, request);
      if (!route.public && (anonymous.statusCode !== 401 || errorCodeOf(anonymous) !== 'UNAUTHENTICATED'))
        failures.push(`${label} as nobody: ${anonymous.statusCode}, expected 401 UNAUTHENTICATED`);
      if (anonymous.statusCode >= 500) failures.push(`${label} as nobody: ${anonymous.statusCode}`);

      const refused: { role: Role; status: number }[] = [];
      let allowedGotPastValidation = false;
      // The least privileged first: a refused request must not change what the next caller sees.
      for (const role of ROLES) {
        const mayPass = access === 'public' || access === 'signed-in' || access.includes(role);
        const session = await sessionOf(role);
        const [auditBefore, rowsBefore] = await Promise.all([auditCount(), countEverything()]);
        const response = await sendAs(ctx.app, session, request);
        const status = response.statusCode;
        if (status >= 500) failures.push(`${label} as ${role}: ${status} ${response.body.slice(0, 160)}`);
        if (mayPass) {
          if (errorCodeOf(response) === 'UNAUTHENTICATED')
            failures.push(`${label} as ${role}: told to log in, but the role may pass`);
          if (![400, 422].includes(status)) allowedGotPastValidation = true;
          continue;
        }
        refused.push({ role, status });
        if (status < 400) failures.push(`${label} as ${role}: ${status}, but the role may never pass`);
        const [auditAfter, rowsAfter] = await Promise.all([auditCount(), countEverything()]);
        if (auditAfter !== auditBefore || rowsAfter !== rowsBefore)
          failures.push(`${label} as ${role}: refused (${status}) but changed the database`);
      }
      // Where the request was good enough for a permitted role, a refused one must hear 403 or 404,
      // not a validation message about a body she may not send at all.
      if (allowedGotPastValidation && refused.length > 0) {
        judgedByRole++;
        for (const { role, status } of refused)
          if (status !== 403 && status !== 404)
            failures.push(`${label} as ${role}: ${status}, expected 403 or 404 for a refused role`);
      }
    }
    expect(failures).toEqual([]);
    // Most role-limited routes are reached with a request good enough to judge the role, not the body.
    expect(judgedByRole).toBeGreaterThan(40);
  }, 600_000);
});

describe('restricted reports of another organisation', () => {
  const viewers = ['lasare', 'rapportor'] as const;
  const marker = 'Hemlig markering zq-7731 vid gångtunneln';
  let getRequests: { key: string; request: RouteRequest }[];
  let viewerSessions: Record<(typeof viewers)[number], Session>;
  let restrictedIds: string[];

  async function snapshot(session: Session): Promise<Map<string, string>> {
    const answers = new Map<string, string>();
    for (const { key, request } of getRequests) {
      const response = await sendAs(ctx.app, session, request);
      const type = String(response.headers['content-type'] ?? '');
      // Binary documents (PDF, XLSX) carry their own creation stamps; their figures are in the JSON twins.
      const body = TEXT_TYPES.test(type)
        ? response.body
        : `<${type}, ${response.rawPayload.length > 0 ? 'body' : 'empty'}>`;
      answers.set(key, `${response.statusCode} ${body}`);
    }
    return answers;
  }

  it('never reach a partner, not even as a count, and their ids answer 404', async () => {
    getRequests = [];
    for (const route of routes()) {
      const key = keyOf(route);
      if (route.method !== 'GET' || VOLATILE.has(key) || key.startsWith('GET /api/health')) continue;
      getRequests.push({ key, request: await requestFor(route, paramContext) });
    }
    viewerSessions = { lasare: await sessionOf('lasare'), rapportor: await sessionOf('rapportor') };
    const admin = await sessionOf('admin');
    const before = {
      lasare: await snapshot(viewerSessions.lasare),
      rapportor: await snapshot(viewerSessions.rapportor),
    };
    const adminBefore = await snapshot(admin);

    const author = as(ctx.app, await sessionOf('otherReporter'));
    restrictedIds = [];
    for (const occurredAt of ['2026-11-16T21:30:00+01:00', '2026-11-17T08:15:00+01:00', '2026-11-10T22:00:00+01:00']) {
      const filed = await author.post(
        '/api/reports',
        reportBody({ visibility: 'restricted', description: marker, occurredAt }),
      );
      expect(filed.statusCode, filed.body).toBe(201);
      restrictedIds.push(filed.json().id);
    }

    const failures: string[] = [];
    for (const viewer of viewers) {
      const after = await snapshot(viewerSessions[viewer]);
      for (const [key, answer] of after) {
        if (answer !== before[viewer].get(key)) failures.push(`${key} as ${viewer}: the answer changed`);
        if (answer.includes('zq-7731') || restrictedIds.some((id) => answer.includes(id)))
          failures.push(`${key} as ${viewer}: shows a restricted report`);
      }
      for (const id of restrictedIds) {
        for (const url of [`/api/reports/${id}`, `/api/reports/${id}/duplicates`, `/api/reports/${id}/feedback`]) {
          const response = await as(ctx.app, viewerSessions[viewer]).get(url);
          if (response.statusCode !== 404) failures.push(`${url} as ${viewer}: ${response.statusCode}, expected 404`);
        }
      }
    }
    expect(failures).toEqual([]);

    // The comparison sees new reports where they may be seen: the admin's list and picture changed.
    const adminAfter = await snapshot(admin);
    expect(adminAfter.get('GET /api/reports')).not.toBe(adminBefore.get('GET /api/reports'));
    expect((await as(ctx.app, admin).get(`/api/reports/${restrictedIds[0]}`)).statusCode).toBe(200);
  }, 600_000);
});

async function auditCount(): Promise<number> {
  const result = await sql<{ n: string | number }>`select count(*) as n from audit_log`.execute(ctx.database.db);
  return Number(result.rows[0]!.n);
}
