import type { Page } from 'playwright-core';

export class NewReportPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Ny rapport' }).click();
    await this.page.getByRole('heading', { name: 'Ny rapport' }).waitFor();
  }

  async chooseCategory(label: string) {
    await this.page.getByLabel('Vad gäller det?').selectOption({ label });
  }

  /** Taps the map at a fraction of its width and height. */
  async tapMap(fx: number, fy: number) {
    const map = this.page.locator('.leaflet-container');
    await map.waitFor();
    // Wait until the area layer is drawn, so the map has its final bounds.
    await this.page.locator('.leaflet-overlay-pane path').first().waitFor();
    const box = (await map.boundingBox())!;
    await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    await this.page.getByTestId('picked-point').filter({ hasText: 'Vald punkt' }).waitFor();
  }

  async describe(text: string) {
    await this.page.getByLabel('Beskrivning').fill(text);
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Skicka rapport' }).click();
  }

  confirmation() {
    return this.page.getByRole('status').filter({ hasText: 'är registrerad' });
  }

  alert() {
    return this.page.getByRole('alert');
  }
}
