import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from './support/test-app.ts';
import { createOrganisation, createUser, reportBody, TEST_PASSWORD } from './support/factories.ts';
import {
  countRows,
  MATRIX_ROLES,
  openSession,
  send,
  snapshotTable,
  statuses,
  type MatrixRole,
  type Method,
  type TableName,
} from './support/matrix.ts';

/**
 * Role x endpoint: every foundation endpoint, called by every kind of caller with a valid
 * request. A refused request must leave the affected table and the audit log as they were;
 * an allowed change must leave exactly one audit entry.
 */

let ctx: TestContext;
const sessions = {} as Record<Exclude<MatrixRole, 'anonymous'>, Session>;
const emails = {} as Record<Exclude<MatrixRole, 'anonymous'>, string>;
let anonymousLoginEmail: string;
let sharedReportId: string;
let restrictedReportId: string;
let editedOrganisationCode: string;
let editedUserId: string;
let areasUpload: unknown;
let boundaryUpload: unknown;

const unique = () => randomBytes(4).toString('hex');

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const [municipality, housing, property, police, edited] = await Promise.all([
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'property'),
    createOrganisation(db, 'police'),
    createOrganisation(db, 'other'),
  ]);
  editedOrganisationCode = edited.code;
  const [admin, samordnare, rapportor, lasare, polis, otherReporter, loginOnly, target] = await Promise.all([
    createUser(db, { role: 'admin', organisationId: municipality.id }),
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'rapportor', organisationId: housing.id }),
    createUser(db, { role: 'lasare', organisationId: property.id }),
    createUser(db, { role: 'lasare', organisationId: police.id }),
    createUser(db, { role: 'rapportor', organisationId: property.id }),
    createUser(db, { role: 'lasare', organisationId: property.id }),
    createUser(db, { role: 'lasare', organisationId: edited.id }),
  ]);
  anonymousLoginEmail = loginOnly.email;
  editedUserId = target.id;
  const users = { admin, samordnare, rapportor, lasare, polis };
  for (const [role, user] of Object.entries(users)) emails[role as keyof typeof users] = user.email;
  const [a, s, r, l, p, other] = await Promise.all(
    [admin, samordnare, rapportor, lasare, polis, otherReporter].map((u) => login(ctx.app, u.email, u.password)),
  );
  Object.assign(sessions, { admin: a, samordnare: s, rapportor: r, lasare: l, polis: p });

  const shared = await as(ctx.app, sessions.rapportor).post('/api/reports', reportBody());
  sharedReportId = shared.json().id;
  const restricted = await as(ctx.app, other!).post('/api/reports', reportBody({ visibility: 'restricted' }));
  restrictedReportId = restricted.json().id;
  expect([shared.statusCode, restricted.statusCode]).toEqual([201, 201]);

  // Valid uploads that leave the geography as it is: what the API itself lists.
  const areas = (await ctx.app.inject({ method: 'GET', url: '/api/areas' })).json() as {
    code: string;
    name: string;
    geometry: unknown;
  }[];
  areasUpload = {
    type: 'FeatureCollection',
    features: areas.map((area) => ({
      type: 'Feature',
      properties: { code: area.code, name: area.name },
      geometry: area.geometry,
    })),
  };
  boundaryUpload = (await ctx.app.inject({ method: 'GET', url: '/api/municipality' })).json().boundary;
});
afterAll(() => ctx?.close());

