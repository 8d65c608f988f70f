import ExcelJS from 'exceljs';
import { renderPdf, type PdfDocument } from '../../platform/documents/pdf.ts';
import type { GrantedRow, OverviewView } from '../../../contracts/fund.ts';
import { formatOre, formatOreShort } from '../../../contracts/fund-money.ts';

/**
 * The fund's yearly summary as PDF (pdfmake, Roboto shipped in the package, so å ä ö and the
 * sv-SE minus sign render) and XLSX (exceljs). Both come from the same OverviewView.
 */

const PREVENTION_SV = { social: 'Social', situational: 'Situationell' } as const;

function groupTable(title: string, rows: GrantedRow[]) {
  return [
    { text: title, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto'],
        body: [
          [
            { text: 'Fördelning', bold: true },
            { text: 'Antal', bold: true },
            { text: 'Beviljat', bold: true, alignment: 'right' },
          ],
          ...rows.map((r) => [r.name, String(r.count), { text: formatOre(r.grantedOre), alignment: 'right' }]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    },
  ];
}

export async function renderSummaryPdf(overview: OverviewView): Promise<Buffer> {
  const budget = overview.budget;
  const doc: PdfDocument = {
    info: { title: `Trygghetsfonden ${overview.year} – sammanfattning` },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      muted: { color: '#555555', fontSize: 9 },
    },
    content: [
      { text: `Trygghetsfonden ${overview.year} – årssammanfattning`, style: 'h1' },
      budget
        ? {
            text: `Budget ${formatOreShort(budget.totalOre)}, fördelat i potter ${formatOreShort(budget.allocatedOre)}, beviljat ${formatOre(budget.grantedOre)}, utbetalt ${formatOre(budget.paidOre)}.`,
          }
        : { text: 'Ingen budget är registrerad för året.' },
      budget?.source ? { text: `Källa: ${budget.source}`, style: 'muted', margin: [0, 2, 0, 0] } : { text: '' },
      { text: 'Potter', style: 'h2' },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto'],
          body: [
            ['Pott', 'Belopp', 'Beviljat', 'Kvar'].map((t) => ({ text: t, bold: true })),
            ...(budget?.pots ?? []).map((p) => [
              `${p.name}${p.purpose ? ` – ${p.purpose}` : ''}`,
              formatOreShort(p.amountOre),
              formatOre(p.grantedOre),
              formatOre(p.remainingOre),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      ...groupTable('Beviljat per förebyggandetyp', overview.byPreventionType),
      ...groupTable('Beviljat per fokusområde', overview.byFocusArea),
      ...groupTable('Beviljat per område', overview.byArea),
      { text: 'Beviljade projekt', style: 'h2' },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto'],
          body: [
            ['Projekt', 'Typ', 'Beviljat', 'Redovisat använt'].map((t) => ({ text: t, bold: true })),
            ...overview.granted.map((g) => [
              `${g.title} (${g.organisationName})${g.overdueFollowUps ? ` – ${g.overdueFollowUps} försenad uppföljning` : ''}`,
              PREVENTION_SV[g.preventionType],
              formatOre(g.grantedOre),
              formatOre(g.spentOre),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: 'Redovisade resultat', style: 'h2' },
      ...(overview.results.length === 0
        ? [{ text: 'Inga uppföljningar är redovisade ännu.', style: 'muted' }]
        : overview.results.map((r) => ({
            margin: [0, 0, 0, 6],
            stack: [
              {
                text: `${r.title} – uppföljning ${r.dueOn}: använt ${r.spentOre === null ? '–' : formatOre(r.spentOre)}`,
                bold: true,
              },
              ...r.indicatorResults.map((i) => ({ text: `${i.indicator}: ${i.value}` })),
              r.comment ? { text: r.comment, style: 'muted' } : { text: '' },
            ],
          }))),
    ],
  };
  return renderPdf(doc);
}

const KR_FORMAT = '#,##0.00 "kr"';

function addGroupSheet(workbook: ExcelJS.Workbook, name: string, rows: GrantedRow[]) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [
    { header: 'Kod', key: 'key', width: 28 },
    { header: 'Namn', key: 'name', width: 36 },
    { header: 'Antal', key: 'count', width: 8 },
    { header: 'Beviljat (kr)', key: 'kr', width: 18, style: { numFmt: KR_FORMAT } },
    { header: 'Beviljat (öre)', key: 'ore', width: 18 },
  ];
  for (const r of rows)
    sheet.addRow({ key: r.key, name: r.name, count: r.count, kr: r.grantedOre / 100, ore: r.grantedOre });
  sheet.getRow(1).font = { bold: true };
}

/** Kronor columns are for reading; the öre columns carry the exact integers. */
export async function renderSummaryXlsx(overview: OverviewView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samtrygg';
  const pots = workbook.addWorksheet('Potter');
  pots.columns = [
    { header: 'År', key: 'year', width: 6 },
    { header: 'Pott', key: 'name', width: 40 },
    { header: 'Syfte', key: 'purpose', width: 40 },
    { header: 'Belopp (öre)', key: 'amount', width: 16 },
    { header: 'Beviljat (öre)', key: 'granted', width: 16 },
    { header: 'Utbetalt (öre)', key: 'paid', width: 16 },
    { header: 'Kvar (öre)', key: 'remaining', width: 16 },
    { header: 'Källa', key: 'source', width: 60 },
  ];
  for (const p of overview.budget?.pots ?? []) {
    pots.addRow({
      year: p.year,
      name: p.name,
      purpose: p.purpose,
      amount: p.amountOre,
      granted: p.grantedOre,
      paid: p.paidOre,
      remaining: p.remainingOre,
      source: p.source,
    });
  }
  pots.getRow(1).font = { bold: true };
  addGroupSheet(workbook, 'Per förebyggandetyp', overview.byPreventionType);
  addGroupSheet(workbook, 'Per fokusområde', overview.byFocusArea);
  addGroupSheet(workbook, 'Per område', overview.byArea);

  const projects = workbook.addWorksheet('Beviljade projekt');
  projects.columns = [
    { header: 'Projekt', key: 'title', width: 40 },
    { header: 'Sökande', key: 'org', width: 30 },
    { header: 'Typ', key: 'type', width: 14 },
    { header: 'Beviljat (öre)', key: 'granted', width: 16 },
    { header: 'Redovisat använt (öre)', key: 'spent', width: 20 },
    { header: 'Försenade uppföljningar', key: 'overdue', width: 22 },
  ];
  for (const g of overview.granted)
    projects.addRow({
      title: g.title,
      org: g.organisationName,
      type: PREVENTION_SV[g.preventionType],
      granted: g.grantedOre,
      spent: g.spentOre,
      overdue: g.overdueFollowUps,
    });
  projects.getRow(1).font = { bold: true };

  const results = workbook.addWorksheet('Resultat');
  results.columns = [
    { header: 'Projekt', key: 'title', width: 40 },
    { header: 'Uppföljning', key: 'due', width: 12 },
    { header: 'Använt (öre)', key: 'spent', width: 16 },
    { header: 'Indikatorer', key: 'indicators', width: 60 },
    { header: 'Kommentar', key: 'comment', width: 60 },
  ];
  for (const r of overview.results) {
    results.addRow({
      title: r.title,
      due: r.dueOn,
      spent: r.spentOre,
      indicators: r.indicatorResults.map((i) => `${i.indicator}: ${i.value}`).join('; '),
      comment: r.comment,
    });
  }
  results.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
