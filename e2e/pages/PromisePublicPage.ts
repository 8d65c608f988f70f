import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The public follow-up page, without login. */
export class PromisePublicPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open() {
    await this.page.goto(`${this.baseUrl}/medborgarloften`);
    await this.page.getByRole('heading', { name: 'Medborgarlöften – så går det', level: 1 }).waitFor();
  }

  followUp(title: string) {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  promise(title: string) {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { name: title, level: 3 }) });
  }

  /** WCAG 2.1 A and AA violations found by axe-core. */
  async accessibilityViolations() {
    const result = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}
