import type { Page } from 'playwright-core';

/** Kameror: the register's map and table. */
export class CameraRegisterPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Kameror', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Trygghetskameror' }).waitFor();
  }

  /** The marker of a site on the map (Leaflet puts the title on the marker element). */
  marker(name: string) {
    return this.page.locator(`.leaflet-marker-pane [title="Kameraplats: ${name}"]`);
  }

  async openMarkerPopup(name: string) {
    await this.marker(name).click();
    return this.page.locator('.leaflet-popup-content');
  }

  row(name: string) {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }
}
