import type { Page } from 'playwright-core';

/** The quick log ("Logga insats"), as a patrol officer uses it on a phone. */
export class PromiseLogPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logga insats' }).click();
    await this.page.getByRole('heading', { name: 'Logga insats', level: 1 }).waitFor();
  }

  async choosePlace(name: string) {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async setPeople(count: number) {
    await this.page.getByLabel('Antal personer').fill(String(count));
  }

  async setMinutes(minutes: number) {
    await this.page.getByLabel('Minuter').fill(String(minutes));
  }

  async save() {
    await this.page.getByRole('button', { name: 'Spara insats' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Insatsen är sparad' }).waitFor();
  }

  /** "Skogås C: 3 av 47 veckor" in the confirmation, as numbers. */
  async savedWeeks(placeCode: string) {
    return weeks(await this.page.getByRole('status').getByTestId(`place-${placeCode}`).textContent());
  }
}

export function weeks(text: string | null): { done: number; elapsed: number } {
  const match = /(\d+) av (\d+) veckor/.exec(text ?? '');
  if (!match) throw new Error(`no week count in ${JSON.stringify(text)}`);
  return { done: Number(match[1]), elapsed: Number(match[2]) };
}
