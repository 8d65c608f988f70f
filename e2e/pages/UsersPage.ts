import type { Page } from 'playwright-core';

export class UsersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Administration' }).click();
    await this.page.getByRole('link', { name: 'Användare' }).click();
    await this.page.getByRole('heading', { name: 'Användare', level: 1 }).waitFor();
  }

  async createUser(user: { name: string; email: string; password: string; organisation: string; role: string }) {
    const form = this.page.getByRole('form', { name: 'Ny användare' });
    await form.getByLabel('Namn').fill(user.name);
    await form.getByLabel('E-post').fill(user.email);
    await form.getByLabel('Startlösenord').fill(user.password);
    await form.getByLabel('Organisation').selectOption({ label: user.organisation });
    await form.getByLabel('Roll').selectOption({ label: user.role });
    await form.getByRole('button', { name: 'Skapa' }).click();
    await this.page.getByRole('status').filter({ hasText: user.email }).waitFor();
  }
}
