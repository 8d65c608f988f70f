import { renderPdf, type PdfDocument } from '../../../platform/documents/pdf.ts';
import type { ActionView } from '../../../../contracts/actions.ts';
import { weekNumber } from '../../../../contracts/iso-week.ts';
import type { LagesbildView } from '../../../../contracts/lagesbild.ts';
import { mapFigure, type AreaShape } from './map-figure.ts';
import { dateSv, dateTimeSv, LEVEL_COLOURS, num, STATUS_SV } from './pdf-style.ts';

const MAP_BOX = { x: 40, y: 130, width: 515, height: 560 };

const change = (count: number, previous: number) =>
  count === previous ? '±0' : count > previous ? `+${count - previous}` : `-${previous - count}`;

function actionRows(actions: ActionView[]) {
  return actions.map((a) => [
    {
      text: [
        { text: `${a.title}${a.overdue ? '  (FÖRSENAD)' : ''}`, bold: a.overdue },
        // Snapshots published before actions carried report numbers have none to list.
        ...(a.linkedReports?.length
          ? [{ text: `\nRapporter ${a.linkedReports.map((r) => r.number).join(', ')}`, style: 'muted' }]
          : []),
      ],
    },
    a.placeName ? `${a.placeName}${a.areaName ? `, ${a.areaName}` : ''}` : (a.areaName ?? ''),
    `${a.organisationName}${a.responsiblePerson ? `, ${a.responsiblePerson}` : ''}`,
    a.dueOn,
    STATUS_SV[a.status],
    a.outcomeNote,
  ]);
}

function actionTable(title: string, actions: ActionView[]) {
  if (actions.length === 0) return [{ text: `${title}: inga`, style: 'muted', margin: [0, 6, 0, 0] }];
  return [
    { text: title, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 70, 100, 55, 50, 90],
        body: [
          ['Åtgärd', 'Var', 'Ansvarig', 'Klart senast', 'Status', 'Utfall'].map((t) => ({ text: t, bold: true })),
          ...actionRows(actions),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
    },
  ];
}

/** The document definition: first page the map, then tables, assessments, summary and actions. */
export function pictureDocument(
  picture: LagesbildView,
  areas: readonly AreaShape[],
  options: { compress?: boolean } = {},
): PdfDocument {
  const number = weekNumber(picture.week);
  const last = new Date(new Date(picture.to).getTime() - 1).toISOString();
  const state =
    picture.status === 'published'
      ? `Publicerad version ${picture.version}, ${dateTimeSv(picture.publishedAt!)} av ${picture.publishedBy}${picture.reason ? `. Rättelse: ${picture.reason}` : ''}`
      : 'UTKAST – ej publicerad';
  const map = mapFigure(picture, areas, MAP_BOX);
  const categories = picture.byCategory.filter((c) => c.count + c.previousCount + c.baselineMean > 0);
  return {
    compress: options.compress ?? true,
    info: { title: `Veckolägesbild ${picture.week}`, subject: 'Veckolägesbild', creator: 'Samtrygg' },
    language: 'sv-SE',
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Helvetica', fontSize: 9.5 },
    styles: {
      h1: { fontSize: 20, bold: true },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      muted: { color: '#555555' },
    },
    footer: (page: number, pages: number) => ({
      text: `Veckolägesbild ${picture.week} – sida ${page} av ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
    }),
    content: [
      { text: `Veckolägesbild vecka ${number}`, style: 'h1' },
      { text: `${picture.week}: ${dateSv(picture.from)} – ${dateSv(last)}`, margin: [0, 2, 0, 0] },
      { text: state, style: 'muted', margin: [0, 2, 0, 0] },
      {
        text: `Totalt ${picture.total} rapporter (förra veckan ${picture.previousTotal}, snitt 8 veckor ${num(picture.baselineTotal)}). Återkommande platser: ${picture.recurringPlaces.length}.`,
        margin: [0, 6, 0, 0],
      },
      { canvas: map.canvas, absolutePosition: { x: 0, y: 0 } },
      ...map.labels,
      {
        text: 'Färg = bedömning (grön normalläge, gul förhöjd uppmärksamhet, röd koncentrera resurser). Röda cirklar = återkommande platser (minst två rapporter inom 100 m de senaste fyra veckorna).',
        fontSize: 7.5,
        style: 'muted',
        absolutePosition: { x: 40, y: MAP_BOX.y + MAP_BOX.height + 8 },
      },
      { text: 'Områden och bedömning', style: 'h2', pageBreak: 'before' },
      {
        table: {
          headerRows: 1,
          widths: [90, 35, 40, 40, 40, 70, '*'],
          body: [
            ['Område', 'Antal', 'Förra v.', 'Snitt 8 v.', 'Förändr.', 'Bedömning', 'Kommentar'].map((t) => ({
              text: t,
              bold: true,
            })),
            ...picture.byArea.map((a) => [
              a.name,
              { text: String(a.count), bold: true },
              String(a.previousCount),
              num(a.baselineMean),
              `${change(a.count, a.previousCount)}${a.change.notable ? ' *' : ''}`,
              a.assessment
                ? { text: LEVEL_COLOURS[a.assessment.level].label, fillColor: LEVEL_COLOURS[a.assessment.level].fill }
                : '–',
              a.assessment?.comment ?? '',
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
      {
        text: '* anmärkningsvärd förändring: exakt Poissontest mot snittet av 8 veckor, Benjamini–Hochberg, q ≤ 0,05 och minst 3 rapporters skillnad.'.replace(
          '≤',
          '<=',
        ),
        fontSize: 7.5,
        style: 'muted',
        margin: [0, 3, 0, 0],
      },
      { text: 'Kategorier', style: 'h2' },
      {
        table: {
          headerRows: 1,
          widths: ['*', 40, 45, 45, 45],
          body: [
            ['Kategori', 'Antal', 'Förra v.', 'Snitt 8 v.', 'Förändr.'].map((t) => ({ text: t, bold: true })),
            ...categories.map((c) => [
              c.name,
              { text: String(c.count), bold: true },
              String(c.previousCount),
              num(c.baselineMean),
              `${change(c.count, c.previousCount)}${c.change.notable ? ' *' : ''}`,
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
      { text: 'Sammanfattning', style: 'h2' },
      { text: picture.summary || 'Ingen sammanfattning skriven.' },
      ...actionTable('Beslutade åtgärder denna vecka', picture.actions.decided),
      ...actionTable('Uppföljning av förra veckans beslut', picture.actions.followUp),
      ...actionTable(
        'Försenade åtgärder',
        picture.actions.open.filter((a) => a.overdue),
      ),
    ],
  };
}

/** The picture as PDF bytes, rendered on the server. */
export function renderPicturePdf(
  picture: LagesbildView,
  areas: readonly AreaShape[],
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  return renderPdf(pictureDocument(picture, areas, options));
}
