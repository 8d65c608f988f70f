import type { Page } from 'playwright-core';

/** A report's own page, with its feedback (återkoppling). */
export class ReportDetailPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(id: string, number: number) {
    await this.page.goto(`${this.baseUrl}/rapporter/${id}`);
    await this.page.getByRole('heading', { name: new RegExp(`^#${number} `), level: 1 }).waitFor();
  }

  feedback() {
    return this.page.getByRole('region', { name: 'Vad hände sedan?' });
  }

  async createAction() {
    await this.page.getByRole('link', { name: 'Skapa åtgärd av rapporten' }).click();
    await this.page.getByRole('form', { name: 'Ny åtgärd' }).waitFor();
  }
}
