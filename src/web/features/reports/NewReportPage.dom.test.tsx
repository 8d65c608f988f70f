import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cast, type CastActor } from '../../../../test/support/cast.ts';
import { connectToServer, renderPage } from '../../../../test/support/dom.tsx';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.ts';
import { NewReportPage } from './NewReportPage.tsx';

let ctx: TestContext;
let reporter: CastActor;
let server: ReturnType<typeof connectToServer>;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-18T10:00:00Z' });
  ({ reporter } = await cast(ctx, {
    organisations: { housing: 'housing' },
    actors: { reporter: { role: 'rapportor', of: 'housing' } },
  }));
  server = connectToServer(ctx);
  await server.login(reporter.email, reporter.password);
});
afterAll(() => ctx.close());

const storedReports = () =>
  ctx.database.db
    .selectFrom('reports')
    .select(['description', 'author_id'])
    .where('author_id', '=', reporter.userId)
    .execute();

async function fillReport(description: string) {
  const user = userEvent.setup();
  renderPage(<NewReportPage />);
  // Reference data arrives from the server: wait for the options before choosing.
  await screen.findByRole('option', { name: 'Skadegörelse/klotter' });
  await screen.findByRole('option', { name: 'Skogås C' });
  await user.selectOptions(screen.getByRole('combobox', { name: 'Vad gäller det?' }), 'skadegorelse-klotter');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Namngiven plats' }), 'skogas-c');
  const when = screen.getByLabelText('När hände det?');
  await user.clear(when);
  await user.type(when, '2026-11-17T21:30');
  await user.type(screen.getByRole('textbox', { name: /^Beskrivning/ }), description);
  await user.click(screen.getByRole('button', { name: 'Skicka rapport' }));
}

describe('the report form', () => {
  it('files a report at a named place and says its number and area', async () => {
    await fillReport('Klotter på busskuren vid centrum.');
    const sent = await screen.findByRole('status');
    expect(sent.textContent).toMatch(/^Tack! Rapport nr \d+ är registrerad i Skogås\.$/);
    expect(await storedReports()).toEqual([
      { description: 'Klotter på busskuren vid centrum.', author_id: reporter.userId },
    ]);
  });

  it('shows what personal data it found and stores nothing', async () => {
    const before = (await storedReports()).length;
    await fillReport('Ring 070-123 45 67 om klottret.');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Texten innehåller personuppgifter och kan inte sparas');
    expect(alert.textContent).toContain('telefonnummer');
    expect(await storedReports()).toHaveLength(before);
  });
});
