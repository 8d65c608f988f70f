/**
 * Reading event CSVs for `samtrygg analyze` (contract: header row; `x,y` in SWEREF 99 TM metres,
 * or any projected metres with `--crs projected`; or `lat,lon` in WGS84, projected to SWEREF 99 TM;
 * a date column where time matters).
 *
 * Dates become whole-day numbers (days since 1970-01-01). ISO 8601 timestamps use the calendar date
 * as written (the part before `T`), i.e. the date the recorder saw, without time-zone conversion;
 * the Knox test works in whole days and must not move a late-evening event to the next day.
 * `--date-format dd/mm/yyyy` (or mm/dd/yyyy) reads day-first (month-first) dates such as the Chicago
 * file's `date_single`.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { isInSwerefBounds, isInSwerefArea, wgs84ToSweref99tm } from '../../analysis/projection.ts';
import { CliError } from './errors.ts';

export type Crs = 'sweref99tm' | 'projected';
export type DateFormat = 'iso' | 'dd/mm/yyyy' | 'mm/dd/yyyy';

export interface ReadOptions {
  crs: Crs;
  needDates: boolean;
  dateColumn: string;
  dateFormat: DateFormat;
}

export interface Events {
  x: Float64Array;
  y: Float64Array;
  /** Whole-day numbers; empty when dates were not requested. */
  days: Int32Array;
  /** 1-based CSV line of each event, for messages. */
  lines: Int32Array;
  source: 'xy' | 'latlon';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$)/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Day number of a valid calendar date, or undefined. */
function dayNumber(y: number, m: number, d: number): number | undefined {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 86_400_000;
}

export function parseDay(text: string, format: DateFormat): number | undefined {
  const s = text.trim();
  if (format === 'iso') {
    const m = ISO.exec(s);
    return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  }
  const m = SLASHED.exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return format === 'dd/mm/yyyy' ? dayNumber(Number(m[3]), b, a) : dayNumber(Number(m[3]), a, b);
}

function parseNumber(text: string | undefined): number {
  if (text === undefined) return NaN;
  const s = text.trim();
  return s === '' ? NaN : Number(s);
}

export async function readEvents(file: string, options: ReadOptions): Promise<Events> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read input file ${file}: ${(e as Error).message}`);
  }
  let rows: string[][];
  let rowLines: number[];
  try {
    // info: true gives each record's own line number, so messages stay right with blank lines.
    const parsed = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    rows = parsed.map((r) => r.record);
    rowLines = parsed.map((r) => r.info.lines);
  } catch (e) {
    throw new CliError(`${file}: not a valid CSV file: ${(e as Error).message}`);
  }
  if (rows.length === 0) throw new CliError(`${file}: empty file (a header row is required)`);
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const ix = col('x');
  const iy = col('y');
  const ilat = col('lat');
  const ilon = col('lon');
  let source: 'xy' | 'latlon';
  if (ix >= 0 && iy >= 0) source = 'xy';
  else if (ilat >= 0 && ilon >= 0) source = 'latlon';
  else
    throw new CliError(
      `${file}: missing coordinate columns: need "x,y" or "lat,lon" in the header (found: ${header.join(', ')})`,
    );
  const idate = col(options.dateColumn);
  if (options.needDates && idate < 0) {
    throw new CliError(
      `${file}: missing date column "${options.dateColumn}" (found: ${header.join(', ')}); choose one with --date-column`,
    );
  }
  if (source === 'latlon' && options.crs === 'projected') {
    throw new CliError(`${file}: --crs projected applies to x,y columns; lat,lon input is always WGS84`);
  }

  const n = rows.length - 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const days = new Int32Array(options.needDates ? n : 0);
  const lines = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const row = rows[k + 1]!;
    const line = rowLines[k + 1]!;
    lines[k] = line;
    const a = parseNumber(row[source === 'xy' ? ix : ilat]);
    const b = parseNumber(row[source === 'xy' ? iy : ilon]);
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      const names = source === 'xy' ? 'x,y' : 'lat,lon';
      throw new CliError(
        `${file}: line ${line}: cannot parse ${names} ("${row[source === 'xy' ? ix : ilat] ?? ''}", "${row[source === 'xy' ? iy : ilon] ?? ''}")`,
      );
    }
    if (source === 'latlon') {
      if (!isInSwerefArea(a, b)) {
        throw new CliError(
          `${file}: line ${line}: lat=${a}, lon=${b} is outside SWEREF 99 TM's valid area (Sweden: lat 54.96..69.07, lon 10.03..24.17)`,
        );
      }
      const p = wgs84ToSweref99tm(a, b);
      x[k] = p.x;
      y[k] = p.y;
    } else {
      if (options.crs === 'sweref99tm' && !isInSwerefBounds(a, b)) {
        throw new CliError(
          `${file}: line ${line}: x=${a}, y=${b} is outside SWEREF 99 TM's valid area (x 181896..1086313, y 6090353..7689479); ` +
            'use --crs projected for other projected coordinates in metres',
        );
      }
      x[k] = a;
      y[k] = b;
    }
    if (options.needDates) {
      const raw = row[idate] ?? '';
      const d = parseDay(raw, options.dateFormat);
      if (d === undefined) {
        throw new CliError(
          `${file}: line ${line}: cannot parse date "${raw}" in column "${options.dateColumn}" as ${options.dateFormat}`,
        );
      }
      days[k] = d;
    }
  }
  return { x, y, days, lines, source };
}