/** A new report by the rapportör, for requests that use one up (withdraw, review). */
async function freshReport(): Promise<string> {
  const response = await as(ctx.app, sessions.rapportor).post('/api/reports', reportBody());
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

interface Row {
  method: Method;
  path: string;
  expected: Record<MatrixRole, number>;
  /** A valid request for the caller; fresh records where the request uses one up. */
  request?: (
    role: MatrixRole,
  ) =>
    Promise<{ url?: string; body?: unknown; session?: Session }> | { url?: string; body?: unknown; session?: Session };
  /** The table a refused request must leave alone. */
  table?: TableName;
  /** An allowed request is an administrative or domain change that is audited. */
  audited?: boolean;
}

const everyone = (status: number) => statuses({ anonymous: status, others: status });
const adminOnly = (status: number) => statuses({ admin: status, others: 403 });
const loggedIn = (status: number) => statuses({ others: status });

const rows: Row[] = [
  { method: 'GET', path: '/api/health', expected: everyone(200) },
  {
    method: 'POST',
    path: '/api/auth/login',
    expected: everyone(200),
    request: (role) => ({
      body: { email: role === 'anonymous' ? anonymousLoginEmail : emails[role], password: TEST_PASSWORD },
    }),
  },
  { method: 'GET', path: '/api/auth/session', expected: loggedIn(200) },
  {
    method: 'POST',
    path: '/api/auth/logout',
    expected: everyone(200),
    // Logging out ends the session, so each caller logs out of a throwaway one.
    request: async (role) =>
      role === 'anonymous' ? {} : { session: await openSession(ctx.database.db, sessions[role].userId, ctx.clock.now) },
  },
  { method: 'GET', path: '/api/organisations', expected: everyone(200) },
  { method: 'GET', path: '/api/focus-areas', expected: everyone(200) },
  { method: 'GET', path: '/api/categories', expected: everyone(200) },
  { method: 'GET', path: '/api/areas', expected: everyone(200) },
  { method: 'GET', path: '/api/places', expected: everyone(200) },
  { method: 'GET', path: '/api/municipality', expected: everyone(200) },
  {
    method: 'POST',
    path: '/api/organisations',
    expected: adminOnly(201),
    request: () => ({ body: { code: `org-${unique()}`, name: 'Ny partner', shortName: 'Ny', kind: 'other' } }),
    table: 'organisations',
    audited: true,
  },
  {
    method: 'PATCH',
    path: '/api/organisations/:code',
    expected: adminOnly(200),
    request: (role) => ({ url: `/api/organisations/${editedOrganisationCode}`, body: { name: `Omdöpt av ${role}` } }),
    table: 'organisations',
    audited: true,
  },
  {
    method: 'PATCH',
    path: '/api/focus-areas/:code',
    expected: adminOnly(200),
    request: (role) => ({ url: '/api/focus-areas/andts', body: { nameEn: `ANDTS (${role})` } }),
    table: 'focus_areas',
    audited: true,
  },
  {
    method: 'POST',
    path: '/api/categories',
    expected: adminOnly(201),
    request: () => ({
      body: { code: `kat-${unique()}`, name: 'Ny kategori', nameEn: 'New category', focusAreaCode: 'andts' },
    }),
    table: 'categories',
    audited: true,
  },
  {
    method: 'PATCH',
    path: '/api/categories/:code',
    expected: adminOnly(200),
    request: (role) => ({ url: '/api/categories/ovrigt', body: { description: `Ändrad av ${role}` } }),
    table: 'categories',
    audited: true,
  },
  {
    method: 'POST',
    path: '/api/places',
    expected: adminOnly(201),
    request: () => ({
      body: { code: `plats-${unique()}`, name: 'Ny plats', kind: 'square', lat: 59.2365, lon: 17.9826 },
    }),
    table: 'places',
    audited: true,
  },
  {
    method: 'PUT',
    path: '/api/areas',
    expected: adminOnly(200),
    request: () => ({ body: areasUpload }),
    table: 'areas',
    audited: true,
  },
  {
    method: 'PUT',
    path: '/api/municipality/boundary',
    expected: adminOnly(200),
    request: () => ({ body: boundaryUpload }),
    table: 'municipalities',
    audited: true,
  },
  { method: 'GET', path: '/api/users', expected: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/users',
    expected: adminOnly(201),
    request: () => ({
      body: {
        email: `ny-${unique()}@test.samtrygg.local`,
        name: 'Ny användare',
        password: 'ett-langt-losenord',
        organisationCode: editedOrganisationCode,
        role: 'lasare',
      },
    }),
    table: 'users',
    audited: true,
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    expected: adminOnly(200),
    request: (role) => ({ url: `/api/users/${editedUserId}`, body: { name: `Omdöpt av ${role}` } }),
    table: 'users',
    audited: true,
  },
  {
    method: 'POST',
    path: '/api/reports',
    expected: statuses({ admin: 201, samordnare: 201, rapportor: 201, lasare: 403, polis: 403 }),
    request: () => ({ body: reportBody() }),
    table: 'reports',
    audited: true,
  },
  { method: 'GET', path: '/api/reports', expected: loggedIn(200) },
  {
    method: 'GET',
    path: '/api/reports/:id',
    expected: loggedIn(200),
    request: () => ({ url: `/api/reports/${sharedReportId}` }),
  },
  {
    method: 'GET',
    path: '/api/reports/:id (restricted, by another partner)',
    expected: statuses({ admin: 200, samordnare: 200, polis: 200, rapportor: 404, lasare: 404 }),
    request: () => ({ url: `/api/reports/${restrictedReportId}` }),
  },
  {
    method: 'PATCH',
    path: '/api/reports/:id (the rapportör wrote it)',
    expected: statuses({ rapportor: 200, lasare: 403, polis: 403, others: 409 }),
    request: (role) => ({
      url: `/api/reports/${sharedReportId}`,
      body: { description: `Klotter på busskuren, rättat (${role}).` },
    }),
    table: 'reports',
    audited: true,
  },
  {
    method: 'POST',
    path: '/api/reports/:id/withdraw (the rapportör wrote it)',
    expected: statuses({ rapportor: 200, lasare: 403, polis: 403, others: 409 }),
    request: async () => ({ url: `/api/reports/${await freshReport()}/withdraw` }),
    table: 'reports',
    audited: true,
  },
  {
    method: 'POST',
    path: '/api/reports/:id/review',
    expected: statuses({ admin: 200, samordnare: 200, others: 403 }),
    request: async () => ({
      url: `/api/reports/${await freshReport()}/review`,
      body: { status: 'reviewed', note: 'Sanering beställd' },
    }),
    table: 'reports',
    audited: true,
  },
  {
    method: 'GET',
    path: '/api/reports/:id/duplicates',
    expected: loggedIn(200),
    request: () => ({ url: `/api/reports/${sharedReportId}/duplicates` }),
  },
  {
    method: 'GET',
    path: '/api/reports/:id/duplicates (restricted, by another partner)',
    expected: statuses({ admin: 200, samordnare: 200, polis: 200, rapportor: 404, lasare: 404 }),
    request: () => ({ url: `/api/reports/${restrictedReportId}/duplicates` }),
  },
  { method: 'GET', path: '/api/audit', expected: adminOnly(200) },
];

const ERROR_CODES: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'REPORT_LOCKED',
};

describe.each(rows)('$method $path', (row) => {
  it.each(MATRIX_ROLES)('%s', async (role) => {
    const request = (await row.request?.(role)) ?? {};
    const session = request.session ?? (role === 'anonymous' ? null : sessions[role]);
    const db = ctx.database.db;
    const tableBefore = row.table ? await snapshotTable(db, row.table) : undefined;
    const auditBefore = await countRows(db, 'audit_log');

    const response = await send(ctx.app, session, row.method, request.url ?? row.path, request.body);

    expect(response.statusCode, response.body).toBe(row.expected[role]);
    const auditAfter = await countRows(db, 'audit_log');
    if (response.statusCode >= 400) {
      expect(response.json().code).toBe(ERROR_CODES[response.statusCode]);
      if (row.table) expect(await snapshotTable(db, row.table)).toEqual(tableBefore);
      expect(auditAfter).toBe(auditBefore);
    } else if (row.audited) {
      expect(auditAfter).toBe(auditBefore + 1);
    }
  });
});

describe('anonymous callers', () => {
  it('are turned away before their body is looked at (401, not 400, for an invalid body)', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/users', payload: { nonsense: true } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });
});
