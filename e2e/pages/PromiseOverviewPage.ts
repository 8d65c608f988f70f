import type { Page } from 'playwright-core';
import { weeks } from './PromiseLogPage.ts';

/** "Löften": every commitment of the year with its progress. */
export class PromiseOverviewPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Löften', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Löften och aktiviteter' }).waitFor();
  }

  /** Weeks with a patrol at a place, as shown on the commitment's card. */
  async placeWeeks(title: string, placeCode: string) {
    const card = this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
    return weeks(await card.getByTestId(`place-${placeCode}`).textContent());
  }
}
