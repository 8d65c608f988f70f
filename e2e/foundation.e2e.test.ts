import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { NewReportPage } from './pages/NewReportPage.ts';
import { UsersPage } from './pages/UsersPage.ts';
import { screenshotOnFailure } from './support/screenshots.ts';

const run = browserAvailable();

describe.runIf(run)('a newcomer: admin creates a reporter, who files a report on the map', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  screenshotOnFailure(() => page);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 412, height: 915 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('admin logs in and creates a reporter for Huge Bostäder', async () => {
    const login = new LoginPage(page, server.url);
    await login.loginAs(ADMIN.email, ADMIN.password);
    const users = new UsersPage(page);
    await users.open();
    await users.createUser({
      name: 'Rut Rapportör',
      email: 'rut@huge.example',
      password: 'rapportor-losenord-1',
      organisation: 'Huge Bostäder',
      role: 'Rapportör',
    });
    // The list refreshes after the save: wait for the new row rather than reading it once.
    await expect.poll(() => page.getByRole('cell', { name: 'rut@huge.example' }).isVisible()).toBe(true);
    await login.logout();
  });

  it('the reporter is refused personal data, in Swedish, then files the report by tapping the map', async () => {
    await new LoginPage(page, server.url).loginAs('rut@huge.example', 'rapportor-losenord-1');
    const report = new NewReportPage(page);
    await page.getByRole('heading', { name: 'Ny rapport' }).waitFor();
    await report.chooseCategory('Skadegörelse/klotter');
    await report.tapMap(0.5, 0.5);
    await report.describe('Klotter på busskuren, ring mig på 070-123 45 67');
    await report.submit();
    await report.alert().filter({ hasText: 'personuppgifter' }).waitFor();
    expect(await report.alert().first().textContent()).toContain('telefonnummer');

    await report.describe('Klotter på busskuren, ca 2 m²');
    await report.submit();
    await report.confirmation().waitFor();
    const text = (await report.confirmation().textContent()) ?? '';
    expect(text).toMatch(/Rapport nr \d+ är registrerad i /);

    const stored = await server.database.db.selectFrom('reports').select(['description', 'status']).execute();
    expect(stored).toEqual([{ description: 'Klotter på busskuren, ca 2 m²', status: 'new' }]);
  });

  it('the report shows under "Mina rapporter" as not yet reviewed', async () => {
    await page.getByRole('link', { name: 'Mina rapporter' }).click();
    await page.getByRole('heading', { name: 'Mina rapporter' }).waitFor();
    // Feedback per report: not reviewed, in no published picture, no action yet.
    const feedback = page.getByRole('list', { name: 'Vad hände sedan?' });
    await feedback.getByText('Inte granskad ännu').waitFor();
    await feedback.getByText('Inte med i någon publicerad lägesbild ännu').waitFor();
    await feedback.getByText('Ingen åtgärd kopplad ännu').waitFor();
    expect(await page.getByRole('link', { name: /Skadegörelse\/klotter/ }).count()).toBe(1);
  });
});
