import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, for checks: inflates each content stream and decodes the strings of its
 * TJ/Tj operators as WinAnsi (the standard fonts' encoding, Latin-1 for every Swedish letter).
 * Whitespace is collapsed to single spaces. Enough for documents this feature writes; not a general PDF parser.
 */
// WinAnsi differs from Latin-1 only in 0x80-0x9F; these are the ones Swedish text uses.
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
};
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');

export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const parts: string[] = [];
  const streamPattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const op of content.matchAll(
      /\[((?:<[0-9a-fA-F]*>|\([^)]*\)|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>|\([^)]*\))\s*Tj/g,
    )) {
      const operands = op[1] ?? op[2] ?? '';
      const text = [...operands.matchAll(/<([0-9a-fA-F]*)>|\(([^)]*)\)/g)]
        .map((s) => (s[1] !== undefined ? winAnsi(Buffer.from(s[1], 'hex')) : s[2]!))
        .join('');
      parts.push(text);
    }
    // Skip past the keyword: 'endstream' itself ends in 'stream'.
    streamPattern.lastIndex = end + 'endstream'.length;
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}
