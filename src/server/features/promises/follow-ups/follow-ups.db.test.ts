// saxes comes with exceljs; a strict XML parser is the honest well-formedness check.
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, type Session, type TestContext } from '../../../../../test/support/test-app.ts';
import { agreementId, commitmentId, userIn } from '../promises.test-support.ts';

let ctx: TestContext;
let policeCoordinator: Session;
let policeReporter: Session;
let municipalityCoordinator: Session;
let housingCoordinator: Session;
let agreement: string;
let patrol: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2024-05-02T08:00:00Z', env: { PUBLIC_URL: 'https://samtrygg.huddinge.se/' } });
  [policeCoordinator, policeReporter, municipalityCoordinator, housingCoordinator] = await Promise.all([
    userIn(ctx, 'polisen-huddinge', 'samordnare'),
    userIn(ctx, 'polisen-huddinge', 'rapportor'),
    userIn(ctx, 'huddinge-kommun', 'samordnare'),
    userIn(ctx, null, 'rapportor'),
  ]);
  agreement = await agreementId(ctx.database.db);
  patrol = await commitmentId(ctx.database.db, '2024-fotpatrull');
  await as(ctx.app, policeReporter).post(`/api/commitments/${patrol}/activities`, {
    occurredOn: '2024-04-16',
    placeCode: 'skogas-c',
    participants: 2,
    durationMinutes: 15,
  });
});
afterAll(() => ctx?.close());

const publicPage = () => ctx.app.inject({ method: 'GET', url: '/medborgarloften' });

describe('links on the public page and feed', () => {
  it('are built from PUBLIC_URL, never from the Host header a client sends', async () => {
    const headers = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };
    const page = await ctx.app.inject({ method: 'GET', url: '/medborgarloften', headers });
    const feed = await ctx.app.inject({ method: 'GET', url: '/medborgarloften/feed.atom', headers });
    for (const response of [page, feed]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('https://samtrygg.huddinge.se/medborgarloften');
      expect(response.body).not.toContain('evil.example');
    }
  });
});

