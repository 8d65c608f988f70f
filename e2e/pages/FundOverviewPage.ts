import type { Page } from 'playwright-core';

/** The budget overview (/fond/budget): figures, the district map and the tables. */
export class FundOverviewPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, year: number) {
    await this.page.goto(`${baseUrl}/fond/budget?year=${year}`);
    await this.page.getByRole('heading', { name: `Trygghetsbudget ${year}` }).waitFor();
    await this.page.getByTestId('fund-figures').waitFor();
  }

  grantedTotal() {
    return this.page.getByTestId('fund-granted-total');
  }

  /** The granted amount in the per-district table for a district (or "Hela kommunen"). */
  areaRow(name: string) {
    return this.page.getByTestId('fund-by-area').getByRole('row', { name: new RegExp(`^${name}`) });
  }

  mapAreas() {
    return this.page.locator('.leaflet-overlay-pane path');
  }
}
