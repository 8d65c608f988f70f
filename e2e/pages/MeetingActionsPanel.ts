import type { Page } from 'playwright-core';

/** The actions part of the weekly meeting view: the new-action form and the action tables. */
export class MeetingActionsPanel {
  constructor(private readonly page: Page) {}

  form() {
    return this.page.getByRole('form', { name: 'Ny åtgärd' });
  }

  async fillAction(action: {
    what: string;
    place?: string;
    description?: string;
    organisation: string;
    person: string;
    due: string;
  }) {
    const form = this.form();
    await form.getByLabel('Vad', { exact: true }).fill(action.what);
    if (action.place) await form.getByLabel('Namngiven plats', { exact: true }).selectOption({ label: action.place });
    if (action.description) await form.getByLabel('Beskrivning', { exact: true }).fill(action.description);
    await form.getByLabel('Ansvarig organisation', { exact: true }).selectOption({ label: action.organisation });
    await form.getByLabel('Ansvarig person (funktion)').fill(action.person);
    await form.getByLabel('Klart senast', { exact: true }).fill(action.due);
  }

  /** The area the form has chosen (the "Var" select's visible option). */
  async chosenArea(): Promise<string> {
    return this.form()
      .getByLabel('Var', { exact: true })
      .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  }

  /** Links every report of the recurring place in `areaName` with `count` reports, and waits until they are linked. */
  async linkRecurringPlace(areaName: string, count: number) {
    const place = this.form()
      .getByRole('listitem')
      .filter({ hasText: `${areaName}: ${count} rapporter` });
    await place.getByRole('button', { name: `Koppla platsens ${count} rapporter` }).click();
    await place.getByText('Platsens rapporter är kopplade').waitFor();
  }

  async linkByNumber(numbers: number[]) {
    await this.form().getByLabel('Koppla rapporter med nummer').fill(numbers.join(', '));
    await this.form().getByRole('button', { name: 'Koppla', exact: true }).click();
    for (const n of numbers) await this.chip(n).waitFor();
  }

  /** The chip of a linked report. */
  chip(number: number) {
    return this.form()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: `Ta bort rapport ${number}`, exact: true }) });
  }

  async linkedNumbers(): Promise<number[]> {
    const texts = await this.form().locator('.report-chip > span').allTextContents();
    return texts.map((t) => Number(t.replace('#', '')));
  }

  async removeChip(number: number) {
    await this.form()
      .getByRole('button', { name: `Ta bort rapport ${number}`, exact: true })
      .click();
    await this.chip(number).waitFor({ state: 'detached' });
  }

  /** Submits the form and waits for the action among this week's decisions. */
  async add(what: string) {
    await this.form().getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await this.decidedRow(what).waitFor();
  }

  decidedRow(what: string) {
    return this.page.getByRole('table', { name: 'Beslutade denna vecka' }).getByRole('row').filter({ hasText: what });
  }
}
