import { renderPdf, type PdfDocument } from '../../../platform/documents/pdf.ts';
import { formatDateSv, progressPhrase, VERDICT_SV } from '../public/labels.ts';
import type { EvaluationView } from '../../../../contracts/promises.ts';

const change = (before: number, during: number) => {
  if (before === 0) return during === 0 ? '±0' : 'ny';
  const pct = Math.round((100 * (during - before)) / before);
  return `${pct > 0 ? '+' : ''}${pct} %`;
};

/** End-of-year evaluation as PDF: verdicts, assessments, context indicators with the caveat. */
export async function renderEvaluationPdf(e: EvaluationView): Promise<Buffer> {
  const promiseItems = e.items.filter((i) => i.isPromise);
  const otherItems = e.items.filter((i) => !i.isPromise);
  const table = (items: EvaluationView['items']) => ({
    table: {
      headerRows: 1,
      widths: ['*', 'auto', '*'],
      body: [
        [
          { text: 'Åtagande', bold: true },
          { text: 'Bedömning från siffrorna', bold: true },
          { text: 'Parternas bedömning', bold: true },
        ],
        ...items.map((i) => [
          { text: [{ text: i.title, bold: true }, `\n${i.focusAreaName}\n${progressPhrase(i.progress)}`] },
          VERDICT_SV[i.verdict],
          i.assessments.length ? i.assessments.map((a) => `${a.organisationName}: ${a.assessment}`).join('\n\n') : '–',
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  });
  const doc: PdfDocument = {
    info: { title: `Utvärdering ${e.year}: ${e.agreementTitle}` },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    pageMargins: [40, 50, 40, 50],
    footer: (page: number, pages: number) => ({
      text: `Sida ${page} av ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: `Utvärdering av medborgarlöften och aktiviteter ${e.year}`, fontSize: 18, bold: true },
      { text: e.agreementTitle, fontSize: 12, margin: [0, 4, 0, 2] },
      {
        text: `Period ${formatDateSv(e.periodStart)} – ${formatDateSv(e.periodEnd)}. Siffrorna gäller ${formatDateSv(e.asOf)}.`,
        color: '#444444',
        margin: [0, 0, 0, 12],
      },
      {
        text: 'Bedömningen från siffrorna: hållet när målet nåddes, delvis hållet när minst hälften nåddes, annars inte hållet. Siffrorna räknas fram ur registrerade insatser.',
        margin: [0, 0, 0, 8],
      },
      { text: 'Medborgarlöften', fontSize: 14, bold: true, margin: [0, 6, 0, 2] },
      promiseItems.length ? table(promiseItems) : { text: 'Inga medborgarlöften detta år.' },
      ...(otherItems.length
        ? [
            { text: 'Övriga aktiviteter i aktivitetsplanerna', fontSize: 14, bold: true, margin: [0, 6, 0, 2] },
            table(otherItems),
          ]
        : []),
      { text: 'Sammanhang: rapporter i de berörda områdena', fontSize: 14, bold: true, margin: [0, 10, 0, 2] },
      e.context.indicators.length
        ? {
            table: {
              headerRows: 1,
              widths: ['*', 'auto', 'auto', 'auto'],
              body: [
                [
                  { text: 'Område (platser)', bold: true },
                  { text: `${e.year - 1}`, bold: true },
                  { text: `${e.year}${e.asOf < e.periodEnd ? ' hittills' : ''}`, bold: true },
                  { text: 'Förändring', bold: true },
                ],
                ...e.context.indicators.map((c) => [
                  `${c.areaName} (${c.placeNames.join(', ')})`,
                  String(c.before),
                  String(c.during),
                  change(c.before, c.during),
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
            margin: [0, 4, 0, 8],
          }
        : { text: 'Inga löften var knutna till särskilda platser.' },
      { text: [{ text: 'Obs! ', bold: true }, e.context.caveat], italics: true, margin: [0, 4, 0, 0] },
    ],
  };
  return renderPdf(doc);
}
