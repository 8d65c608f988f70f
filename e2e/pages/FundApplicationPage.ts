import type { Page } from 'playwright-core';

/** One application (/fond/ansokningar/:id) with its review, decision and follow-up panels. */
export class FundApplicationPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, id: string) {
    await this.page.goto(`${baseUrl}/fond/ansokningar/${id}`);
    await this.page.getByTestId('fund-status').waitFor();
  }

  status() {
    return this.page.getByTestId('fund-status');
  }

  async waitForStatus(text: string) {
    await this.page.getByTestId('fund-status').filter({ hasText: text }).waitFor();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Skicka in' }).click();
    await this.waitForStatus('Inskickad');
  }

  async assignReviewer(name: string) {
    await this.page.getByLabel('Granskare').selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Tilldela' }).click();
    await this.waitForStatus('Under granskning');
  }

  async review(scores: Record<string, string>, recommendedKronor: string) {
    const form = this.page.getByRole('form', { name: 'Din granskning' });
    for (const [criterion, score] of Object.entries(scores)) await form.getByLabel(criterion).selectOption(score);
    await form.getByLabel('Genomförbar', { exact: true }).check();
    await form.getByLabel('Rekommenderat belopp (kr)').fill(recommendedKronor);
    await form.getByRole('button', { name: 'Markera granskningen som klar' }).click();
    await this.waitForStatus('Granskad');
  }

  async grant(d: { pot: RegExp; kronor: string; date: string; body: string; reference: string; followUps: string[] }) {
    const form = this.page.getByRole('form', { name: 'Beslut' });
    await form.getByLabel('Bevilja', { exact: true }).check();
    const option = (await form.getByLabel('Pott').locator('option').allTextContents()).find((o) => d.pot.test(o));
    if (!option) throw new Error(`no pot option matches ${d.pot}`);
    await form.getByLabel('Pott').selectOption({ label: option });
    await form.getByLabel('Beviljat belopp (kr)').fill(d.kronor);
    await form.getByLabel(/^Uppföljningsdatum/).fill(d.followUps.join('\n'));
    await form.getByLabel('Beslutsdatum').fill(d.date);
    await form.getByLabel('Beslutande organ').fill(d.body);
    await form.getByLabel('Diarienummer').fill(d.reference);
    await form.getByRole('button', { name: 'Registrera beslut' }).click();
    await this.waitForStatus('Beviljad');
  }

  /** The granted organisation reports a follow-up: money spent and one result per indicator. */
  async reportFollowUp(dueOn: string, spentKronor: string, results: Record<string, string>, comment: string) {
    const form = this.page.getByRole('form', { name: `Ska redovisas ${dueOn}` });
    await form.getByLabel('Använt belopp (kr)').fill(spentKronor);
    for (const [indicator, value] of Object.entries(results)) await form.getByLabel(`${indicator}: utfall`).fill(value);
    await form.getByLabel('Kommentar').fill(comment);
    await form.getByRole('button', { name: 'Redovisa' }).click();
    await this.page.getByTestId('fund-follow-ups').getByText('Redovisad', { exact: true }).waitFor();
  }

  decision() {
    return this.page.getByTestId('fund-decision');
  }
}
