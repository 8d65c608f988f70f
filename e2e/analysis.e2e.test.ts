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

describe.runIf(run)('a coordinator finds a planted hot spot on the analysis page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let coordinator: { email: string; password: string };
  screenshotOnFailure(() => page);

  beforeAll(async () => {
    server = await startServer();
    const db = server.database.db;
    const org = await createOrganisation(db, 'municipality');
    const user = await createUser(db, { role: 'samordnare', organisationId: org.id, name: 'Sara Samordnare' });
    coordinator = user;
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY - 3_600_000);
    const cluster: PlantedReport[] = Array.from({ length: 12 }, (_, i) => ({
      x: SKOGAS.x + ((i * 7) % 61) - 30,
      y: SKOGAS.y + ((i * 13) % 61) - 30,
      occurredAt: ago(1 + i),
    }));
    await plantReports(db, { id: user.id, organisationId: org.id }, [
      ...cluster,
      ...lattice(30, { minX: 666_000, minY: 6_561_000, maxX: 680_000, maxY: 6_574_000 }, (i) => ago(1 + (i % 26))),
      // The four weeks before, for the evaluation.
      ...cluster.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt.getTime() - 28 * DAY) })),
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1280, height: 1000 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs hot spots for the last four weeks and shows the hot cell at Skogås with a Swedish explanation', async () => {
    await new LoginPage(page, server.url).loginAs(coordinator.email, coordinator.password);
    const analysis = new AnalysisPage(page);
    await analysis.open();
    await analysis.choosePeriod('Senaste 4 veckorna');
    await analysis.chooseCategory('Skadegörelse/klotter');
    await analysis.chooseCellSize(250);
    await analysis.run();

    await analysis.hotCells().first().waitFor();
    const summary = (await analysis.hotspotSummary().textContent()) ?? '';
    expect(summary).toMatch(/^42 rapporter .* \d+ heta och 0 kalla celler av \d+ \(celler om 250 m, FDR 0,05\)/);
    // The twelve planted reports (split over two rows of cells at 250 m) lie in hot cells; none of
    // the thirty scattered single reports does, and only the cluster's neighbourhood is hot.
    expect(summary).toContain('12 av rapporterna ligger i heta celler');
    expect(await analysis.hotCells().count()).toBeLessThanOrEqual(12);
    expect(await analysis.hotspotArea('Skogås').textContent()).toMatch(/^Skogås\d+012$/);
    expect(await analysis.tooltipOf(analysis.hotCells().first())).toMatch(/^\d+ rapporter, z = /);
    expect(await analysis.densityContours().count()).toBeGreaterThan(0);
    await analysis.evaluation().waitFor();
    expect(await analysis.evaluation().textContent()).toContain('Träffandel');
    await analysis.nearRepeatVerdict().waitFor();
    // A verdict of raised risk is a warning, never styled as good news.
    expect(await analysis.nearRepeatVerdict().getAttribute('class')).not.toContain('success');
    // Four weeks are too few time steps for emerging hot spots, and the section says so in Swedish.
    await analysis
      .section('Framväxande heta punkter (tid och rum)')
      .getByText('kräver minst 5 tidssteg', { exact: false })
      .waitFor();
    await page.getByTestId('concentration').waitFor();

    // The settings live in the URL: a reload (or a shared link) shows the same analysis.
    expect(page.url()).toContain('run=1');
    await page.reload();
    await analysis.hotCells().first().waitFor();
    expect(await analysis.hotspotSummary().textContent()).toContain('12 av rapporterna ligger i heta celler');

    const text = await analysis.explanation('Heta punkter (Getis-Ord Gi*)');
    expect(text).toContain('Gi* är ett z-värde');
    expect(await analysis.explanation('Korrektion för många test (FDR)')).toContain('falsklarm');
  });
});
