import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test/support/factories.ts';
import { as, login } from '../test/support/test-app.ts';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { screenshotOnFailure } from './support/screenshots.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { CameraSitingPage } from './pages/CameraSitingPage.ts';
import { CameraSitePage } from './pages/CameraSitePage.ts';
import { CameraRegisterPage } from './pages/CameraRegisterPage.ts';

const run = browserAvailable();
/** Flemingsberg C, a sourced place with no camera site in the seed. */
const FLEMINGSBERG = { lat: 59.21926148988484, lon: 17.947841798445623 };

describe.runIf(run)('a coordinator sites a camera from the data, documents the legal basis and installs it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let coordinator: { email: string; password: string };
  const today = DateTime.now().setZone('Europe/Stockholm');
  screenshotOnFailure(() => page);

  beforeAll(async () => {
    server = await startServer();
    const db = server.database.db;
    const kommun = await db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', 'huddinge-kommun')
      .executeTakeFirstOrThrow();
    coordinator = await createUser(db, { role: 'samordnare', organisationId: kommun.id, name: 'Sara Samordnare' });
    // Reports from the last weeks around Flemingsberg C make it the clear first candidate.
    const session = await login(server.app, coordinator.email, coordinator.password);
    for (let i = 0; i < 6; i++) {
      const response = await as(server.app, session).post('/api/reports', {
        categoryCode: i % 2 ? 'anlagd-brand' : 'skadegorelse-klotter',
        occurredAt: today
          .minus({ days: 3 + i })
          .set({ hour: 22 })
          .toISO(),
        location: { lat: FLEMINGSBERG.lat + i * 0.0002, lon: FLEMINGSBERG.lon },
        description: 'Klotter och brandspår vid perrongens södra del.',
      });
      expect(response.statusCode).toBe(201);
    }
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('proposes the first-ranked place, with the reasons carried into the proposal', async () => {
    await new LoginPage(page, server.url).loginAs(coordinator.email, coordinator.password);
    const siting = new CameraSitingPage(page);
    await siting.open();
    expect((await siting.rankedNames())[0]).toBe('Flemingsberg C');
    expect(await siting.reasonsOf(1).first().textContent()).toContain('6 rapporter inom 200 m');
    await siting.proposeFirst();
    await expect(page.getByLabel('Namn', { exact: true }).inputValue()).resolves.toBe('Flemingsberg C');
    expect(await page.getByLabel(/Underlag/).inputValue()).toContain('6 rapporter inom 200 m');
    await siting.saveProposal();
    const site = new CameraSitePage(page);
    await site.waitFor('Flemingsberg C');
    expect(await site.status().textContent()).toBe('Föreslagen');
    expect(await page.getByTestId('motivating-reports').getByRole('link').count()).toBe(6);
  });

  it('cannot approve without a legal basis; completes the self-assessment, approves and installs', async () => {
    const site = new CameraSitePage(page);
    await site.moveTo('Påbörja bedömning', 'Under bedömning');
    await page.getByRole('button', { name: 'Besluta om bevakning' }).click();
    await page.getByRole('alert').filter({ hasText: 'saknar en gällande rättslig grund' }).waitFor();

    await site.completeSelfAssessment({
      decidedOn: today.toISODate()!,
      reviewOn: today.plus({ years: 1 }).toISODate()!,
    });
    expect(await site.legalBasisSection().textContent()).toContain('Egen bedömning');
    await site.moveTo('Besluta om bevakning', 'Beslutad');
    await site.moveTo('Markera som installerad', 'Installerad');
    const stored = await server.database.db
      .selectFrom('camera_sites')
      .select(['status', 'name'])
      .where('name', '=', 'Flemingsberg C')
      .execute();
    expect(stored).toEqual([{ status: 'installed', name: 'Flemingsberg C' }]);
  });

  it('logs an inspection', async () => {
    const site = new CameraSitePage(page);
    await site.logInspection('Skylt saknas vid södra uppgången.');
    expect(await site.inspectionRows().count()).toBe(1);
    expect(await site.inspectionRows().first().textContent()).toContain('nej');
  });

  it('draws the field of view on the map', async () => {
    await new CameraSitePage(page).drawFieldOfView(
      [
        [0.45, 0.45],
        [0.55, 0.45],
        [0.5, 0.55],
      ],
      '7',
    );
    const stored = await server.database.db
      .selectFrom('camera_sites')
      .select(['field_of_view', 'retention_days'])
      .where('name', '=', 'Flemingsberg C')
      .executeTakeFirstOrThrow();
    expect(stored.retention_days).toBe(7);
    const ring = stored.field_of_view!.coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(ring[3]).toEqual(ring[0]);
  });

  it('shows the installed camera on the register map', async () => {
    const register = new CameraRegisterPage(page);
    await register.open();
    await register.marker('Flemingsberg C').waitFor();
    const popup = await register.openMarkerPopup('Flemingsberg C');
    await popup.filter({ hasText: 'Installerad' }).waitFor();
    expect(await register.row('Flemingsberg C').textContent()).toContain('Egen bedömning');
    // The seeded sites are on the map too.
    expect(await register.marker('Stuvsta pendeltågsstation').count()).toBe(1);
  });

  it("shows the installed camera on the weekly picture's map", async () => {
    await page.goto(`${server.url}/lagesbild`);
    const weekMarker = new CameraRegisterPage(page).marker('Flemingsberg C');
    await weekMarker.waitFor();
    await weekMarker.click();
    const popup = page.locator('.leaflet-popup-content').filter({ hasText: 'Installerad' });
    await popup.waitFor();
    expect(await popup.textContent()).toContain('Flemingsberg C');
  });
});
