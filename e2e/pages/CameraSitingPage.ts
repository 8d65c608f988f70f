import type { Page } from 'playwright-core';

/** Kameror → Placeringsstöd: the ranked candidate list. */
export class CameraSitingPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Kameror', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Trygghetskameror' }).waitFor();
    await this.page.getByRole('link', { name: 'Placeringsstöd' }).click();
    await this.page.getByRole('heading', { name: 'Placeringsstöd' }).waitFor();
    await this.page.getByTestId('siting-total').waitFor();
  }

  /** The candidates' names in ranked order. */
  async rankedNames(): Promise<string[]> {
    const rows = this.page.getByRole('table', { name: 'Placeringsstöd' }).locator('tbody tr');
    await rows.first().waitFor();
    return rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''));
  }

  reasonsOf(rank: number) {
    return this.page
      .getByRole('table', { name: 'Placeringsstöd' })
      .locator('tbody tr')
      .nth(rank - 1)
      .locator('li');
  }

  async proposeFirst() {
    const first = this.page.getByRole('table', { name: 'Placeringsstöd' }).locator('tbody tr').first();
    await first.getByRole('link', { name: /Föreslå plats här/ }).click();
    await this.page.getByRole('heading', { name: 'Föreslå ny plats' }).waitFor();
  }

  async saveProposal() {
    await this.page.getByRole('button', { name: 'Spara förslaget' }).click();
  }
}
