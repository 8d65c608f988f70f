import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../../../../test/support/test-app.ts';
import { createOrganisation, createUser } from '../../../../test/support/factories.ts';
import { applicationBody, completeReview, uniqueCode } from './fund.fixtures.ts';

let ctx: TestContext;
let applicant: Session;
let manager: Session;
let outsider: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const [company, municipality, police] = await Promise.all([
    createOrganisation(db, 'housing'),
    createOrganisation(db, 'municipality'),
    createOrganisation(db, 'police'),
  ]);
  const users = await Promise.all([
    createUser(db, { role: 'samordnare', organisationId: company.id }),
    createUser(db, { role: 'samordnare', organisationId: municipality.id }),
    createUser(db, { role: 'lasare', organisationId: police.id }),
  ]);
  [applicant, manager, outsider] = (await Promise.all(users.map((u) => login(ctx.app, u.email, u.password)))) as [
    Session,
    Session,
    Session,
  ];
  await as(ctx.app, manager).put('/api/fund/budgets/2026', { totalOre: 50_000_000, source: 'Kommunfullmäktige 2026' });
  const pot = (
    await as(ctx.app, manager).post('/api/fund/pots', {
      year: 2026,
      code: uniqueCode('pot'),
      name: 'Trygghetsfond för åtgärder i närmiljö',
      amountOre: 20_000_000,
    })
  ).json();
  const grantOne = async (body: ReturnType<typeof applicationBody>, grantedOre: number) => {
    const { id } = (await as(ctx.app, applicant).post('/api/fund/applications', body)).json();
    await as(ctx.app, applicant).post(`/api/fund/applications/${id}/submit`);
    await as(ctx.app, manager).post(`/api/fund/applications/${id}/reviewers`, { reviewerId: manager.userId });
    await as(ctx.app, manager).put(`/api/fund/applications/${id}/review`, completeReview(grantedOre));
    const decided = await as(ctx.app, manager).post(`/api/fund/applications/${id}/decision`, {
      outcome: 'granted',
      potId: pot.id,
      grantedOre,
      decidedOn: '2026-09-01',
      decidingBody: 'KSAU',
      referenceNumber: 'KS-2026/1',
      followUpDates: ['2026-10-01'],
    });
    expect(decided.statusCode).toBe(200);
    return decided.json();
  };
  const first = await grantOne(applicationBody({ areaCodes: ['flemingsberg', 'skogas'] }), 5_000_001);
  await grantOne(
    applicationBody({
      title: 'Belysning i gångtunnel',
      preventionType: 'situational',
      areaCodes: [],
      focusAreaCodes: ['gangkriminalitet'],
    }),
    2_000_000,
  );
  await as(ctx.app, applicant).post(`/api/fund/applications/${first.id}/follow-ups/${first.followUps[0].id}`, {
    spentOre: 1_234_567,
    indicatorResults: [{ indicator: 'Skadegörelse vid stationen', value: 'från 14 till 9' }],
    comment: 'Vårens nattvandringar är genomförda.',
  });
});
afterAll(() => ctx.close());

/** The PDF's compressed streams, inflated (pdfkit writes FlateDecode streams). */
function inflatedStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not every stream is deflated (images, fonts may be raw); only the CMaps matter here.
    }
  }
  return streams;
}

describe('the year overview', () => {
  it('shows what the money went to, per type, focus area and area, each summing to the total', async () => {
    const response = await as(ctx.app, outsider).get('/api/fund/overview?year=2026');
    expect(response.statusCode).toBe(200);
    const o = response.json();
    expect(o.budget).toMatchObject({ totalOre: 50_000_000, allocatedOre: 20_000_000, grantedOre: 7_000_001 });
    expect(o.byPreventionType.map((r: { key: string; grantedOre: number }) => [r.key, r.grantedOre])).toEqual([
      ['social', 5_000_001],
      ['situational', 2_000_000],
    ]);
    expect(o.byArea.map((r: { key: string; grantedOre: number }) => [r.key, r.grantedOre])).toEqual([
      ['flemingsberg', 2_500_001],
      ['skogas', 2_500_000],
      ['hela-kommunen', 2_000_000],
    ]);
    expect(o.byFocusArea.reduce((s: number, r: { grantedOre: number }) => s + r.grantedOre, 0)).toBe(7_000_001);
    expect(
      o.granted.map((g: { overdueFollowUps: number; spentOre: number }) => [g.spentOre, g.overdueFollowUps]),
    ).toEqual([
      [1_234_567, 0],
      [0, 1],
    ]);
    expect(o.results).toHaveLength(1);
  });
});

describe('yearly summary exports', () => {
  it('exports a PDF with the embedded Roboto font', async () => {
    const response = await as(ctx.app, manager).get('/api/fund/summary/2026.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto/);
    expect(pdf.length).toBeGreaterThan(5_000);
    // The embedded font subset maps glyphs back to å, ä and ö: they are drawn, not dropped.
    const cmaps = inflatedStreams(pdf).filter((s) => s.includes('beginbfrange'));
    for (const letter of ['00e5', '00e4', '00f6']) expect(cmaps.some((c) => c.includes(`<${letter}>`))).toBe(true);
  });

  it('exports an XLSX whose öre columns hold the exact integers and whose text keeps å ä ö', async () => {
    const response = await as(ctx.app, manager).get('/api/fund/summary/2026.xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Potter',
      'Per förebyggandetyp',
      'Per fokusområde',
      'Per område',
      'Beviljade projekt',
      'Resultat',
    ]);
    const pots = workbook.getWorksheet('Potter')!;
    expect(pots.getRow(2).getCell(2).value).toBe('Trygghetsfond för åtgärder i närmiljö');
    expect(pots.getRow(2).getCell(5).value).toBe(7_000_001);
    const areas = workbook.getWorksheet('Per område')!;
    expect([2, 3, 4].map((r) => [areas.getRow(r).getCell(1).value, areas.getRow(r).getCell(5).value])).toEqual([
      ['flemingsberg', 2_500_001],
      ['skogas', 2_500_000],
      ['hela-kommunen', 2_000_000],
    ]);
    expect(workbook.getWorksheet('Resultat')!.getRow(2).getCell(4).value).toBe(
      'Skadegörelse vid stationen: från 14 till 9',
    );
  });

  it('needs a login', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/fund/summary/2026.pdf' })).statusCode).toBe(401);
  });
});
