import type { Page } from 'playwright-core';

/** The draft application form (/fond/ansokningar/ny). */
export class FundApplicationFormPage {
  constructor(private readonly page: Page) {}

  async openFromList() {
    await this.page.getByRole('link', { name: 'Fondansökningar' }).click();
    await this.page.getByRole('heading', { name: 'Ansökningar till trygghetsfonden' }).waitFor();
    await this.page.getByRole('link', { name: 'Ny ansökan' }).click();
    await this.page.getByRole('heading', { name: 'Ny ansökan' }).waitFor();
  }

  async fill(a: {
    title: string;
    purpose: string;
    focusArea: string;
    area: string;
    from: string;
    to: string;
    costs: [string, string][];
    effect: string;
    indicators: string[];
    links: string;
  }) {
    const p = this.page;
    await p.getByLabel('Rubrik').fill(a.title);
    await p.getByLabel('Syfte', { exact: true }).fill(a.purpose);
    await p.getByLabel('Social prevention').check();
    await p.getByRole('checkbox', { name: a.focusArea }).check();
    await p.getByRole('checkbox', { name: a.area, exact: true }).check();
    await p.getByLabel('Från', { exact: true }).fill(a.from);
    await p.getByLabel('Till', { exact: true }).fill(a.to);
    for (const [i, [label, kronor]] of a.costs.entries()) {
      if (i > 0) await p.getByRole('button', { name: 'Lägg till kostnadspost' }).click();
      await p.getByLabel(`Kostnadspost ${i + 1}`).fill(label);
      await p.getByLabel(`Belopp (kr) ${i + 1}`).fill(kronor);
    }
    await p.getByLabel('Förväntad effekt').fill(a.effect);
    await p.getByLabel('Indikatorer (en per rad)').fill(a.indicators.join('\n'));
    await p.getByLabel(/^Underlag/).fill(a.links);
  }

  requestedTotal() {
    return this.page.getByTestId('fund-requested-total');
  }

  async save() {
    await this.page.getByRole('button', { name: 'Spara utkast' }).click();
    await this.page.getByTestId('fund-status').waitFor();
  }
}
