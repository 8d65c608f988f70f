/**
 * A streaming CSV reader for the columns an analysis needs: it reads the file in 1 MiB chunks and
 * writes numbers, day numbers and interned keys straight into typed arrays, with no string or
 * array per row (see byte-values.ts for why it is hand-written). Beyond RFC 4180 it copes with
 * what Swedish offices send:
 * - the separator is sniffed from the header: ',', ';' (Swedish Excel's default) or tab; with ';'
 *   or tab, ',' is also a decimal mark ("674123,5");
 * - UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is read as Latin-1
 *   (Windows-1252, what older Swedish Excel writes) and the result says so, with the first line
 *   that gave it away; UTF-16 is refused with advice;
 * - rows with the wrong number of fields are refused with their line numbers (never padded or cut
 *   silently), blank lines and rows of bare separators (";;;", Excel's trailing rows) are skipped;
 * - quoted fields may hold separators, doubled quotes and line breaks; CRLF or LF.
 */
import { isUtf8 } from 'node:buffer';
import { parseDay, parseNumber, trimRange, type DateFormat } from './byte-values.ts';
import type { ByteSource } from './byte-source.ts';
import { sniffDelimiter, splitHeader, type CsvDialect } from './dialect.ts';

export { bytesSource, fileSource, type ByteSource } from './byte-source.ts';
export type { CsvDialect } from './dialect.ts';

export type ColumnKind = { kind: 'number' } | { kind: 'day'; format: DateFormat } | { kind: 'key' };
export type ColumnRequest = ColumnKind & { index: number };

export type ColumnValues =
  | { kind: 'number'; values: Float64Array }
  | { kind: 'day'; values: Int32Array }
  | { kind: 'key'; ids: Int32Array; names: string[] };

export interface ScanResult {
  rows: number;
  /** 1-based line where row k starts. */
  lineOf: (row: number) => number;
  columns: ColumnValues[];
  dialect: CsvDialect;
}

/** A structural problem (encoding, quoting, column counts): the message names the lines. */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

/** The first value that did not parse, with every requested field of its row as written. */
export class CsvValueError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly raw: string[],
  ) {
    super(`line ${line}: cannot parse column ${column}`);
    this.name = 'CsvValueError';
  }
}

const LF = 0x0a;
const CR = 0x0d;
const DQ = 0x22;
const CHUNK = 1 << 20;
const LISTED_BAD_ROWS = 20;

export class CsvReader {
  readonly header: string[];
  readonly dialect: CsvDialect;
  private buf: Buffer;
  private pos = 0;
  private filled = 0;
  private eof = false;
  private line = 2;

