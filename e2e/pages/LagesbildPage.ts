import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** The weekly meeting view, as a coordinator uses it on the projector. */
export class LagesbildPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(week: string) {
    await this.page.goto(`${this.baseUrl}/lagesbild/${week}`);
    await this.page.getByRole('heading', { name: `Veckolägesbild vecka ${Number(week.slice(6))}` }).waitFor();
    await this.page.getByTestId('key-figures').waitFor();
  }

  /** The week's reports drawn on the map (their own request after the figures). */
  mapPoints() {
    return this.page.locator('path.report-point');
  }

  async enterMeetingMode() {
    await this.page.getByRole('button', { name: 'Mötesläge' }).click();
    await this.page.getByRole('button', { name: 'Lämna mötesläge' }).waitFor();
  }

  async leaveMeetingMode() {
    await this.page.getByRole('button', { name: 'Lämna mötesläge' }).click();
    await this.page.getByRole('button', { name: 'Mötesläge' }).waitFor();
  }

  mainMenu() {
    return this.page.getByRole('navigation', { name: 'Huvudmeny' });
  }

  keyFigures() {
    return this.page.getByTestId('key-figures');
  }

  areaRow(areaCode: string) {
    return this.page.locator(`tr[data-area="${areaCode}"]`);
  }

  async assess(
    areaName: string,
    areaCode: string,
    level: 'Grön – normalläge' | 'Gul – förhöjd uppmärksamhet' | 'Röd – koncentrera resurser',
    comment: string,
  ) {
    await this.page.getByLabel(`Bedömning för ${areaName}`, { exact: true }).selectOption({ label: level });
    await this.page.getByLabel(`Kommentar för ${areaName}`, { exact: true }).fill(comment);
    await this.page.getByRole('button', { name: `Spara bedömning för ${areaName}` }).click();
    // Saved once the draft comes back with the colour on the row.
    await this.page
      .locator(
        `tr[data-area="${areaCode}"].row-${{ 'Grön – normalläge': 'green', 'Gul – förhöjd uppmärksamhet': 'yellow', 'Röd – koncentrera resurser': 'red' }[level]}`,
      )
      .waitFor();
  }

  async writeSummary(text: string) {
    await this.page.getByLabel('Veckans sammanfattning').fill(text);
    await this.page.getByRole('button', { name: 'Spara sammanfattning' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Sparat' }).waitFor();
  }

  async addAction(action: { what: string; areaName: string; organisation: string; person: string; due: string }) {
    const form = this.page.getByRole('form', { name: 'Ny åtgärd' });
    await form.getByLabel('Vad', { exact: true }).fill(action.what);
    await form.getByLabel('Var', { exact: true }).selectOption({ label: action.areaName });
    await form.getByLabel('Ansvarig organisation', { exact: true }).selectOption({ label: action.organisation });
    await form.getByLabel('Ansvarig person (funktion)').fill(action.person);
    await form.getByLabel('Klart senast', { exact: true }).fill(action.due);
    await form.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await this.page
      .getByRole('table', { name: 'Beslutade denna vecka' })
      .getByRole('cell', { name: action.what })
      .waitFor();
  }

  async publish() {
    await this.page.getByRole('button', { name: 'Publicera lägesbilden' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Version 1 är publicerad.' }).waitFor();
  }

  /** Downloads the PDF of a published version and returns its bytes. */
  async downloadPdf(version: number): Promise<Buffer> {
    const link = this.page
      .getByTestId('picture-status')
      .getByRole('listitem')
      .filter({ hasText: `Version ${version} publicerad` })
      .getByRole('link', { name: 'Ladda ned PDF' });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return readFile(await download.path());
  }
}
