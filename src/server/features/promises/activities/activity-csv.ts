import { parse } from 'csv-parse/sync';
import type { ImportRowError } from '../../../../contracts/promises.ts';

/** Header names accepted per field, Swedish first; matched case-insensitively. */
const HEADERS = {
  commitment: ['åtagande', 'atagande', 'commitment'],
  occurredOn: ['datum', 'date'],
  place: ['plats', 'place'],
  participants: ['antal', 'deltagare', 'participants'],
  durationMinutes: ['minuter', 'minutes'],
  note: ['anteckning', 'note'],
  evidence: ['underlag', 'evidence'],
} as const;
type Field = keyof typeof HEADERS;

export interface CsvActivityRow {
  /** Line in the file (the header is line 1), for error messages people can find. */
  line: number;
  commitment: string;
  occurredOn: string;
  place: string;
  participants: number | undefined;
  durationMinutes: number | undefined;
  note: string;
  evidence: string;
  errors: ImportRowError[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function wholeNumber(
  raw: string,
  line: number,
  field: string,
  max: number,
  errors: ImportRowError[],
): number | undefined {
  if (raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    errors.push({ line, field, message: `must be a whole number 1–${max}` });
    return undefined;
  }
  return value;
}

/**
 * Parses an activity list as exported from a spreadsheet: comma or semicolon separated, a
 * header row naming the columns. Returns the rows with their own format errors, or a file-level
 * error (line 1) when the header lacks a required column.
 */
export function parseActivityCsv(text: string): { rows: CsvActivityRow[]; fileErrors: ImportRowError[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: [',', ';'],
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (error) {
    return {
      rows: [],
      fileErrors: [{ line: 1, field: 'file', message: `not readable as CSV: ${(error as Error).message}` }],
    };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], fileErrors: [{ line: 1, field: 'file', message: 'the file is empty' }] };
  const index = new Map<Field, number>();
  header.forEach((name, i) => {
    const field = (Object.keys(HEADERS) as Field[]).find((f) =>
      (HEADERS[f] as readonly string[]).includes(name.toLowerCase()),
    );
    if (field) index.set(field, i);
  });
  const missing = (['commitment', 'occurredOn'] as const).filter((f) => !index.has(f));
  if (missing.length) {
    return {
      rows: [],
      fileErrors: missing.map((f) => ({ line: 1, field: f, message: `missing column (${HEADERS[f].join(' / ')})` })),
    };
  }
  const rows = body.map((record, i): CsvActivityRow => {
    const line = i + 2;
    const cell = (f: Field) => (index.has(f) ? (record[index.get(f)!] ?? '') : '');
    const errors: ImportRowError[] = [];
    const occurredOn = cell('occurredOn');
    if (!DATE.test(occurredOn) || Number.isNaN(Date.parse(occurredOn)))
      errors.push({ line, field: 'occurredOn', message: 'date like 2024-03-15' });
    if (!cell('commitment')) errors.push({ line, field: 'commitment', message: 'required' });
    return {
      line,
      commitment: cell('commitment'),
      occurredOn,
      place: cell('place'),
      participants: wholeNumber(cell('participants'), line, 'participants', 1000, errors),
      durationMinutes: wholeNumber(cell('durationMinutes'), line, 'durationMinutes', 1440, errors),
      note: cell('note'),
      evidence: cell('evidence'),
      errors,
    };
  });
  return { rows, fileErrors: [] };
}