  constructor(
    private readonly source: ByteSource,
    private readonly chunkSize = CHUNK,
  ) {
    this.buf = Buffer.allocUnsafe(chunkSize);
    this.fill();
    const b = this.buf;
    if (this.filled >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)))
      throw new CsvFormatError('the file is UTF-16; save it as "CSV UTF-8" (or plain CSV) and try again');
    const bom = this.filled >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    const start = bom ? 3 : 0;
    const end = this.findHeaderEnd(start);
    const headerBytes = this.buf.subarray(start, end);
    const utf8 = isUtf8(headerBytes);
    const delimiter = sniffDelimiter(headerBytes);
    this.dialect = {
      delimiter,
      decimalComma: delimiter !== ',',
      bom,
      encoding: utf8 ? 'utf-8' : 'latin-1',
      latin1Line: utf8 ? null : 1,
    };
    let text = new TextDecoder(utf8 ? 'utf-8' : 'windows-1252').decode(headerBytes);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    this.header = text.trim() === '' ? [] : splitHeader(text, delimiter);
    this.pos = end < this.filled ? end + 1 : end;
  }

  private fill(): void {
    while (!this.eof && this.filled < this.buf.length) {
      const n = this.source.read(this.buf, this.filled, this.buf.length - this.filled);
      if (n === 0) this.eof = true;
      this.filled += n;
    }
  }

  /** Keep buf[from, filled) at the front, grow if one row fills the buffer, and read on. */
  private refill(from: number): void {
    if (from === 0 && this.filled === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.filled);
      this.buf = bigger;
    } else {
      this.buf.copy(this.buf, 0, from, this.filled);
      this.filled -= from;
    }
    this.pos = 0;
    this.fill();
  }

  private findHeaderEnd(start: number): number {
    for (;;) {
      let quoted = false;
      for (let i = start; i < this.filled; i++) {
        const c = this.buf[i]!;
        if (c === DQ) quoted = !quoted;
        else if (c === LF && !quoted) return i;
      }
      if (this.eof) return this.filled;
      this.refill(0); // the header fills the buffer: grow it and look further
    }
  }

  /** Reads every data row; the requested columns come back in the order asked for. */
  scan(requests: ColumnRequest[]): ScanResult {
    const nFields = this.header.length;
    const delim = this.dialect.delimiter.charCodeAt(0);
    const comma = this.dialect.decimalComma;
    const nReq = requests.length;
    const slotOf = new Int32Array(nFields + 1).fill(-1);
    requests.forEach((r, k) => (slotOf[r.index] = k));
    const fStart = new Int32Array(nReq);
    const fEnd = new Int32Array(nReq);
    const fQuoted = new Uint8Array(nReq);

    let capacity = 1024;
    if (this.source.size && this.filled > this.pos) {
      const sample = Math.min(this.filled - this.pos, 1 << 16);
      let lines = 0;
      for (let i = this.pos; i < this.pos + sample; i++) if (this.buf[i] === LF) lines++;
      if (lines > 0) capacity = Math.ceil(((this.source.size / sample) * lines) / 0.95) + 16;
    }
    // Row k starts on line k + 2 unless blank lines or quoted line breaks came before it; the
    // array of lines is made only from the first such row on (4 MB saved on a million rows).
    let lines: Int32Array | null = null;
    const stores = requests.map((r) => (r.kind === 'number' ? new Float64Array(capacity) : new Int32Array(capacity)));
    const keyMaps = requests.map(() => new Map<string, number>());
    let rows = 0;
    const badLines: number[] = [];
    let badRows = 0;
    let badValue: CsvValueError | null = null;
    let scratch = Buffer.allocUnsafe(256);

    const grow = () => {
      capacity = Math.ceil(capacity * 1.5) + 1024;
      if (lines) {
        const nl = new Int32Array(capacity);
        nl.set(lines);
        lines = nl;
      }
      for (let k = 0; k < nReq; k++) {
        const old = stores[k]!;
        const bigger = old instanceof Float64Array ? new Float64Array(capacity) : new Int32Array(capacity);
        bigger.set(old as never);
        stores[k] = bigger;
      }
    };

    /** A quoted field's content with doubled quotes undone, in `scratch`. */
    const unquote = (s: number, e: number): [Uint8Array, number, number] => {
      if (scratch.length < e - s) scratch = Buffer.allocUnsafe(e - s);
      let n = 0;
      for (let i = s; i < e; i++) {
        scratch[n++] = this.buf[i]!;
        if (this.buf[i] === DQ) i++;
      }
      return [scratch, 0, n];
    };

    const isBlank = (s: number, e: number) => {
      for (let i = s; i < e; i++) {
        const c = this.buf[i]!;
        if (c !== delim && c !== 0x20 && c !== 0x09 && c !== CR && c !== LF) return false;
      }
      return true;
    };

    const rawText = (slot: number): string => {
      const [b, s, e] = fQuoted[slot] ? unquote(fStart[slot]!, fEnd[slot]!) : [this.buf, fStart[slot]!, fEnd[slot]!];
      const [ts, te] = trimRange(b, s, e);
      return Buffer.from(b.subarray(ts, te)).toString(this.dialect.encoding === 'utf-8' ? 'utf8' : 'latin1');
    };

    const finishRow = (rowStart: number, rowEnd: number, fields: number, rowLine: number) => {
      if (fields !== nFields) {
        if (isBlank(rowStart, rowEnd)) return;
        badRows++;
        if (badLines.length < LISTED_BAD_ROWS) badLines.push(rowLine);
        return;
      }
      if (rows === capacity) grow();
      let empty = 0;
      for (let k = 0; k < nReq; k++) {
        const req = requests[k]!;
        let b: Uint8Array = this.buf;
        let s = fStart[k]!;
        let e = fEnd[k]!;
        if (fQuoted[k]) [b, s, e] = unquote(s, e);
        if (req.kind === 'number') {
          const v = parseNumber(b, s, e, comma);
          (stores[k] as Float64Array)[rows] = v;
          if (Number.isNaN(v)) {
            const [ts, te] = trimRange(b, s, e);
            if (ts === te) empty++;
            if (!badValue)
              badValue = new CsvValueError(
                rowLine,
                req.index,
                requests.map((_, j) => rawText(j)),
              );
          }
        } else if (req.kind === 'day') {
          const v = parseDay(b, s, e, req.format);
          (stores[k] as Int32Array)[rows] = Number.isNaN(v) ? 0 : v;
          if (Number.isNaN(v) && !badValue)
            badValue = new CsvValueError(
              rowLine,
              req.index,
              requests.map((_, j) => rawText(j)),
            );
        } else {
          const [ts, te] = trimRange(b, s, e);
          const key = Buffer.from(b.buffer, b.byteOffset + ts, te - ts).toString('latin1');
          const map = keyMaps[k]!;
          let id = map.get(key);
          if (id === undefined) map.set(key, (id = map.size));
          (stores[k] as Int32Array)[rows] = id;
        }
      }
      // A row of bare separators with the right count (Excel's trailing ";;;") is blank, not bad.
      if (empty === nReq && nReq > 0 && isBlank(rowStart, rowEnd)) {
        if (badValue && badValue.line === rowLine) badValue = null;
        return;
      }
      if (lines) lines[rows] = rowLine;
      else if (rowLine !== rows + 2) {
        lines = new Int32Array(capacity);
        for (let k = 0; k < rows; k++) lines[k] = k + 2;
        lines[rows] = rowLine;
      }
      rows++;
    };

    for (;;) {
      const segmentStart = this.pos;
      let i = this.pos;
      const filled = this.filled;
      const buf = this.buf;
      let carryFrom = -1;
      let line = this.line;
      while (i < filled) {
        const rowStart = i;
        const rowLine = line;
        let field = 0;
        let fs = i;
        let complete = false;
        for (;;) {
          if (i >= filled) {
            if (!this.eof) break;
            const slot = field < nFields ? slotOf[field]! : -1;
            if (slot >= 0) {
              fStart[slot] = fs;
              fEnd[slot] = i;
              fQuoted[slot] = 0;
            }
            finishRow(rowStart, i, field + 1, rowLine);
            complete = true;
            break;
          }
          const c = buf[i]!;
          if (c === delim) {
            const slot = field < nFields ? slotOf[field]! : -1;
            if (slot >= 0) {
              fStart[slot] = fs;
              fEnd[slot] = i;
              fQuoted[slot] = 0;
            }
            field++;
            fs = ++i;
          } else if (c === LF) {
            const fe = i > fs && buf[i - 1] === CR ? i - 1 : i;
            const slot = field < nFields ? slotOf[field]! : -1;
            if (slot >= 0) {
              fStart[slot] = fs;
              fEnd[slot] = fe;
              fQuoted[slot] = 0;
            }
            finishRow(rowStart, i, field + 1, rowLine);
            i++;
            line++;
            complete = true;
            break;
          } else if (c === DQ && trimRange(buf, fs, i)[1] === fs) {
            // A quoted field: runs to the quote that is not doubled; may span lines.
            const qs = i + 1;
            let j = qs;
            let closed = -1;
            let innerLines = 0;
            while (j < filled) {
              const d = buf[j]!;
              if (d === DQ) {
                if (j + 1 < filled && buf[j + 1] === DQ) j += 2;
                else if (j + 1 >= filled && !this.eof) break;
                else {
                  closed = j;
                  break;
                }
              } else {
                if (d === LF) innerLines++;
                j++;
              }
            }
            if (closed < 0) {
              if (!this.eof) break;
              throw new CsvFormatError(`line ${rowLine}: a quoted field is never closed`);
            }
            line += innerLines;
            const slot = field < nFields ? slotOf[field]! : -1;
            if (slot >= 0) {
              fStart[slot] = qs;
              fEnd[slot] = closed;
              fQuoted[slot] = 1;
            }
            i = closed + 1;
            while (i < filled && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === CR)) i++;
            if (i < filled && buf[i] !== delim && buf[i] !== LF)
              throw new CsvFormatError(
                `line ${line}: text after a closing quote (a quote inside a field must be doubled)`,
              );
            if (i < filled && buf[i] === delim) {
              field++;
              fs = ++i;
            } else if (i < filled) {
              finishRow(rowStart, i, field + 1, rowLine);
              i++;
              line++;
              complete = true;
              break;
            } else if (this.eof) {
              finishRow(rowStart, i, field + 1, rowLine);
              complete = true;
              break;
            } else break;
          } else i++;
        }
        if (!complete) {
          carryFrom = rowStart;
          line = rowLine;
          break;
        }
      }
      const boundary = carryFrom >= 0 ? carryFrom : filled;
      if (this.dialect.encoding === 'utf-8' && !isUtf8(buf.subarray(segmentStart, boundary)))
        this.markLatin1(segmentStart, boundary, this.line);
      this.line = line;
      if (carryFrom < 0 && this.eof) break;
      this.refill(carryFrom >= 0 ? carryFrom : filled);
      if (this.filled === 0) break;
    }
    this.source.close?.();

    if (badRows > 0) {
      const more = badRows > badLines.length ? ` and ${badRows - badLines.length} more` : '';
      throw new CsvFormatError(
        `${badRows} row${badRows === 1 ? ' has' : 's have'} the wrong number of columns (the header has ${nFields}): ` +
          `line${badRows === 1 ? '' : 's'} ${badLines.join(', ')}${more}`,
      );
    }
    if (badValue) throw badValue;
    const decoder = new TextDecoder(this.dialect.encoding === 'utf-8' ? 'utf-8' : 'windows-1252');
    const columns: ColumnValues[] = requests.map((r, k) => {
      if (r.kind === 'number') return { kind: 'number', values: (stores[k] as Float64Array).subarray(0, rows) };
      if (r.kind === 'day') return { kind: 'day', values: (stores[k] as Int32Array).subarray(0, rows) };
      const names = [...keyMaps[k]!.keys()].map((raw) => decoder.decode(Buffer.from(raw, 'latin1')));
      return { kind: 'key', ids: (stores[k] as Int32Array).subarray(0, rows), names };
    });
    const known = lines;
    return { rows, lineOf: (k) => (known ? known[k]! : k + 2), columns, dialect: this.dialect };
  }

  /** Finds the first line in [from, to) that is not UTF-8; from then on text is read as Latin-1. */
  private markLatin1(from: number, to: number, firstLine: number): void {
    let line = firstLine;
    let s = from;
    for (let i = from; i <= to; i++) {
      if (i === to || this.buf[i] === LF) {
        if (!isUtf8(this.buf.subarray(s, i))) break;
        line++;
        s = i + 1;
      }
    }
    (this.dialect as { encoding: string }).encoding = 'latin-1';
    (this.dialect as { latin1Line: number | null }).latin1Line = line;
  }
}
