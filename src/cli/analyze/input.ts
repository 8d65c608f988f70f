/**
 * Reading event CSVs for `samtrygg analyze` (contract: header row; `x,y` in SWEREF 99 TM metres,
 * or any projected metres with `--crs projected`; or `lat,lon` in WGS84, projected to SWEREF 99 TM;
 * a date column where time matters). The bytes are parsed by csv/csv-scanner.ts into typed arrays.
 *
 * Dates become whole-day numbers (days since 1970-01-01). ISO 8601 timestamps use the calendar date
 * as written (see csv/byte-values.ts). `--date-format dd/mm/yyyy` (or mm/dd/yyyy) reads day-first
 * (month-first) dates such as the Chicago file's `date_single`.
 */
import { existsSync } from 'node:fs';
import { isInSwerefArea, isInSwerefBounds } from '../../analysis/sweref-bounds.ts';
import { CliError } from './errors.ts';
import type { DateFormat } from './csv/byte-values.ts';
import {
  CsvFormatError,
  CsvReader,
  CsvValueError,
  fileSource,
  type ColumnRequest,
  type CsvDialect,
  type ScanResult,
} from './csv/csv-scanner.ts';

export type { DateFormat } from './csv/byte-values.ts';
export type Crs = 'sweref99tm' | 'projected';

export interface ReadOptions {
  crs: Crs;
  needDates: boolean;
  dateColumn: string;
  dateFormat: DateFormat;
  /** A column naming each event's place or area (`--by`), read as text. */
  keyColumn?: string;
}

export interface Events {
  x: Float64Array;
  y: Float64Array;
  /** Whole-day numbers; empty when dates were not requested. */
  days: Int32Array;
  /** 1-based CSV line of event k, for messages. */
  lineOf: (k: number) => number;
  source: 'xy' | 'latlon';
  /** Place/area of each event (index into `names`) when a key column was asked for. */
  keys?: { ids: Int32Array; names: string[] };
  dialect: CsvDialect;
}

/** One line for stderr saying how the file was read (so a misread file is noticed). */
export function describeDialect(file: string, rows: number, d: CsvDialect): string {
  const sep = d.delimiter === '\t' ? 'tab' : `'${d.delimiter}'`;
  const decimals = d.decimalComma ? ', decimal comma or point' : '';
  const enc = d.encoding === 'utf-8' ? (d.bom ? 'UTF-8 with BOM' : 'UTF-8') : 'Latin-1';
  return `input: ${file}: ${rows} rows, ${sep}-separated${decimals}, ${enc}`;
}

function open(file: string): CsvReader {
  if (!existsSync(file)) throw new CliError(`cannot read input file ${file}: no such file`);
  try {
    return new CsvReader(fileSource(file));
  } catch (e) {
    if (e instanceof CsvFormatError) throw new CliError(`${file}: ${e.message}`);
    throw new CliError(`cannot read input file ${file}: ${(e as Error).message}`);
  }
}

