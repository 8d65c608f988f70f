import type { Page } from 'playwright-core';

/** "Uppföljningar": prepare, comment, approve and publish a follow-up. */
export class PromiseFollowUpsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto(new URL('/loften/uppfoljningar', this.page.url()).href);
    await this.page.getByRole('heading', { name: 'Uppföljningar', level: 1 }).waitFor();
  }

  async create() {
    await this.page.getByRole('button', { name: 'Skapa uppföljning' }).click();
    await this.page.getByRole('article').first().waitFor();
  }

  async comment(title: string, text: string) {
    await this.page.getByLabel(`Kommentar: ${title}`).fill(text);
    await this.page.getByRole('button', { name: 'Spara kommentar' }).first().click();
    await this.page
      .getByRole('button', { name: 'Spara kommentar' })
      .first()
      .and(this.page.locator(':disabled'))
      .waitFor();
  }

  async approve(organisation: string) {
    await this.page.getByRole('button', { name: `Godkänn för ${organisation}` }).click();
    await this.page.getByRole('button', { name: `Godkänn för ${organisation}` }).waitFor({ state: 'detached' });
  }

  status() {
    return this.page.getByRole('article').first().locator('.badge').first();
  }

  shareText() {
    return this.page.getByRole('article').first().locator('.share-text');
  }
}
