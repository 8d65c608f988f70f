import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftWeek, weekOf, weekRange } from '../src/contracts/iso-week.ts';
import { extractPdfText } from '../src/server/features/lagesbild/pdf/pdf-text.ts';
import { createUser } from '../test/support/factories.ts';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { insertReports } from './support/seed-reports.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { LagesbildPage } from './pages/LagesbildPage.ts';
import { screenshotOnFailure } from './support/screenshots.ts';

const run = browserAvailable();

/** Reports of last week straight into the database: 5 in Skogås, 2 in Flemingsberg, 1 the week before. */
async function seedWeek(server: RunningServer, week: string, authorId: string, organisationId: string) {
  const from = weekRange(week).from.getTime();
  const spot = (areaCode: string, lat: number, lon: number, at: number) => ({
    areaCode,
    lat,
    lon,
    occurredAt: new Date(at),
  });
  await insertReports(
    server,
    [
      ...Array.from({ length: 5 }, (_, i) =>
        spot('skogas', 59.2194 + i * 0.002, 18.1536, from + ((i + 1) * 86_400_000) / 2),
      ),
      spot('flemingsberg', 59.2193, 17.9478, from + 3 * 86_400_000),
      spot('flemingsberg', 59.2213, 17.9478, from + 4 * 86_400_000),
      spot('skogas', 59.2194, 18.1536, from - 86_400_000),
    ],
    { authorId, organisationId, categoryCode: 'anlagd-brand', description: 'Brand i papperskorg' },
  );
}

describe.runIf(run)('the weekly meeting: assess, summarise, decide, publish, download', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const week = shiftWeek(weekOf(new Date()), -1);
  screenshotOnFailure(() => page);

  beforeAll(async () => {
    server = await startServer();
    const db = server.database.db;
    const municipality = await db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', 'huddinge-kommun')
      .executeTakeFirstOrThrow();
    const coordinator = await createUser(db, {
      role: 'samordnare',
      organisationId: municipality.id,
      name: 'Sara Samordnare',
    });
    await seedWeek(server, week, coordinator.id, municipality.id);
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1600, height: 1000 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      acceptDownloads: true,
    });
    await new LoginPage(page, server.url).loginAs(coordinator.email, coordinator.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('walks the meeting and finds the week in the PDF', async () => {
    const meeting = new LagesbildPage(page, server.url);
    await meeting.open(week);
    expect(await meeting.keyFigures().textContent()).toContain('7 rapporter denna vecka');
    expect(await meeting.areaRow('skogas').locator('td').first().textContent()).toBe('5');
    await expect.poll(() => meeting.mapPoints().count()).toBe(7);

    // On the projector: no menu, the picture alone; and back.
    await meeting.enterMeetingMode();
    // The layout changes after the click: each check waits for its condition instead of reading once.
    await expect.poll(() => meeting.mainMenu().isVisible()).toBe(false);
    await expect.poll(() => meeting.keyFigures().isVisible()).toBe(true);
    await meeting.leaveMeetingMode();
    await expect.poll(() => meeting.mainMenu().isVisible()).toBe(true);

    await meeting.assess('Skogås', 'skogas', 'Röd – koncentrera resurser', 'Bränder i papperskorgar vid centrum');
    await meeting.writeSummary('Flera anlagda bränder i Skogås; lugnt i övriga områden.');
    await meeting.addAction({
      what: 'Tömning och byte till brandsäkra papperskorgar',
      areaName: 'Skogås',
      organisation: 'Huge Bostäder',
      person: 'Områdeschef Skogås',
      due: '2030-01-31',
    });
    await meeting.publish();

    const pdf = await meeting.downloadPdf(1);
    const text = extractPdfText(pdf);
    expect(text).toContain(`Veckolägesbild vecka ${Number(week.slice(6))}`);
    expect(text).toContain('Publicerad version 1');
    expect(text).toContain('Totalt 7 rapporter (förra veckan 1');
    expect(text).toMatch(/Skogås 5 1 0,1 \+4 \* Röd – koncentrera resurser Bränder i papperskorgar vid centrum/);
    expect(text).toMatch(/Flemingsberg 2 0 0 \+2/);
    expect(text).toContain('Flera anlagda bränder i Skogås; lugnt i övriga områden.');
    expect(text).toContain('Tömning och byte till brandsäkra papperskorgar');
    expect(text).toContain('Huge Bostäder, Områdeschef Skogås');
  });
});
