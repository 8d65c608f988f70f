import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../test/support/factories.ts';
import {
  lattice,
  plantReports,
  SKOGAS,
  type PlantedReport,
} from '../src/server/features/analysis/analysis.fixtures.ts';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { screenshotOnFailure } from './support/screenshots.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { AnalysisPage } from './pages/AnalysisPage.ts';

const run = browserAvailable();
const DAY = 86_400_000;

describe.runIf(run)('a long analysis shows its progress and can be cancelled; the others arrive meanwhile', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let reader: { email: string; password: string };
  screenshotOnFailure(() => page);

  beforeAll(async () => {
    // One worker thread, so the analyses queue behind each other as on a busy server.
    server = await startServer({ ANALYSIS_WORKERS: '1' });
    const db = server.database.db;
    const org = await createOrganisation(db, 'housing');
    const user = await createUser(db, { role: 'lasare', organisationId: org.id, name: 'Lea Läsare' });
    reader = user;
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY - 3_600_000);
    // A year of 10,000 burglaries spread over the municipality: a near-repeat test with 999
    // permutations over them takes seconds; and two weeks of graffiti at Skogås.
    const background = lattice(10_000, { minX: 666_000, minY: 6_561_000, maxX: 680_000, maxY: 6_574_000 }, (i) =>
      ago(1 + ((i * 7919) % 360)),
    ).map((r): PlantedReport => ({ ...r, categoryCode: 'inbrott-stold' }));
    const cluster: PlantedReport[] = Array.from({ length: 30 }, (_, i) => ({
      x: SKOGAS.x + (i % 6) * 5,
      y: SKOGAS.y - 100 + Math.floor(i / 6) * 5,
      occurredAt: ago(1 + (i % 13)),
    }));
    const all = [...background, ...cluster];
    for (let i = 0; i < all.length; i += 2000)
      await plantReports(db, { id: user.id, organisationId: org.id }, all.slice(i, i + 2000));
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1280, height: 1000 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
  }, 180_000); // ten thousand reports take a while to insert on a busy machine
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says it is calculating, then shows progress with a cancel button, and cancels', async () => {
    await new LoginPage(page, server.url).loginAs(reader.email, reader.password);
    const analysis = new AnalysisPage(page);
    await analysis.open();
    await analysis.chooseIterations(999);
    await analysis.run();

    const nearRepeat = 'Upprepning nära i tid och rum';
    // At once: every section says it is working (no blank sections while the server computes).
    await analysis.status(nearRepeat).waitFor();
    expect(await analysis.status(nearRepeat).textContent()).toMatch(/^(Räknar|I kö)/);
    // After a second: where it stands, and a way out.
    const cancel = analysis.section(nearRepeat).getByRole('button', { name: 'Avbryt' });
    await cancel.waitFor();
    expect(await analysis.section(nearRepeat).getByRole('progressbar').count()).toBe(1);
    expect(await analysis.status(nearRepeat).textContent()).toMatch(/I kö, plats \d+|Räknar… \d+ %/);
    await cancel.click();
    await analysis.section(nearRepeat).getByText('Analysen avbröts.', { exact: false }).waitFor();

    // The other analyses still arrive: hot spots, the emerging pattern at Skogås, concentration.
    await analysis.hotspotSummary().waitFor();
    await analysis.section('Framväxande heta punkter (tid och rum)').getByTestId('emerging-patterns').waitFor();
    expect(await analysis.emergingCells().count()).toBeGreaterThan(0);
    const patterns = (await page.getByTestId('emerging-patterns').textContent()) ?? '';
    expect(patterns).toMatch(/(Ny|Sammanhängande) het punkt/);
    await page.getByTestId('lorenz').waitFor();
    expect(await page.getByTestId('concentration').textContent()).toMatch(
      /De 1 % mest drabbade cellerna \(\d+ st\) har/,
    );
  }, 150_000);
});
