import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { countRows, openSession, send, type Method } from '../../../../test/support/matrix.ts';
import { proposalBody, selfAssessmentBody } from './cameras.fixtures.ts';

/**
 * Role x endpoint for the camera routes, with valid requests. `owner` is a samordnare of the
 * organisation that owns the sites; `otherCoordinator` a samordnare elsewhere. A refused request
 * leaves the audit log as it was.
 */
const CALLERS = ['anonymous', 'admin', 'owner', 'otherCoordinator', 'rapportor', 'lasare', 'polis'] as const;
type Caller = (typeof CALLERS)[number];

let ctx: TestContext;
const sessions = {} as Record<Exclude<Caller, 'anonymous'>, Session>;
let installedSite: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-18T10:00:00Z' });
  const db = ctx.database.db;
  const [municipality, housing, police] = await Promise.all([
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'police'),
  ]);
  const users = {
    admin: await createUser(db, { role: 'admin', organisationId: housing.id }),
    owner: await createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    otherCoordinator: await createUser(db, { role: 'samordnare', organisationId: housing.id }),
    rapportor: await createUser(db, { role: 'rapportor', organisationId: municipality.id }),
    lasare: await createUser(db, { role: 'lasare', organisationId: municipality.id }),
    polis: await createUser(db, { role: 'lasare', organisationId: police.id }),
  };
  for (const [caller, user] of Object.entries(users))
    sessions[caller as keyof typeof users] = await openSession(db, user.id, ctx.clock.now);
  installedSite = await newSite();
  const owner = as(ctx.app, sessions.owner);
  await owner.post(`/api/camera-sites/${installedSite}/status`, { status: 'assessing' });
  await owner.put(`/api/camera-sites/${installedSite}/legal-basis`, selfAssessmentBody());
  await owner.post(`/api/camera-sites/${installedSite}/status`, { status: 'approved' });
  await owner.post(`/api/camera-sites/${installedSite}/status`, { status: 'installed', on: '2026-10-05' });
});
afterAll(() => ctx.close());

async function newSite(): Promise<string> {
  return (await as(ctx.app, sessions.owner).post('/api/camera-sites', proposalBody())).json().id;
}

const disclosure = {
  caseReference: '5000-K1-26',
  recordingFrom: '2026-11-10T20:00:00Z',
  recordingTo: '2026-11-10T21:00:00Z',
  releasedAt: '2026-11-11T09:00:00Z',
  releasedByName: 'Kim',
};
const inspection = {
  kind: 'inspection',
  occurredOn: '2026-11-17',
  working: true,
  maskingCorrect: true,
  signsPresent: true,
};

type Expect = Partial<Record<Caller | 'others', number>>;
const cases: {
  name: string;
  method: Method;
  url: (site: string) => string;
  body?: unknown;
  fresh?: boolean;
  expect: Expect;
}[] = [
  { name: 'list the register', method: 'GET', url: () => '/api/camera-sites', expect: { others: 200 } },
  { name: 'list warnings', method: 'GET', url: () => '/api/camera-sites/warnings', expect: { others: 200 } },
  { name: 'rank candidate places', method: 'GET', url: () => '/api/camera-sites/siting', expect: { others: 200 } },
  { name: 'read a site', method: 'GET', url: (s) => `/api/camera-sites/${s}`, expect: { others: 200 } },
  {
    name: 'read inspections',
    method: 'GET',
    url: (s) => `/api/camera-sites/${s}/inspections`,
    expect: { others: 200 },
  },
  {
    name: 'evaluate',
    method: 'GET',
    url: (s) => `/api/camera-sites/${s}/evaluation?comparisonArea=skogas`,
    expect: { others: 200 },
  },
  {
    name: 'propose a site',
    method: 'POST',
    url: () => '/api/camera-sites',
    body: proposalBody(),
    expect: { admin: 201, owner: 201, otherCoordinator: 201, others: 403 },
  },
  {
    name: 'edit a site',
    method: 'PATCH',
    url: (s) => `/api/camera-sites/${s}`,
    body: { cameraCount: 3 },
    fresh: true,
    expect: { admin: 200, owner: 200, others: 403 },
  },
  {
    name: 'record a legal basis',
    method: 'PUT',
    url: (s) => `/api/camera-sites/${s}/legal-basis`,
    body: selfAssessmentBody(),
    fresh: true,
    expect: { admin: 200, owner: 200, others: 403 },
  },
  {
    name: 'change status',
    method: 'POST',
    url: (s) => `/api/camera-sites/${s}/status`,
    body: { status: 'assessing' },
    fresh: true,
    expect: { admin: 200, owner: 200, others: 403 },
  },
  {
    name: 'log an inspection',
    method: 'POST',
    url: (s) => `/api/camera-sites/${s}/inspections`,
    body: inspection,
    expect: { admin: 201, owner: 201, others: 403 },
  },
  {
    name: 'resolve a fault',
    method: 'POST',
    url: (s) => `/api/camera-sites/${s}/inspections/00000000-0000-4000-8000-000000000000/resolve`,
    body: { resolvedOn: '2026-11-18' },
    expect: { admin: 409, owner: 409, others: 403 },
  },
  {
    name: 'read the disclosure log',
    method: 'GET',
    url: (s) => `/api/camera-sites/${s}/disclosures`,
    expect: { admin: 200, owner: 200, others: 404 },
  },
  {
    name: 'log a disclosure',
    method: 'POST',
    url: (s) => `/api/camera-sites/${s}/disclosures`,
    body: disclosure,
    expect: { admin: 201, owner: 201, others: 404 },
  },
];

describe.each(cases)('$name', ({ method, url, body, fresh, expect: spec }) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const expected = spec[caller] ?? (caller === 'anonymous' ? 401 : spec.others!);
    const site = fresh ? await newSite() : installedSite;
    const auditBefore = await countRows(ctx.database.db, 'audit_log');
    const response = await send(ctx.app, caller === 'anonymous' ? null : sessions[caller], method, url(site), body);
    expect(response.statusCode, response.body).toBe(expected);
    if (expected >= 400) expect(await countRows(ctx.database.db, 'audit_log')).toBe(auditBefore);
  });
});
