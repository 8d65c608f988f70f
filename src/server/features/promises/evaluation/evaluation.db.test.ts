import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportBody } from '../../../../../test/support/factories.ts';
import { as, createTestContext, type Session, type TestContext } from '../../../../../test/support/test-app.ts';
import { agreementId, commitmentId, userIn } from '../promises.test-support.ts';

let ctx: TestContext;
let police: Session;
let municipality: Session;
let housing: Session;
let agreement: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-01-20T08:00:00Z' });
  [police, municipality, housing] = await Promise.all([
    userIn(ctx, 'polisen-huddinge', 'samordnare'),
    userIn(ctx, 'huddinge-kommun', 'samordnare'),
    userIn(ctx, 'huge-bostader', 'samordnare'),
  ]);
  agreement = await agreementId(ctx.database.db);
  const dialogues = await commitmentId(ctx.database.db, '2024-trygghetsdialoger');
  for (const day of ['2024-02-01', '2024-05-01', '2024-09-01']) {
    expect(
      (await as(ctx.app, municipality).post(`/api/commitments/${dialogues}/activities`, { occurredOn: day }))
        .statusCode,
    ).toBe(201);
  }
  // Reports near Skogås station, where the weekly patrol promise applies: one the year before, two during.
  for (const occurredAt of ['2023-06-01T20:00:00+02:00', '2024-03-01T20:00:00+01:00', '2024-10-01T20:00:00+02:00']) {
    expect((await as(ctx.app, housing).post('/api/reports', reportBody({ occurredAt }))).statusCode).toBe(201);
  }
});
afterAll(() => ctx?.close());

describe('end-of-year evaluation', () => {
  it('gives a verdict per commitment from the numbers', async () => {
    const response = await as(ctx.app, housing).get(`/api/agreements/${agreement}/evaluation?year=2024`);
    expect(response.statusCode).toBe(200);
    const evaluation = response.json();
    expect(evaluation).toMatchObject({ year: 2024, asOf: '2024-12-31' });
    const byTitle = new Map(evaluation.items.map((i: { title: string; verdict: string }) => [i.title, i.verdict]));
    expect(byTitle.get('Fem trygghetsdialoger i prioriterade kommundelar')).toBe('partly-kept');
    expect(byTitle.get('Fotpatrull varje vecka i fyra centrum')).toBe('not-kept');
  });

  it('records each party’s assessment, only by party coordinators, audited', async () => {
    const dialogues = await commitmentId(ctx.database.db, '2024-trygghetsdialoger');
    expect(
      (await as(ctx.app, housing).put(`/api/commitments/${dialogues}/assessment`, { assessment: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await as(ctx.app, municipality).put(`/api/commitments/${dialogues}/assessment`, { assessment: '' })).statusCode,
    ).toBe(400);
    await as(ctx.app, municipality).put(`/api/commitments/${dialogues}/assessment`, {
      assessment: 'Två dialoger ställdes in på grund av lokalbrist.',
    });
    await as(ctx.app, police).put(`/api/commitments/${dialogues}/assessment`, {
      assessment: 'Dialogerna i Vårby gav många tips.',
    });
    const evaluation = (await as(ctx.app, housing).get(`/api/agreements/${agreement}/evaluation?year=2024`)).json();
    const item = evaluation.items.find((i: { commitmentId: string }) => i.commitmentId === dialogues);
    expect(item.assessments.map((a: { organisationCode: string }) => a.organisationCode).sort()).toEqual([
      'huddinge-kommun',
      'polisen-huddinge',
    ]);
    const audited = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'commitment.assess')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('shows reports for the targeted areas before and during the period, with the not-causal caveat', async () => {
    const { context } = (await as(ctx.app, housing).get(`/api/agreements/${agreement}/evaluation?year=2024`)).json();
    const skogas = context.indicators.find((c: { placeNames: string[] }) => c.placeNames.includes('Skogås C'));
    expect(skogas).toMatchObject({ before: 1, during: 2 });
    expect(context.indicators.length).toBeGreaterThanOrEqual(3);
    expect(context.caveat).toMatch(/inte vad löftena orsakade/);
  });

  it('counts a restricted report only for those who may see it', async () => {
    const reader = await userIn(ctx, 'huge-bostader', 'lasare');
    const skogasCount = async (session: Session) =>
      (await as(ctx.app, session).get(`/api/agreements/${agreement}/evaluation?year=2024`))
        .json()
        .context.indicators.find((c: { placeNames: string[] }) => c.placeNames.includes('Skogås C'));
    const restricted = await as(ctx.app, police).post(
      '/api/reports',
      reportBody({ occurredAt: '2024-04-01T20:00:00+02:00', visibility: 'restricted' }),
    );
    expect(restricted.statusCode).toBe(201);
    expect(await skogasCount(reader)).toMatchObject({ before: 1, during: 2 });
    expect(await skogasCount(police)).toMatchObject({ before: 1, during: 3 });
    const pdf = await as(ctx.app, reader).get(`/api/agreements/${agreement}/evaluation.pdf?year=2024`);
    expect(pdf.statusCode).toBe(200);
  });

  it('exports a PDF with an embedded font that has å, ä and ö', async () => {
    const response = await as(ctx.app, housing).get(`/api/agreements/${agreement}/evaluation.pdf?year=2024`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.toString('latin1')).toMatch(/\/FontFile2/);
    expect(response.rawPayload.toString('latin1')).toMatch(/Roboto/);
    expect(unicodeMappedInPdf(response.rawPayload)).toEqual(expect.arrayContaining(['00e5', '00e4', '00f6']));
  });

  it('refuses years outside the agreement and unknown agreements', async () => {
    expect((await as(ctx.app, housing).get(`/api/agreements/${agreement}/evaluation?year=2026`)).statusCode).toBe(400);
    expect(
      (await as(ctx.app, housing).get('/api/agreements/00000000-0000-4000-8000-000000000000/evaluation?year=2024'))
        .statusCode,
    ).toBe(404);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/agreements/${agreement}/evaluation?year=2024` })).statusCode,
    ).toBe(401);
  });
});

/** Code points the PDF's embedded fonts map glyphs to (their ToUnicode CMaps), for the letters asked about. */
function unicodeMappedInPdf(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const found = new Set<string>();
  for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 1)) {
    const start = text.indexOf('\n', at) + 1;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1').toLowerCase();
    } catch {
      continue; // not a deflated stream (images, fonts stored raw)
    }
    for (const code of ['00e5', '00e4', '00f6']) if (content.includes(`<${code}>`)) found.add(code);
    at = end;
  }
  return [...found];
}
