import type { Locator, Page } from 'playwright-core';

export interface AgreementInput {
  title: string;
  from: string;
  to: string;
  /** Parties to tick besides the coordinator's own organisation, which the form ticks itself. */
  parties: string[];
  focusAreas: string[];
  signatories?: Record<string, string>;
}

export interface CommitmentInput {
  title: string;
  activity: string;
  plan: string;
  kind: string;
  count: number;
  owners: string[];
  places: string[];
  isPromise: boolean;
}

/** "Samverkansöverenskommelser": coordinators write agreements, plans and commitments here. */
export class PromiseAgreementsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto(new URL('/loften/overenskommelse', this.page.url()).href);
    await this.page.getByRole('heading', { name: 'Samverkansöverenskommelser', level: 1 }).waitFor();
  }

  agreement(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  newAgreementForm(): Locator {
    return this.page.getByRole('form', { name: 'Ny samverkansöverenskommelse' });
  }

  async startAgreement(input: AgreementInput) {
    await this.page.getByRole('button', { name: 'Ny samverkansöverenskommelse' }).click();
    const form = this.newAgreementForm();
    await form.getByLabel('Rubrik', { exact: true }).fill(input.title);
    await form.getByLabel('Från', { exact: true }).fill(input.from);
    await form.getByLabel('Till', { exact: true }).fill(input.to);
    for (const party of input.parties)
      await form.getByRole('group', { name: 'Parter' }).getByLabel(party, { exact: true }).check();
    for (const area of input.focusAreas)
      await form.getByRole('group', { name: 'Fokusområden' }).getByLabel(area, { exact: true }).check();
    for (const [i, [organisation, title]] of Object.entries(input.signatories ?? {}).entries()) {
      await form.getByRole('button', { name: 'Lägg till undertecknare' }).click();
      await form.getByLabel(`Part (undertecknare ${i + 1})`).selectOption({ label: organisation });
      await form.getByLabel(`Titel (undertecknare ${i + 1})`).fill(title);
    }
  }

  /** Saves the new-agreement form and waits until it is gone and the agreement is listed. */
  async saveAgreement(title: string) {
    await this.newAgreementForm().getByRole('button', { name: 'Spara överenskommelsen' }).click();
    await this.newAgreementForm().waitFor({ state: 'detached' });
    await this.agreement(title).waitFor();
  }

  /** The error shown under a field of a form, by the field's label. */
  async fieldError(form: Locator, label: string): Promise<string | null> {
    const described = await form.getByLabel(label, { exact: true }).getAttribute('aria-describedby');
    if (!described) return null;
    return this.page.locator(`[id="${described.split(' ')[0]}"]`).textContent();
  }

  async addPlan(agreementTitle: string, plan: { title: string; focusArea: string }) {
    const agreement = this.agreement(agreementTitle);
    await agreement.getByRole('button', { name: 'Ny aktivitetsplan' }).click();
    const form = agreement.getByRole('form', { name: 'Ny aktivitetsplan' });
    await form.getByLabel('Planens namn').fill(plan.title);
    await form.getByLabel('Fokusområde').selectOption({ label: plan.focusArea });
    await form.getByRole('button', { name: 'Spara planen' }).click();
    await agreement.getByRole('region', { name: plan.title }).waitFor();
  }

  /** Creates a commitment under the agreement and returns the link to its page from the confirmation. */
  async addCommitment(agreementTitle: string, input: CommitmentInput): Promise<Locator> {
    const agreement = this.agreement(agreementTitle);
    await agreement.getByRole('button', { name: 'Nytt åtagande eller medborgarlöfte' }).click();
    const form = agreement.getByRole('form', { name: 'Nytt åtagande eller medborgarlöfte' });
    await form.getByLabel('Rubrik', { exact: true }).fill(input.title);
    await form.getByLabel('Vad en insats kallas').fill(input.activity);
    await form.getByLabel('Aktivitetsplan').selectOption({ label: input.plan });
    await form.getByLabel('Typ av mål').selectOption({ label: input.kind });
    await form.getByLabel('Antal', { exact: true }).fill(String(input.count));
    for (const owner of input.owners)
      await form.getByRole('group', { name: 'Ansvariga' }).getByLabel(owner, { exact: true }).check();
    for (const place of input.places)
      await form
        .getByRole('group', { name: /^Platser/ })
        .getByLabel(place, { exact: true })
        .check();
    if (input.isPromise) await form.getByLabel('Publiceras som medborgarlöfte').check();
    await form.getByRole('button', { name: 'Spara åtagandet' }).click();
    const saved = agreement.getByRole('status').filter({ hasText: `"${input.title}" är sparat.` });
    await saved.waitFor();
    return saved.getByRole('link', { name: 'Öppna' });
  }
}
