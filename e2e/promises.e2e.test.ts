import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test/support/factories.ts';
import type { Actor } from '../src/server/platform/actor.ts';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { screenshotOnFailure } from './support/screenshots.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { PromiseLogPage } from './pages/PromiseLogPage.ts';
import { PromiseOverviewPage } from './pages/PromiseOverviewPage.ts';
import { PromiseFollowUpsPage } from './pages/PromiseFollowUpsPage.ts';
import { PromisePublicPage } from './pages/PromisePublicPage.ts';

const run = browserAvailable();
const PROMISE = 'Fotpatrull varje vecka i Skogås C och Flemingsberg C';
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const year = today.slice(0, 4);
// Half a year either side of today, so this week always belongs to the period (even around New Year).
const periodStart = `${Number(year) - 1}-07-01`;
const periodEnd = `${Number(year) + 1}-06-30`;

describe.runIf(run)('citizen promises: a patrol is logged, a follow-up is published and read by the public', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const users: Record<
    'officer' | 'policeCoordinator' | 'municipalityCoordinator',
    { email: string; password: string }
  > = {} as never;
  screenshotOnFailure(() => page);

  beforeAll(async () => {
    server = await startServer();
    const db = server.database.db;
    const org = async (code: string) =>
      db.selectFrom('organisations').select(['id', 'code', 'kind']).where('code', '=', code).executeTakeFirstOrThrow();
    const [police, municipality] = await Promise.all([org('polisen-huddinge'), org('huddinge-kommun')]);
    users.officer = await createUser(db, { role: 'rapportor', organisationId: police.id, name: 'Petra Polis' });
    users.policeCoordinator = await createUser(db, {
      role: 'samordnare',
      organisationId: police.id,
      name: 'Kim Kommunpolis',
    });
    const coordinator = await createUser(db, {
      role: 'samordnare',
      organisationId: municipality.id,
      name: 'Sara Samordnare',
    });
    users.municipalityCoordinator = coordinator;

    // This year's agreement, with today as one of its follow-up dates so a follow-up can be made now.
    const followUpDates = [...new Set([today.slice(5), '04-30', '08-31', '12-31'])].sort();
    const agreement = await db
      .insertInto('agreements')
      .values({
        code: `e2e-${year}`,
        title: `Samverkansöverenskommelse ${year}`,
        period_start: periodStart,
        period_end: periodEnd,
        signatories: '[]',
        documents: '[]',
        follow_up_dates: JSON.stringify(followUpDates),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('agreement_parties')
      .values([police, municipality].map((o) => ({ agreement_id: agreement.id, organisation_id: o.id })))
      .execute();
    const actor: Actor = {
      userId: coordinator.id,
      email: coordinator.email,
      name: 'Sara Samordnare',
      role: 'samordnare',
      organisationId: municipality.id,
      organisationCode: municipality.code,
      organisationKind: 'municipality',
    };
    await server.app.services.promises.commitments.create(actor, {
      code: `${year}-e2e-fotpatrull`,
      agreementId: agreement.id,
      focusAreaCode: 'trygghet-offentlig-miljo',
      isPromise: true,
      title: PROMISE,
      description: 'Polisen patrullerar till fots minst en gång i veckan.',
      activityLabel: 'fotpatrull',
      target: { kind: 'recurring', count: 1 },
      periodStart,
      periodEnd,
      ownerCodes: ['polisen-huddinge'],
      places: [{ code: 'skogas-c' }, { code: 'flemingsberg-c' }],
    });
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a police officer logs "patrol, Skogås C, today, 2 officers, 15 min" and the weekly progress moves', async () => {
    await new LoginPage(page, server.url).loginAs(users.officer.email, users.officer.password);
    const overview = new PromiseOverviewPage(page);
    await overview.open();
    const before = await overview.placeWeeks(PROMISE, 'skogas-c');

    const log = new PromiseLogPage(page);
    await log.open();
    await log.choosePlace('Skogås C');
    await log.setPeople(2);
    await log.setMinutes(15);
    await log.save();
    expect(await log.savedWeeks('skogas-c')).toEqual({ done: before.done + 1, elapsed: before.elapsed + 1 });

    await overview.open();
    // Wait for the condition: the overview may first paint from cache while its refetch is in flight.
    await expect
      .poll(() => overview.placeWeeks(PROMISE, 'skogas-c'), { timeout: 15_000 })
      .toEqual({ done: before.done + 1, elapsed: before.elapsed + 1 });
    const stored = await server.database.db
      .selectFrom('commitment_activities')
      .select(['occurred_on', 'participants', 'duration_minutes'])
      .execute();
    expect(stored).toEqual([{ occurred_on: today, participants: 2, duration_minutes: 15 }]);
    await new LoginPage(page, server.url).logout();
  });

  it('the municipality prepares and approves a follow-up; it is published when the police approve too', async () => {
    const login = new LoginPage(page, server.url);
    await login.loginAs(users.municipalityCoordinator.email, users.municipalityCoordinator.password);
    const followUps = new PromiseFollowUpsPage(page);
    await followUps.open();
    await followUps.create();
    await followUps.comment(PROMISE, 'Skogås C har haft fotpatrull denna vecka.');
    await followUps.approve('Huddinge kommun');
    expect(await followUps.status().textContent()).toBe('Utkast');
    await login.logout();

    await login.loginAs(users.policeCoordinator.email, users.policeCoordinator.password);
    await followUps.open();
    await followUps.approve('Polismyndigheten, lokalpolisområde Huddinge');
    await followUps.status().filter({ hasText: 'Publicerad' }).waitFor();
    expect(await followUps.shareText().textContent()).toMatch(
      /^Uppföljning av våra medborgarlöften .* Läs mer: http:\/\/127\.0\.0\.1:\d+\/medborgarloften$/,
    );
    await login.logout();
  });

  it('the public page shows it without login or JavaScript, and passes axe-core', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'sv-SE',
      javaScriptEnabled: false,
    });
    try {
      const visitor = await context.newPage();
      const publicPage = new PromisePublicPage(visitor, server.url);
      await publicPage.open();
      const followUp = publicPage.followUp(
        `Uppföljning ${new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(new Date())}`,
      );
      expect(await followUp.textContent()).toContain('Skogås C har haft fotpatrull denna vecka.');
      expect(await publicPage.promise(PROMISE).textContent()).toMatch(/Skogås C: \d+ av \d+ veckor/);
    } finally {
      await context.close();
    }
    // axe-core runs as a script in the page, so this pass keeps JavaScript on (AxeBuilder needs its own context).
    const withScripts = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' });
    const visitor = await withScripts.newPage();
    const publicPage = new PromisePublicPage(visitor, server.url);
    await publicPage.open();
    expect(await publicPage.accessibilityViolations()).toEqual([]);
    const feed = await visitor.request.get(`${server.url}/medborgarloften/feed.atom`);
    const wellFormed = await visitor.evaluate(
      (xml) => new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length === 0,
      await feed.text(),
    );
    expect(wellFormed).toBe(true);
    await withScripts.close();
  });
});