export async function readEvents(
  file: string,
  options: ReadOptions,
  warn: (message: string) => void = () => {},
): Promise<Events> {
  const reader = open(file);
  const header = reader.header.map((h) => h.toLowerCase());
  if (header.length === 0) throw new CliError(`${file}: empty file (a header row is required)`);
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const found = reader.header.join(', ');
  let source: 'xy' | 'latlon';
  let a = col('x');
  let b = col('y');
  if (a >= 0 && b >= 0) source = 'xy';
  else if (col('lat') >= 0 && col('lon') >= 0) {
    source = 'latlon';
    a = col('lat');
    b = col('lon');
  } else {
    const hint =
      reader.dialect.delimiter === ',' && /[;\t]/.test(found)
        ? ' (is the file separated by something other than commas?)'
        : '';
    throw new CliError(
      `${file}: missing coordinate columns: need "x,y" or "lat,lon" in the header (found: ${found})${hint}`,
    );
  }
  const idate = col(options.dateColumn);
  if (options.needDates && idate < 0) {
    throw new CliError(
      `${file}: missing date column "${options.dateColumn}" (found: ${found}); choose one with --date-column`,
    );
  }
  const ikey = options.keyColumn === undefined ? -1 : col(options.keyColumn);
  if (options.keyColumn !== undefined && ikey < 0)
    throw new CliError(`${file}: missing column "${options.keyColumn}" named by --by (found: ${found})`);
  if (source === 'latlon' && options.crs === 'projected') {
    throw new CliError(`${file}: --crs projected applies to x,y columns; lat,lon input is always WGS84`);
  }

  const requests: ColumnRequest[] = [
    { index: a, kind: 'number' },
    { index: b, kind: 'number' },
  ];
  if (options.needDates) requests.push({ index: idate, kind: 'day', format: options.dateFormat });
  if (ikey >= 0) requests.push({ index: ikey, kind: 'key' });

  let scan: ScanResult;
  try {
    scan = reader.scan(requests);
  } catch (e) {
    if (e instanceof CsvFormatError) throw new CliError(`${file}: ${e.message}`);
    if (e instanceof CsvValueError) {
      if (e.column === idate && options.needDates)
        throw new CliError(
          `${file}: line ${e.line}: cannot parse date "${e.raw[2]}" in column "${options.dateColumn}" as ${options.dateFormat}`,
        );
      const names = source === 'xy' ? 'x,y' : 'lat,lon';
      throw new CliError(`${file}: line ${e.line}: cannot parse ${names} ("${e.raw[0]}", "${e.raw[1]}")`);
    }
    throw e;
  }
  warn(describeDialect(file, scan.rows, scan.dialect));
  if (scan.dialect.encoding === 'latin-1') {
    warn(
      `warning: ${file} is not UTF-8 (first seen on line ${scan.dialect.latin1Line}); read as Latin-1 ` +
        '(Windows-1252). Save it as "CSV UTF-8" to be sure of å, ä and ö.',
    );
  }
  const [xs, ys] = [scan.columns[0]!, scan.columns[1]!] as { kind: 'number'; values: Float64Array }[];
  const events: Events = {
    x: xs!.values,
    y: ys!.values,
    days: options.needDates ? (scan.columns[2] as { values: Int32Array }).values : new Int32Array(0),
    lineOf: scan.lineOf,
    source,
    dialect: scan.dialect,
  };
  const keyColumn = scan.columns[requests.length - 1];
  if (ikey >= 0 && keyColumn?.kind === 'key') events.keys = { ids: keyColumn.ids, names: keyColumn.names };
  if (source === 'latlon') await projectLatLon(file, events);
  else if (options.crs === 'sweref99tm') checkSweref(file, events);
  return events;
}

function checkSweref(file: string, ev: Events): void {
  for (let k = 0; k < ev.x.length; k++) {
    if (!isInSwerefBounds(ev.x[k]!, ev.y[k]!)) {
      throw new CliError(
        `${file}: line ${ev.lineOf(k)}: x=${ev.x[k]}, y=${ev.y[k]} is outside SWEREF 99 TM's valid area (x 181896..1086313, y 6090353..7689479); ` +
          'use --crs projected for other projected coordinates in metres',
      );
    }
  }
}

/** lat,lon (read into x and y) to SWEREF 99 TM in place; proj4 is loaded only for such files. */
async function projectLatLon(file: string, ev: Events): Promise<void> {
  const { wgs84ToSweref99tm } = await import('../../analysis/projection.ts');
  for (let k = 0; k < ev.x.length; k++) {
    const lat = ev.x[k]!;
    const lon = ev.y[k]!;
    if (!isInSwerefArea(lat, lon)) {
      throw new CliError(
        `${file}: line ${ev.lineOf(k)}: lat=${lat}, lon=${lon} is outside SWEREF 99 TM's valid area (Sweden: lat 54.96..69.07, lon 10.03..24.17)`,
      );
    }
    const p = wgs84ToSweref99tm(lat, lon);
    ev.x[k] = p.x;
    ev.y[k] = p.y;
  }
}
