import type { Page } from 'playwright-core';

/** The budget overview (/fond/budget): figures, the district map and the tables. */
export class FundOverviewPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, year: number) {
    await this.page.goto(`${baseUrl}/fond/budget?year=${year}`);
    await this.page.getByRole('heading', { name: `Trygghetsbudget ${year}` }).waitFor();
    await this.page.getByRole('table', { name: 'Potter' }).waitFor();
  }

  /** The fund manager sets the year's budget and allocates a pot from it. */
  async allocate(totalKronor: string, pot: { name: string; purpose: string; kronor: string }) {
    await this.page.getByText(/^Budget och potter/).click();
    const budget = this.page.getByRole('form', { name: 'Årets budget' });
    await budget.getByLabel('Årets budget (kr)').fill(totalKronor);
    await budget.getByRole('button', { name: 'Spara budget' }).click();
    await this.page.getByTestId('fund-figures').waitFor();
    const form = this.page.getByRole('form', { name: 'Ny pott' });
    await form.getByLabel('Pottens namn').fill(pot.name);
    await form.getByLabel('Belopp (kr)').fill(pot.kronor);
    await form.getByLabel('Syfte').fill(pot.purpose);
    await form.getByRole('button', { name: 'Lägg till pott' }).click();
    await this.page.getByRole('row', { name: new RegExp(`^${pot.name}`) }).waitFor();
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
