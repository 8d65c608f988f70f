/**
 * Numbers and dates parsed straight from a CSV's bytes, so a million-row file needs no per-field
 * string (the fast reader in csv-scanner.ts hands over byte ranges). Written by hand because the
 * CSV libraries we have (csv-parse) build a string per field and an array per row: on 1,000,000
 * rows that was 6 s and 850 MiB (issue 17).
 *
 * Numbers: optional sign, digits with one decimal mark ('.' or, in a ';'-separated file, ','),
 * optional exponent. Exactness: the digits are gathered into an integer mantissa m; when m < 2^53
 * and the power of ten |k| <= 22, m * 10^k (or m / 10^-k) is one correctly rounded IEEE operation on
 * two exact values (Clinger 1990, "How to read floating point numbers accurately", the fast path),
 * so the result equals Number(text). Anything longer falls back to Number() on the text.
 */

import { civilDay } from '../../../analysis/calendar.ts';

export { civilDay } from '../../../analysis/calendar.ts';

/** 10^0 .. 10^22: every one exactly representable as a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_EXACT = 9007199254740991; // 2^53 - 1

const isSpace = (c: number) => c === 0x20 || c === 0x09;

/** [start, end) without surrounding spaces and tabs. */
export function trimRange(buf: Uint8Array, start: number, end: number): [number, number] {
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  return [start, end];
}

function slowNumber(buf: Uint8Array, start: number, end: number): number {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i] === 0x2c ? 0x2e : buf[i]!);
  return Number(s);
}

/**
 * The number in buf[start, end) (spaces around it allowed), or NaN when it is not a plain decimal
 * number. `decimalComma` also accepts ',' as the decimal mark.
 */
export function parseNumber(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  // Trimmed in place (no [start, end] pair per field: a million rows would churn the young heap).
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  let i = start;
  let negative = false;
  if (i < end && (buf[i] === 0x2d || buf[i] === 0x2b)) negative = buf[i++] === 0x2d;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let point = false;
  let exact = true;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      if (point) fractionDigits++;
      mantissa = mantissa * 10 + (c - 0x30);
      if (mantissa > MAX_EXACT) exact = false;
    } else if (c === 0x2e || (decimalComma && c === 0x2c)) {
      if (point) return NaN;
      point = true;
    } else break;
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (i < end) {
    if (buf[i] !== 0x65 && buf[i] !== 0x45) return NaN; // e / E
    i++;
    let expNegative = false;
    if (i < end && (buf[i] === 0x2d || buf[i] === 0x2b)) expNegative = buf[i++] === 0x2d;
    const expStart = i;
    for (; i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39; i++) exponent = exponent * 10 + (buf[i]! - 0x30);
    if (i === expStart || i < end) return NaN;
    if (expNegative) exponent = -exponent;
  }
  const k = exponent - fractionDigits;
  if (!exact || k > 22 || k < -22) return slowNumber(buf, start, end);
  const value = k === 0 ? mantissa : k > 0 ? mantissa * POW10[k]! : mantissa / POW10[-k]!;
  return negative ? -value : value;
}

function digitsAt(buf: Uint8Array, i: number, n: number, end: number): number {
  if (i + n > end) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = buf[i + k]!;
    if (c < 0x30 || c > 0x39) return -1;
    v = v * 10 + (c - 0x30);
  }
  return v;
}

/** `HH:MM[:SS[.f+]][Z|±HH[[:]MM]]` exactly filling [i, end). */
function isTimeSuffix(buf: Uint8Array, i: number, end: number): boolean {
  if (digitsAt(buf, i, 2, end) < 0 || buf[i + 2] !== 0x3a || digitsAt(buf, i + 3, 2, end) < 0) return false;
  i += 5;
  if (i < end && buf[i] === 0x3a) {
    if (digitsAt(buf, i + 1, 2, end) < 0) return false;
    i += 3;
    if (i < end && buf[i] === 0x2e) {
      const from = ++i;
      while (i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
      if (i === from) return false;
    }
  }
  if (i === end) return true;
  if (buf[i] === 0x5a) return i + 1 === end; // Z
  if (buf[i] !== 0x2b && buf[i] !== 0x2d) return false;
  if (digitsAt(buf, i + 1, 2, end) < 0) return false;
  i += 3;
  if (i === end) return true;
  if (buf[i] === 0x3a) i++;
  return digitsAt(buf, i, 2, end) >= 0 && i + 2 === end;
}

export type DateFormat = 'iso' | 'dd/mm/yyyy' | 'mm/dd/yyyy';

/**
 * Whole-day number of the date in buf[start, end), or NaN. ISO 8601 uses the calendar date as
 * written (the part before `T` or a space), without time-zone conversion: the Knox test works in
 * whole days and must not move a late-evening event to the next day.
 */
export function parseDay(buf: Uint8Array, start: number, end: number, format: DateFormat): number {
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  if (format === 'iso') {
    const y = digitsAt(buf, start, 4, end);
    const m = digitsAt(buf, start + 5, 2, end);
    const d = digitsAt(buf, start + 8, 2, end);
    if (y < 0 || m < 0 || d < 0 || buf[start + 4] !== 0x2d || buf[start + 7] !== 0x2d) return NaN;
    const rest = start + 10;
    if (rest !== end && !((buf[rest] === 0x54 || buf[rest] === 0x20) && isTimeSuffix(buf, rest + 1, end))) return NaN;
    return civilDay(y, m, d);
  }
  // d/m/yyyy or m/d/yyyy with one- or two-digit day and month.
  const parts: number[] = [];
  let i = start;
  for (let p = 0; p < 3; p++) {
    const from = i;
    let v = 0;
    while (i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39) v = v * 10 + (buf[i++]! - 0x30);
    const width = i - from;
    if (p < 2 ? width < 1 || width > 2 || buf[i++] !== 0x2f : width !== 4 || i !== end) return NaN;
    parts.push(v);
  }
  const [a, b, year] = parts as [number, number, number];
  return format === 'dd/mm/yyyy' ? civilDay(year, b, a) : civilDay(year, a, b);
}

/** parseDay on a string (command-line dates such as --split-date). */
export function parseDayText(text: string, format: DateFormat = 'iso'): number {
  const bytes = new TextEncoder().encode(text);
  return parseDay(bytes, 0, bytes.length, format);
}
