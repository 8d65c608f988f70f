import type { Page } from 'playwright-core';

/** One camera site: status, legal basis, inspections. */
export class CameraSitePage {
  constructor(private readonly page: Page) {}

  async waitFor(name: string) {
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  status() {
    return this.page.locator('.camera-status').first();
  }

  async moveTo(buttonLabel: string, expectedStatus: string) {
    await this.page.getByRole('button', { name: buttonLabel }).click();
    await this.page.locator('.camera-status', { hasText: expectedStatus }).first().waitFor();
  }

  async completeSelfAssessment(values: { decidedOn: string; reviewOn: string }) {
    await this.page.getByRole('button', { name: 'Ändra rättslig grund' }).click();
    const form = this.page.getByRole('form', { name: 'Rättslig grund' });
    await form.getByLabel('Typ av rättslig grund').selectOption('self-assessment');
    await form.getByLabel('Beslutsdatum').fill(values.decidedOn);
    await form.getByLabel('Datum för omprövning').fill(values.reviewOn);
    const texts: [string, string][] = [
      ['Ändamål med bevakningen', 'Förebygga skadegörelse och anlagda bränder vid stationen.'],
      ['Problembild (vad visar underlaget?)', 'Upprepade rapporter om klotter och bränder senaste året.'],
      ['Mindre ingripande åtgärder som prövats eller övervägts', 'Belysning och väktare.'],
      ['Varför räcker de inte?', 'Belysningen är redan förbättrad utan effekt.'],
      ['Intrång i den personliga integriteten (vem och vad fångas?)', 'Resenärer på perrongen filmas.'],
      ['Skyddsåtgärder (maskering, tider, lagringstid)', 'Maskering av fönster, bevakning 18–06, lagring 14 dagar.'],
      ['Kategorier av personuppgifter', 'Bild, ej ljud.'],
      ['Registrerade', 'Resenärer och förbipasserande.'],
      ['Nödvändighet och proportionalitet', 'Begränsad till platsen och tiderna med flest händelser.'],
      ['Risk för de registrerade', 'Obehörig åtkomst till inspelningar'],
      ['Åtgärder mot risken', 'Loggad åtkomst, två personer vid utlämnande.'],
    ];
    for (const [label, text] of texts) await form.getByLabel(label, { exact: true }).fill(text);
    await form.getByRole('combobox', { name: /^Kvarstående risk/ }).selectOption('low');
    await form.getByRole('button', { name: 'Spara rättslig grund' }).click();
    await this.page.getByRole('button', { name: 'Ändra rättslig grund' }).waitFor();
  }

  legalBasisSection() {
    return this.page.getByRole('region', { name: 'Rättslig grund' });
  }

  async logInspection(note: string) {
    const form = this.page.getByRole('form', { name: 'Tillsyn och fel' });
    await form.getByLabel('Vad loggas?').selectOption('inspection');
    await form.getByLabel('Skyltar finns').uncheck();
    await form.getByLabel('Anteckning').fill(note);
    await form.getByRole('button', { name: 'Logga' }).click();
    await this.page
      .getByRole('region', { name: 'Tillsyn och fel' })
      .getByRole('cell', { name: new RegExp(note) })
      .waitFor();
  }

  /** Opens the edit form, clicks the field of view's corners (fractions of the map) and saves. */
  async drawFieldOfView(corners: [number, number][], retentionDays: string) {
    await this.page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    const form = this.page.getByRole('form', { name: 'Ändra uppgifter' });
    await form.getByLabel('Lagringstid för inspelningar (dagar)').fill(retentionDays);
    const map = form.locator('.leaflet-container');
    await map.locator('.leaflet-overlay-pane path').first().waitFor();
    // Mouse clicks use viewport coordinates: bring the whole map into view first.
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    for (const [i, [fx, fy]] of corners.entries()) {
      await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      await form
        .getByTestId('fov-corners')
        .filter({ hasText: `${i + 1} hörn valda` })
        .waitFor();
    }
    await form.getByRole('button', { name: 'Spara uppgifterna' }).click();
    await this.page.getByRole('button', { name: 'Ändra uppgifter' }).waitFor();
  }

  inspectionRows() {
    return this.page.getByRole('region', { name: 'Tillsyn och fel' }).locator('tbody tr');
  }
}
