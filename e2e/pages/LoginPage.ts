import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open() {
    await this.page.goto(`${this.baseUrl}/login`);
  }

  async loginAs(email: string, password: string) {
    await this.open();
    await this.page.getByLabel('E-post').fill(email);
    await this.page.getByLabel('Lösenord').fill(password);
    await this.page.getByRole('button', { name: 'Logga in' }).click();
    await this.page.getByRole('button', { name: 'Logga ut' }).waitFor();
  }

  async logout() {
    await this.page.getByRole('button', { name: 'Logga ut' }).click();
    await this.page.getByRole('heading', { name: 'Logga in' }).waitFor();
  }
}
