import type { Locator, Page } from 'playwright-core';

/** One commitment: its target and progress, the coordinators' edit form and the log form. */
export class PromiseCommitmentPage {
  constructor(private readonly page: Page) {}

  async waitFor(title: string) {
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  editForm(): Locator {
    return this.page.getByRole('form', { name: /^Ändra "/ });
  }

  async startEdit() {
    await this.page.getByRole('button', { name: 'Ändra åtagandet' }).click();
    await this.editForm().waitFor();
  }

  async fill(changes: { title?: string; count?: number; from?: string }) {
    const form = this.editForm();
    if (changes.title !== undefined) await form.getByLabel('Rubrik', { exact: true }).fill(changes.title);
    if (changes.count !== undefined) await form.getByLabel('Antal', { exact: true }).fill(String(changes.count));
    if (changes.from !== undefined) await form.getByLabel('Från', { exact: true }).fill(changes.from);
  }

  /** Saves and waits for the confirmation (the form closes once the page shows the new values). */
  async save() {
    await this.editForm().getByRole('button', { name: 'Spara ändringarna' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Ändringarna är sparade' }).waitFor();
  }

  /** Saves and returns the refusal the form shows. */
  async saveRefused(): Promise<string | null> {
    await this.editForm().getByRole('button', { name: 'Spara ändringarna' }).click();
    const alert = this.editForm().getByRole('alert');
    await alert.waitFor();
    return alert.textContent();
  }

  target(): Promise<string | null> {
    return this.page.getByTestId('target').textContent();
  }

  /** "3 av 40 gjorda, …" of the progress card. */
  progress(): Promise<string | null> {
    return this.page.getByTestId('progress-numbers').first().textContent();
  }

  /** Logs one activity from the form on the page (today, the only place preselected). */
  async logActivity(people: number) {
    await this.page.getByLabel('Antal personer').fill(String(people));
    await this.page.getByRole('button', { name: 'Spara insats' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Insatsen är sparad' }).waitFor();
  }
}