describe('follow-ups', () => {
  let followUp: string;

  it('is created only for a configured date that has come', async () => {
    const tooEarly = await as(ctx.app, municipalityCoordinator).post(`/api/agreements/${agreement}/follow-ups`, {
      asOf: '2024-08-31',
    });
    expect(tooEarly.json().details[0].code).toBe('IN_FUTURE');
    const notADate = await as(ctx.app, municipalityCoordinator).post(`/api/agreements/${agreement}/follow-ups`, {
      asOf: '2024-04-29',
    });
    expect(notADate.json().details[0].code).toBe('NOT_A_FOLLOW_UP_DATE');
    expect(
      (await as(ctx.app, housingCoordinator).post(`/api/agreements/${agreement}/follow-ups`, { asOf: '2024-04-30' }))
        .statusCode,
    ).toBe(403);

    const created = await as(ctx.app, municipalityCoordinator).post(`/api/agreements/${agreement}/follow-ups`, {
      asOf: '2024-04-30',
    });
    expect(created.statusCode).toBe(201);
    followUp = created.json().id;
    expect(created.json()).toMatchObject({
      status: 'draft',
      asOf: '2024-04-30',
      title: 'Uppföljning 30 april 2024',
      approvals: [],
    });
    expect(
      created
        .json()
        .awaiting.map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['huddinge-kommun', 'polisen-huddinge']);
    expect(created.json().items).toHaveLength(10);
    expect(
      (
        await as(ctx.app, municipalityCoordinator).post(`/api/agreements/${agreement}/follow-ups`, {
          asOf: '2024-04-30',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('is a frozen snapshot: activities logged later do not change it', async () => {
    // Logged after the snapshot, about a day before its date: live progress counts it, the snapshot does not.
    const late = await as(ctx.app, policeReporter).post(`/api/commitments/${patrol}/activities`, {
      occurredOn: '2024-04-23',
      placeCode: 'huddinge-c',
    });
    expect(late.json().progress.done).toBe(2);
    const view = (await as(ctx.app, municipalityCoordinator).get(`/api/follow-ups/${followUp}`)).json();
    const item = view.items.find((i: { commitmentId: string }) => i.commitmentId === patrol);
    expect(item.progress.done).toBe(1);
    expect(item.progress.asOf).toBe('2024-04-30');
  });

  it('keeps drafts from organisations outside the agreement (404) and from the public', async () => {
    expect((await as(ctx.app, housingCoordinator).get(`/api/follow-ups/${followUp}`)).statusCode).toBe(404);
    expect((await as(ctx.app, housingCoordinator).get(`/api/agreements/${agreement}/follow-ups`)).json()).toEqual([]);
    expect((await publicPage()).body).not.toContain('Uppföljning 30 april 2024');
  });

  it('takes comments from party coordinators; a changed comment withdraws approvals', async () => {
    const url = `/api/follow-ups/${followUp}/comments/${patrol}`;
    expect((await as(ctx.app, policeReporter).put(url, { comment: 'x' })).statusCode).toBe(403);
    await as(ctx.app, policeCoordinator).post(`/api/follow-ups/${followUp}/approve`);
    const commented = await as(ctx.app, policeCoordinator).put(url, {
      comment: 'Skogås C täcktes <b>varje</b> vecka i april.',
    });
    expect(commented.statusCode).toBe(200);
    expect(commented.json().approvals).toEqual([]);
    expect(commented.json().items.find((i: { commitmentId: string }) => i.commitmentId === patrol).comment).toBe(
      'Skogås C täcktes <b>varje</b> vecka i april.',
    );
  });

  it('refuses a comment with an identity or phone number (422), so it can never reach the public page or feed', async () => {
    const url = `/api/follow-ups/${followUp}/comments/${patrol}`;
    const refused = await as(ctx.app, policeCoordinator).put(url, { comment: 'Kontakt 811218-9876, 070-123 45 67' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'PERSONAL_DATA',
      details: {
        findings: [
          { field: 'comment', kind: 'personal-identity-number', masked: '811218-****' },
          { field: 'comment', kind: 'phone-number' },
        ],
      },
    });
    const view = (await as(ctx.app, policeCoordinator).get(`/api/follow-ups/${followUp}`)).json();
    expect(JSON.stringify(view)).not.toContain('9876');
  });

  it('is published only when both the police and the municipality have approved, each for itself', async () => {
    expect((await as(ctx.app, policeReporter).post(`/api/follow-ups/${followUp}/approve`)).statusCode).toBe(403);
    expect((await as(ctx.app, housingCoordinator).post(`/api/follow-ups/${followUp}/approve`)).statusCode).toBe(404);
    const first = await as(ctx.app, policeCoordinator).post(`/api/follow-ups/${followUp}/approve`);
    expect(first.json()).toMatchObject({ status: 'draft', awaiting: [{ code: 'huddinge-kommun' }] });
    const second = await as(ctx.app, municipalityCoordinator).post(`/api/follow-ups/${followUp}/approve`);
    expect(second.json()).toMatchObject({ status: 'published', awaiting: [] });
    expect(second.json().socialText).toMatch(
      /^Uppföljning av våra medborgarlöften 30 april 2024: \d av 9 .* Läs mer: https:\/\/samtrygg\.huddinge\.se\/medborgarloften$/,
    );
    expect(
      (
        await as(ctx.app, policeCoordinator).put(`/api/follow-ups/${followUp}/comments/${patrol}`, {
          comment: 'ändrat',
        })
      ).statusCode,
    ).toBe(409);
    const actions = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', followUp)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'follow-up.create',
      'follow-up.approve',
      'follow-up.comment',
      'follow-up.approve',
      'follow-up.approve',
      'follow-up.publish',
    ]);
  });

  it('then shows on the public page and in the Atom feed, escaped, without login', async () => {
    const page = await publicPage();
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="sv">');
    expect(page.body).toContain('Uppföljning 30 april 2024');
    expect(page.body).toContain('Skogås C täcktes &lt;b&gt;varje&lt;/b&gt; vecka i april.');
    expect(page.body).not.toContain('<b>varje</b>');

    const feed = await ctx.app.inject({ method: 'GET', url: '/medborgarloften/feed.atom' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const elements: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (tag) => elements.push(`${tag.uri}|${tag.local}`));
    parser.write(feed.body).close(); // throws on anything not well-formed
    expect(elements[0]).toBe('http://www.w3.org/2005/Atom|feed');
    expect(elements.filter((e) => e.endsWith('|entry'))).toHaveLength(1);
    expect(feed.body).toContain(`<id>urn:uuid:${followUp}</id>`);
    expect(feed.body).toContain('&amp;lt;b&amp;gt;varje');
  });

  it('publishes the promises without internal fields', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/public/promises' });
    expect(response.statusCode).toBe(200);
    const promises = response.json();
    expect(promises).toHaveLength(18);
    const patrolPromise = promises.find((p: { id: string }) => p.id === patrol);
    expect(Object.keys(patrolPromise).sort()).toEqual([
      'description',
      'focusAreaCode',
      'focusAreaName',
      'id',
      'parties',
      'periodEnd',
      'periodStart',
      'progress',
      'status',
      'title',
    ]);
    expect(patrolPromise).toMatchObject({
      parties: ['Polismyndigheten, lokalpolisområde Huddinge'],
      focusAreaCode: 'trygghet-offentlig-miljo',
      progress: { done: 2, target: 208 },
    });
    expect(Object.keys(patrolPromise.progress).sort()).toEqual(['done', 'expectedByNow', 'target']);
    expect(['not-started', 'on-track', 'at-risk', 'behind', 'done']).toContain(patrolPromise.status);
    const body = response.body;
    for (const secret of ['canLog', 'logged_by', 'note', 'trygghetsvandring', 'agreement_id', 'organisation_id'])
      expect(body).not.toContain(secret);
  });
});
