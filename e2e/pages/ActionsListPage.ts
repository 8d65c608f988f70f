import type { Page } from 'playwright-core';

/** `/atgarder`: every action, for follow-up between meetings. */
export class ActionsListPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open() {
    await this.page.goto(`${this.baseUrl}/atgarder`);
    await this.page.getByRole('heading', { name: 'Åtgärder', level: 1 }).waitFor();
    await this.page
      .getByRole('status')
      .filter({ hasText: /åtgärd/ })
      .waitFor();
  }

  /** Opens the page from the main menu, as a user would. */
  async openFromMenu() {
    await this.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Åtgärder' }).click();
    await this.page.getByRole('heading', { name: 'Åtgärder', level: 1 }).waitFor();
    await this.page
      .getByRole('status')
      .filter({ hasText: /åtgärd/ })
      .waitFor();
  }

  row(title: string) {
    return this.page.getByRole('table', { name: 'Åtgärder' }).getByRole('row').filter({ hasText: title });
  }

  async filterStatus(label: 'Öppna' | 'Alla' | 'Klara' | 'Avbrutna') {
    await this.page.getByRole('search', { name: 'Filter' }).getByLabel('Status').selectOption({ label });
  }

  /** Writes the outcome inline; resolves once the saved text shows in the row. */
  async writeOutcome(title: string, text: string) {
    await this.startOutcome(title, text);
    await this.row(title).getByRole('button', { name: 'Spara' }).click();
    await this.row(title).getByText(text).waitFor();
    await this.row(title).getByRole('button', { name: 'Ändra utfall', exact: true }).waitFor();
  }

  /** Opens the outcome editor and types, without saving. */
  async startOutcome(title: string, text: string) {
    const row = this.row(title);
    const open = row.getByRole('button', { name: /^(Skriv|Ändra) utfall$/ });
    const editor = row.getByRole('textbox', { name: `Utfall för ${title}` });
    // Wait until the row shows either the button or an open editor, then decide: one read of
    // isVisible() right after rendering could miss a button that is about to appear.
    await open.or(editor).first().waitFor();
    if (await open.isVisible()) await open.click();
    await editor.fill(text);
  }

  async saveOutcomeExpectingError(title: string): Promise<string> {
    const row = this.row(title);
    await row.getByRole('button', { name: 'Spara' }).click();
    const alert = row.getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  async setStatus(title: string, label: 'Planerad' | 'Pågår' | 'Klar' | 'Avbruten') {
    await this.row(title).getByLabel(`Status för ${title}`).selectOption({ label });
  }
}
