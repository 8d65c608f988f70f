import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilDay, parseDayText, parseNumber } from './byte-values.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const num = (s: string, comma = false) => parseNumber(bytes(s), 0, bytes(s).length, comma);

describe('parseNumber', () => {
  it('equals Number() on every double written out, on the fast path and off it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(num(String(v))).toBe(Number(String(v)));
        expect(num(v.toFixed(2))).toBe(Number(v.toFixed(2)));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads coordinates as the files write them', () => {
    expect(num('365535.5205650503')).toBe(365535.5205650503);
    expect(num(' 6571234.25 ')).toBe(6571234.25);
    expect(num('674123,5', true)).toBe(674123.5);
    expect(num('-1.5e3')).toBe(-1500);
    expect(num('+7')).toBe(7);
    expect(num('.5')).toBe(0.5);
  });

  it('refuses what is not a plain number', () => {
    for (const bad of ['', ' ', 'abc', '1.2.3', '674123,5', '0x10', 'Infinity', 'NaN', '1e', '1 000', '1,5,0', '--1']) {
      expect(Number.isNaN(num(bad)), bad).toBe(true);
    }
    expect(Number.isNaN(num('1,5,0', true))).toBe(true);
  });
});

describe('parseDay', () => {
  it('counts days like Date.UTC for every valid date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1800-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDayText(iso)).toBe(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000);
      }),
      { numRuns: 2000 },
    );
  });

  it('uses the written date of ISO timestamps and refuses impossible dates', () => {
    expect(parseDayText('2026-03-01T23:30:00+01:00')).toBe(civilDay(2026, 3, 1));
    expect(parseDayText('2026-03-01 23:30')).toBe(civilDay(2026, 3, 1));
    expect(parseDayText('2026-03-01T23:30:00.123Z')).toBe(civilDay(2026, 3, 1));
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-01', '2026-03-01T25', '2026-03-01x', '2024-02-30'])
      expect(Number.isNaN(parseDayText(bad)), bad).toBe(true);
    expect(parseDayText('2024-02-29')).toBe(civilDay(2024, 2, 29));
  });

  it('reads day-first and month-first slashed dates', () => {
    expect(parseDayText('01/02/2014', 'dd/mm/yyyy')).toBe(civilDay(2014, 2, 1));
    expect(parseDayText('1/2/2014', 'mm/dd/yyyy')).toBe(civilDay(2014, 1, 2));
    expect(Number.isNaN(parseDayText('29/02/2014', 'dd/mm/yyyy'))).toBe(true);
    expect(Number.isNaN(parseDayText('01/02/14', 'dd/mm/yyyy'))).toBe(true);
  });
});
