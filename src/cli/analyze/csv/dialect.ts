/** A CSV file's dialect: its separator (sniffed from the header), decimal mark and encoding. */

const DQ = 0x22;

export interface CsvDialect {
  delimiter: ',' | ';' | '\t';
  decimalComma: boolean;
  bom: boolean;
  /** 'latin-1' when some line was not valid UTF-8 (see `latin1Line`). */
  encoding: 'utf-8' | 'latin-1';
  latin1Line: number | null;
}

/** The header's fields, quotes removed and trimmed. */
export function splitHeader(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current.trim() === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields.map((f) => f.trim());
}

/** The separator that splits the header into the most fields (outside quotes); ',' when none does. */
export function sniffDelimiter(header: Uint8Array): CsvDialect['delimiter'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of header) {
    if (c === DQ) quoted = !quoted;
    else if (!quoted && c === 0x2c) counts[',']++;
    else if (!quoted && c === 0x3b) counts[';']++;
    else if (!quoted && c === 0x09) counts['\t']++;
  }
  const best = (Object.keys(counts) as CsvDialect['delimiter'][]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}
