import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The one pdfmake setup: every PDF the server writes is rendered here, with the fonts below.
 * - `Helvetica`: a standard PDF font, nothing embedded or read from disk; WinAnsi covers å ä ö,
 *   and the text stays searchable and extractable (the weekly picture relies on both).
 * - `Roboto`: shipped with pdfmake and embedded; it also has the sv-SE minus sign (fund, evaluation).
 */
export type PdfFont = 'Helvetica' | 'Roboto';

type FontFiles = Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>;

/** The slice of pdfmake 0.3's server API used here (the package ships no types). */
interface PdfMake {
  setFonts(fonts: Record<PdfFont, FontFiles>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(doc: PdfDocument): { getBuffer(): Promise<Buffer> };
}

/** A pdfmake document definition that names its font. */
export interface PdfDocument extends Record<string, unknown> {
  defaultStyle: { font: PdfFont } & Record<string, unknown>;
}

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as PdfMake;
const { Helvetica } = require('pdfmake/standard-fonts/Helvetica.js') as { Helvetica: FontFiles };
const { Roboto } = require('pdfmake/fonts/Roboto.js') as { Roboto: FontFiles };

// The standard fonts' "files" are their PostScript names, which pdfmake passes to the file check.
const standardFonts = new Set(Object.values(Helvetica));
const robotoDir = path.dirname(Roboto.normal);

// pdfmake is one instance per process and only this module configures it, once: documents are
// built from our own data, so no URL is ever fetched and no file but the fonts is ever read.
pdfmake.setFonts({ Helvetica, Roboto });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => standardFonts.has(file) || path.resolve(file).startsWith(robotoDir));

/** Renders a document to PDF bytes. */
export function renderPdf(doc: PdfDocument): Promise<Buffer> {
  return pdfmake.createPdf(doc).getBuffer();
}
