import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftWeek, weekOf, weekRange } from '../src/contracts/iso-week.ts';
import { createUser } from '../test/support/factories.ts';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { screenshotOnFailure } from './support/screenshots.ts';
import { insertReports } from './support/seed-reports.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { ActionsListPage } from './pages/ActionsListPage.ts';
import { LagesbildPage } from './pages/LagesbildPage.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { MeetingActionsPanel } from './pages/MeetingActionsPanel.ts';
import { ReportDetailPage } from './pages/ReportDetailPage.ts';

const run = browserAvailable();

interface SeededReport {
  id: string;
  number: number;
}

/**
 * Last week's reports, filed by one reporter, straight into the database: two fires by Skogås C
 * (one recurring place) and one in Flemingsberg far from them.
 */
async function seedReports(server: RunningServer, week: string, authorId: string, organisationId: string) {
  const from = weekRange(week).from.getTime();
  const spot = (areaCode: string, lat: number, lon: number, at: number) => ({
    areaCode,
    lat,
    lon,
    occurredAt: new Date(at),
  });
  const rows = await insertReports(
    server,
    [
      spot('skogas', 59.2194, 18.1536, from + 1 * 86_400_000),
      spot('skogas', 59.2197, 18.1538, from + 3 * 86_400_000),
      spot('flemingsberg', 59.2193, 17.9478, from + 4 * 86_400_000),
    ],
    { authorId, organisationId, categoryCode: 'anlagd-brand', description: 'Brand i papperskorg' },
  );
  return rows as [SeededReport, SeededReport, SeededReport];
}

describe.runIf(run)('actions: decided in the meeting, followed up on their own page, fed back to the reporter', () => {
  let server: RunningServer;
  let browser: Browser;
  let coordinatorContext: BrowserContext;
  let page: Page;
  let reporterPage: Page | undefined;
  let reporter: { email: string; password: string };
  let skogas1: SeededReport;
  let skogas2: SeededReport;
  let flemingsberg: SeededReport;
  const week = shiftWeek(weekOf(new Date()), -1);
  const title = 'Byt till brandsäkra papperskorgar vid Skogås C';
  screenshotOnFailure(() => reporterPage ?? page);

  beforeAll(async () => {
    server = await startServer();
    const db = server.database.db;
    const organisations = await db
      .selectFrom('organisations')
      .select(['id', 'code'])
      .where('code', 'in', ['huddinge-kommun', 'huge-bostader'])
      .execute();
    const organisation = (code: string) => organisations.find((o) => o.code === code)!.id;
    const coordinator = await createUser(db, {
      role: 'samordnare',
      organisationId: organisation('huddinge-kommun'),
      name: 'Sara Samordnare',
    });
    reporter = await createUser(db, {
      role: 'rapportor',
      organisationId: organisation('huge-bostader'),
      name: 'Rut Rapportör',
    });
    [skogas1, skogas2, flemingsberg] = await seedReports(
      server,
      week,
      (await db.selectFrom('users').select('id').where('email', '=', reporter.email).executeTakeFirstOrThrow()).id,
      organisation('huge-bostader'),
    );
    browser = await launchBrowser();
    coordinatorContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    page = await coordinatorContext.newPage();
    await new LoginPage(page, server.url).loginAs(coordinator.email, coordinator.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('decides an action for a named place with the reports of a recurring place, follows it up and tells the reporter', async () => {
    const meeting = new LagesbildPage(page, server.url);
    await meeting.open(week);
    const panel = new MeetingActionsPanel(page);
    await panel.fillAction({
      what: title,
      place: 'Skogås C',
      description: 'Två anlagda bränder i papperskorgar vid stationen på kort tid.',
      organisation: 'Huge Bostäder',
      person: 'Områdeschef Skogås',
      due: '2030-01-31',
    });
    // A named place brings its area along.
    expect(await panel.chosenArea()).toBe('Skogås');
    await panel.linkRecurringPlace('Skogås', 2);
    expect(await panel.linkedNumbers()).toEqual([skogas1.number, skogas2.number]);
    await panel.add(title);
    const decided = panel.decidedRow(title);
    expect(await decided.textContent()).toContain('Skogås C, Skogås');
    await decided.getByRole('link', { name: `Rapport ${skogas1.number}`, exact: true }).waitFor();
    await decided.getByRole('link', { name: `Rapport ${skogas2.number}`, exact: true }).waitFor();

    const actions = new ActionsListPage(page, server.url);
    await actions.openFromMenu();
    const row = actions.row(title);
    expect(await row.getByRole('link', { name: `v. ${Number(week.slice(6))}` }).getAttribute('href')).toBe(
      `/lagesbild/${week}`,
    );
    expect(await row.getByRole('link', { name: `Rapport ${skogas2.number}`, exact: true }).getAttribute('href')).toBe(
      `/rapporter/${skogas2.id}`,
    );

    // A phone number in the outcome is refused, in Swedish, and nothing is saved.
    await actions.startOutcome(title, 'Klart. Frågor till fastighetsskötaren på 070-123 45 67.');
    expect(await actions.saveOutcomeExpectingError(title)).toContain(
      'Texten innehåller personuppgifter och kan inte sparas',
    );
    const outcome = 'Papperskorgarna bytta mot brandsäkra; inga nya bränder sedan dess.';
    await actions.writeOutcome(title, outcome);

    await actions.setStatus(title, 'Klar');
    // Done actions leave the list of open ones, and show among all.
    await row.waitFor({ state: 'detached' });
    await actions.filterStatus('Alla');
    expect(await actions.row(title).getByLabel(`Status för ${title}`).inputValue()).toBe('done');

    const reporterContext = await browser.newContext({
      viewport: { width: 412, height: 900 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    reporterPage = await reporterContext.newPage();
    await new LoginPage(reporterPage, server.url).loginAs(reporter.email, reporter.password);
    const report = new ReportDetailPage(reporterPage, server.url);
    await report.open(skogas1.id, skogas1.number);
    await report.feedback().getByText(`Ledde till åtgärden ”${title}” (Huge Bostäder, Klar): ${outcome}`).waitFor();
    await reporterContext.close();
    reporterPage = undefined;
  });

  it('starts an action from a report page with the report linked, adds one by number and drops another', async () => {
    const report = new ReportDetailPage(page, server.url);
    await report.open(flemingsberg.id, flemingsberg.number);
    await report.createAction();
    const panel = new MeetingActionsPanel(page);
    await panel.chip(flemingsberg.number).waitFor();
    expect(await panel.chosenArea()).toBe('Flemingsberg');
    await panel.linkByNumber([skogas1.number]);
    expect(await panel.linkedNumbers()).toEqual([skogas1.number, flemingsberg.number]);
    await panel.removeChip(skogas1.number);
    const what = 'Trygghetsvandring i Flemingsberg';
    await panel.fillAction({ what, organisation: 'Huddinge kommun', person: 'Trygghetssamordnare', due: '2030-02-15' });
    await panel.add(what);
    const decided = panel.decidedRow(what);
    await decided.getByRole('link', { name: `Rapport ${flemingsberg.number}`, exact: true }).waitFor();
    expect(await decided.getByRole('link', { name: /^Rapport / }).count()).toBe(1);
    // The report is no longer asked for once the action is saved.
    expect(new URL(page.url()).searchParams.has('rapport')).toBe(false);
  });
});
