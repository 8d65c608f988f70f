import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test/support/factories.ts';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { screenshotOnFailure } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { PromiseAgreementsPage } from './pages/PromiseAgreementsPage.ts';
import { PromiseCommitmentPage } from './pages/PromiseCommitmentPage.ts';
import { PromisePublicPage } from './pages/PromisePublicPage.ts';

const run = browserAvailable();

const AGREEMENT = 'Samverkansöverenskommelse Huddinge 2027';
const PLAN = 'Trygghetsvandringar i Flemingsberg 2027';
const DRAFT = 'Vi ska genomföra 30 trygghetsvandringar i Flemingsberg';
const PROMISE = 'Vi ska genomföra 40 trygghetsvandringar i Flemingsberg';
const POLICE = 'Polismyndigheten, lokalpolisområde Huddinge';

/**
 * The promises are written in late November 2026 for 2027, and the first walk is logged in March
 * 2027: the page may only count walks done inside the promise's period and not in the future. So
 * the server's clock and the browser's are both set, and moved between the two steps, instead of
 * pretending a 2027 walk happened in 2026. (The public page lists every citizen promise, whatever
 * its period, so the 2027 promise shows there from the day it is written: "0 av 40".)
 */
const WRITING = new Date('2026-11-24T09:00:00+01:00');
const LOGGING = new Date('2027-03-10T10:00:00+01:00');

/** The real server over real HTTP, as e2e/support/server.ts starts it, with a clock the test moves. */
describe.runIf(run)(
  'citizen promises: a coordinator writes next year’s agreement, plan and promise, edits it, and the public page follows',
  () => {
    const clock = { now: WRITING };
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let coordinator: { email: string; password: string };
    let promiseUrl: string;
    screenshotOnFailure(() => page);

    beforeAll(async () => {
      server = await startServer({}, { clock: () => clock.now });
      const db = server.database.db;
      const municipality = await db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', 'huddinge-kommun')
        .executeTakeFirstOrThrow();
      coordinator = await createUser(db, {
        role: 'samordnare',
        organisationId: municipality.id,
        name: 'Sara Samordnare',
      });
      browser = await launchBrowser();
      page = await browser.newPage({
        viewport: { width: 412, height: 915 },
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
      });
      await page.clock.setFixedTime(WRITING);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    /** The public page as a visitor without login or JavaScript sees it (a fresh context: no cached copy). */
    async function publicPromiseText(): Promise<string | null> {
      const context = await browser.newContext({
        viewport: { width: 412, height: 915 },
        locale: 'sv-SE',
        javaScriptEnabled: false,
      });
      try {
        const visitor = new PromisePublicPage(await context.newPage(), server.url);
        await visitor.open();
        return await visitor.promise(PROMISE).textContent();
      } finally {
        await context.close();
      }
    }

    it('November 2026: the agreement with the police, a plan and a promise, with field errors in Swedish on the way', async () => {
      await new LoginPage(page, server.url).loginAs(coordinator.email, coordinator.password);
      const agreements = new PromiseAgreementsPage(page);
      await agreements.open();

      await agreements.startAgreement({
        title: AGREEMENT,
        from: '2027-01-01',
        to: '2026-12-31',
        parties: [POLICE],
        focusAreas: ['Trygghet i offentlig miljö'],
        signatories: { [POLICE]: 'Lokalpolisområdeschef' },
      });
      await agreements.newAgreementForm().getByRole('button', { name: 'Spara överenskommelsen' }).click();
      await agreements
        .newAgreementForm()
        .getByRole('alert')
        .filter({ hasText: 'Kontrollera de markerade fälten.' })
        .waitFor();
      expect(await agreements.fieldError(agreements.newAgreementForm(), 'Till')).toBe(
        'Slutdatumet får inte vara före startdatumet.',
      );
      await agreements.newAgreementForm().getByLabel('Till', { exact: true }).fill('2027-12-31');
      await agreements.saveAgreement(AGREEMENT);
      expect(await agreements.agreement(AGREEMENT).textContent()).toContain(`Huddinge kommun, ${POLICE}`);
      expect(await agreements.agreement(AGREEMENT).textContent()).toContain(`Lokalpolisområdeschef (${POLICE})`);

      await agreements.addPlan(AGREEMENT, { title: PLAN, focusArea: 'Trygghet i offentlig miljö' });
      const open = await agreements.addCommitment(AGREEMENT, {
        title: DRAFT,
        activity: 'trygghetsvandring',
        plan: PLAN,
        kind: 'Antal under perioden',
        count: 30,
        owners: ['Huddinge kommun', POLICE],
        places: ['Flemingsberg C'],
        isPromise: true,
      });
      await open.click();
      const commitment = new PromiseCommitmentPage(page);
      await commitment.waitFor(DRAFT);
      promiseUrl = page.url();
      expect(await commitment.target()).toBe('30 × trygghetsvandring under perioden');
    });

    it('the partnership settles on 40: the coordinator edits the promise, and the public page shows 0 of 40', async () => {
      const commitment = new PromiseCommitmentPage(page);
      await commitment.startEdit();
      await commitment.fill({ title: PROMISE, count: 40 });
      await commitment.save();
      await commitment.waitFor(PROMISE);
      expect(await commitment.target()).toBe('40 × trygghetsvandring under perioden');
      expect(await commitment.progress()).toMatch(/^Inte påbörjat 0 av 40 gjorda/);
      expect(await publicPromiseText()).toContain('0 av 40 genomförda');

      const stored = await server.database.db
        .selectFrom('commitments')
        .select(['code', 'title', 'target_count', 'is_promise'])
        .where('title', '=', PROMISE)
        .execute();
      expect(stored).toEqual([
        {
          code: '2027-vi-ska-genomfora-30-trygghetsvandringar-i-flemingsberg',
          title: PROMISE,
          target_count: 40,
          is_promise: true,
        },
      ]);
      await new LoginPage(page, server.url).logout();
    });

    it('March 2027: a walk is logged, the progress moves, and the public page shows 1 of 40', async () => {
      clock.now = LOGGING;
      await page.clock.setFixedTime(LOGGING);
      await new LoginPage(page, server.url).loginAs(coordinator.email, coordinator.password);
      await page.goto(promiseUrl);
      const commitment = new PromiseCommitmentPage(page);
      await commitment.waitFor(PROMISE);
      await commitment.logActivity(8);
      await expect.poll(() => commitment.progress(), { timeout: 15_000 }).toMatch(/ 1 av 40 gjorda/);
      expect(await publicPromiseText()).toContain('1 av 40 genomförda');
      const logged = await server.database.db
        .selectFrom('commitment_activities')
        .select(['occurred_on', 'participants'])
        .execute();
      expect(logged).toEqual([{ occurred_on: '2027-03-10', participants: 8 }]);
    });

    it('a later start would leave the walk outside the period: refused with a clear message, nothing changed', async () => {
      const commitment = new PromiseCommitmentPage(page);
      await commitment.startEdit();
      await commitment.fill({ from: '2027-04-01' });
      expect(await commitment.saveRefused()).toContain('1 loggade insatser skulle hamna utanför den nya perioden');
      const stored = await server.database.db
        .selectFrom('commitments')
        .select('period_start')
        .where('title', '=', PROMISE)
        .executeTakeFirstOrThrow();
      expect(stored.period_start).toBe('2027-01-01');
    });
  },
);
