import type { Locator, Page } from 'playwright-core';

/** The analysis page (/analys), by its Swedish labels and roles. */
export class AnalysisPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Analys' }).click();
    await this.page.getByRole('heading', { name: 'Analys', level: 1 }).waitFor();
  }

  async choosePeriod(label: string) {
    // A select's accessible name also holds its chosen option ("Period Senaste 12 veckorna").
    await this.page.getByRole('combobox', { name: /^Period/ }).selectOption({ label });
  }

  async chooseCategory(name: string) {
    await this.page.getByRole('checkbox', { name }).check();
  }

  async chooseCellSize(metres: number) {
    await this.page.getByRole('combobox', { name: /^Cellstorlek/ }).selectOption(String(metres));
  }

  async run() {
    await this.page.getByRole('button', { name: 'Kör analysen' }).click();
  }

  async chooseIterations(n: number) {
    await this.page.getByRole('combobox', { name: /^Slumpningar/ }).selectOption(String(n));
  }

  /** A result section by its heading. */
  section(heading: string): Locator {
    return this.page.getByRole('region', { name: heading });
  }

  /** The state line of a section while its analysis runs (or after it was cancelled). */
  status(heading: string): Locator {
    return this.section(heading).getByRole('status');
  }

  emergingCells(): Locator {
    return this.page.locator('path.emerging-cell');
  }

  /** Hot cells drawn on the map (SVG paths with the layer's class). */
  hotCells(): Locator {
    return this.page.locator('path.hotspot-cell.hot');
  }

  densityContours(): Locator {
    return this.page.locator('path.density-contour');
  }

  hotspotSummary(): Locator {
    return this.page.getByTestId('hotspot-summary');
  }

  /** The row of an area in the table of significant cells per area. */
  hotspotArea(name: string): Locator {
    return this.page.getByTestId('hotspot-areas').getByRole('row', { name: new RegExp(`^${name} `) });
  }

  nearRepeatVerdict(): Locator {
    return this.page.getByTestId('near-repeat-verdict');
  }

  evaluation(): Locator {
    return this.page.getByTestId('evaluation');
  }

  /** Opens a method's explanation and returns its text. */
  async explanation(title: string): Promise<string> {
    const summary = this.page.getByText(title, { exact: true });
    await summary.click();
    const details = this.page.locator('details', { has: summary });
    return (await details.textContent()) ?? '';
  }

  /** The map tooltip of a cell, shown on hover. */
  async tooltipOf(cell: Locator): Promise<string> {
    await cell.hover();
    const tooltip = this.page.locator('.leaflet-tooltip').last();
    await tooltip.waitFor();
    return (await tooltip.textContent()) ?? '';
  }
}
