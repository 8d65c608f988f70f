import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test/support/factories.ts';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { screenshotOnFailure } from './support/screenshots.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { FundApplicationFormPage } from './pages/FundApplicationFormPage.ts';
import { FundApplicationPage } from './pages/FundApplicationPage.ts';
import { FundOverviewPage } from './pages/FundOverviewPage.ts';

const run = browserAvailable();
const YEAR = new Date().getFullYear();
/** sv-SE money uses non-breaking spaces (Intl.NumberFormat). */
const nbsp = (s: string) => s.replace(/ /g, '\u00a0');

describe.runIf(run)(
  'the safety fund: a company applies, a reviewer scores, the fund decides, the overview moves',
  () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let applicant: Page;
    let manager: Page;
    let reviewer: Page;
    let current: Page | undefined;
    let applicationId = '';
    screenshotOnFailure(() => current);

    async function pageFor(email: string, password: string) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
      });
      contexts.push(context);
      const page = await context.newPage();
      await new LoginPage(page, server.url).loginAs(email, password);
      return page;
    }

    beforeAll(async () => {
      server = await startServer();
      const db = server.database.db;
      const org = (code: string) =>
        db
          .selectFrom('organisations')
          .select(['id', 'code', 'kind'])
          .where('code', '=', code)
          .executeTakeFirstOrThrow();
      const [huge, kommun] = await Promise.all([org('huge-bostader'), org('huddinge-kommun')]);
      const [a, m, r] = await Promise.all([
        createUser(db, { role: 'rapportor', organisationId: huge.id, name: 'Alva Sökande' }),
        createUser(db, { role: 'samordnare', organisationId: kommun.id, name: 'Maja Fondansvarig' }),
        createUser(db, { role: 'rapportor', organisationId: kommun.id, name: 'Rune Granskare' }),
      ]);
      browser = await launchBrowser();
      [applicant, manager, reviewer] = await Promise.all([
        pageFor(a.email, a.password),
        pageFor(m.email, m.password),
        pageFor(r.email, r.password),
      ]);
    });
    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.stop();
    });

    it("the fund manager allocates a pot out of the year's budget; nothing is granted yet", async () => {
      current = manager;
      const overview = new FundOverviewPage(manager);
      await overview.open(server.url, YEAR);
      await overview.allocate('2 000 000', {
        name: 'Trygghetsfonden',
        purpose: 'Ansökningar från nämnder och bolag',
        kronor: '1 000 000',
      });
      expect(await overview.grantedTotal().textContent()).toBe(nbsp('0,00 kr'));
      expect(await manager.getByTestId('fund-by-area').textContent()).toContain('Inga beviljade projekt ännu.');
    });

    it('Huge Bostäder drafts an application with a cost breakdown and submits it', async () => {
      current = applicant;
      const form = new FundApplicationFormPage(applicant);
      await form.openFromList();
      await form.fill({
        title: 'Trygghetsvandringar i Flemingsberg',
        purpose: 'Vuxna rör sig i området kvällstid och rapporterar brister i miljön.',
        focusArea: 'Trygghet i offentlig miljö',
        area: 'Flemingsberg',
        from: `${YEAR}-01-01`,
        to: `${YEAR}-12-31`,
        costs: [
          ['Västar och lampor', '12 500,50'],
          ['Samordning', '87 500'],
        ],
        effect: 'Färre skadegörelser runt stationen.',
        indicators: ['Skadegörelser vid stationen per månad'],
        links: `${YEAR}-W45`,
      });
      expect(await form.requestedTotal().textContent()).toContain(nbsp('100 000,50 kr'));
      await form.save();
      const application = new FundApplicationPage(applicant);
      expect(await application.status().textContent()).toBe('Utkast');
      applicationId = applicant.url().split('/').pop()!;
      await application.submit();
      expect(await applicant.getByRole('link', { name: 'Redigera' }).count()).toBe(0);
    });

    it('the fund manager assigns a reviewer, who scores against the criteria', async () => {
      current = manager;
      const asManager = new FundApplicationPage(manager);
      await asManager.open(server.url, applicationId);
      await asManager.assignReviewer('Rune Granskare (Huddinge kommun)');

      current = reviewer;
      const asReviewer = new FundApplicationPage(reviewer);
      await asReviewer.open(server.url, applicationId);
      await asReviewer.review({ Behov: '5', 'Förväntad effekt': '4', 'Rimlig kostnad': '4', Samverkan: '3' }, '90 000');
      expect(await reviewer.getByTestId('fund-review-panel').textContent()).toContain('Klar');
    });

    it('the fund manager grants from the pot; the applicant is notified and the overview moves', async () => {
      current = manager;
      const asManager = new FundApplicationPage(manager);
      await asManager.open(server.url, applicationId);
      await asManager.grant({
        pot: /^Trygghetsfonden/,
        kronor: '90 000',
        date: `${YEAR}-11-20`,
        body: 'Kommunstyrelsens arbetsutskott',
        reference: `KS-${YEAR}/417`,
        followUps: [`${YEAR + 1}-06-30`],
      });
      expect(await asManager.decision().textContent()).toContain(`Beviljad ${nbsp('90 000,00 kr')} ur Trygghetsfonden`);

      const overview = new FundOverviewPage(manager);
      await overview.open(server.url, YEAR);
      expect(await overview.grantedTotal().textContent()).toBe(nbsp('90 000,00 kr'));
      expect(await overview.areaRow('Flemingsberg').textContent()).toContain(nbsp('90 000,00 kr'));
      expect(await manager.getByRole('row', { name: /^Trygghetsfonden/ }).textContent()).toContain(
        nbsp('910 000,00 kr'),
      );
      // The district is shaded on the map: one area path carries the darkest shade.
      await manager.locator('.leaflet-overlay-pane path[fill="#08306b"]').first().waitFor();

      current = applicant;
      await applicant.getByRole('link', { name: 'Fondansökningar' }).click();
      await applicant
        .getByTestId('fund-notifications')
        .filter({ hasText: `beviljats ${nbsp('90 000,00 kr')}` })
        .waitFor();
    });

    it('the project reports its follow-up, and the overview shows the money spent and the result', async () => {
      current = applicant;
      const asApplicant = new FundApplicationPage(applicant);
      await asApplicant.open(server.url, applicationId);
      await asApplicant.reportFollowUp(
        `${YEAR + 1}-06-30`,
        '25 000',
        { 'Skadegörelser vid stationen per månad': 'från 12 till 7' },
        'Vårens vandringar är genomförda.',
      );

      current = manager;
      const overview = new FundOverviewPage(manager);
      await overview.open(server.url, YEAR);
      expect(await manager.getByRole('row', { name: /^Trygghetsvandringar i Flemingsberg/ }).textContent()).toContain(
        nbsp('25 000,00 kr'),
      );
      await expect.poll(() => manager.getByRole('heading', { name: 'Redovisade resultat' }).isVisible()).toBe(true);
      expect(await manager.getByText('Skadegörelser vid stationen per månad: från 12 till 7').count()).toBe(1);
    });
  },
);
