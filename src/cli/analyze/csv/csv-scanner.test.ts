import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesSource, CsvFormatError, CsvReader, CsvValueError, type ColumnRequest } from './csv-scanner.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** Reads x, y (numbers), date (ISO day) and an optional key column with a tiny buffer, so rows straddle chunks. */
function read(bytes: Uint8Array, chunk = 7, wanted: string[] = ['x', 'y']) {
  const reader = new CsvReader(bytesSource(bytes), chunk);
  const requests: ColumnRequest[] = wanted.map((name) => {
    const index = reader.header.indexOf(name);
    if (name === 'date') return { index, kind: 'day', format: 'iso' };
    if (name === 'place') return { index, kind: 'key' };
    return { index, kind: 'number' };
  });
  return { reader, result: reader.scan(requests) };
}

const values = (r: ReturnType<typeof read>, k: number) =>
  Array.from((r.result.columns[k] as { values: Float64Array }).values);

describe('CSV dialects', () => {
  it('reads a comma-separated UTF-8 file', () => {
    const r = read(utf8('x,y\n1.5,2\n3,4.25\n'));
    expect(r.reader.dialect).toMatchObject({ delimiter: ',', decimalComma: false, bom: false, encoding: 'utf-8' });
    expect(values(r, 0)).toEqual([1.5, 3]);
    expect(values(r, 1)).toEqual([2, 4.25]);
    expect([0, 1].map(r.result.lineOf)).toEqual([2, 3]);
  });

  it('reads Swedish Excel: semicolons, decimal commas, a BOM, CRLF and trailing separator rows', () => {
    const text = '\ufeffx;y;datum\r\n674123,5;6571234,25;2026-01-05\r\n674200;6571300,5;2026-01-06\r\n;;\r\n;;\r\n';
    const r = read(utf8(text), 5);
    expect(r.reader.header).toEqual(['x', 'y', 'datum']);
    expect(r.reader.dialect).toMatchObject({ delimiter: ';', decimalComma: true, bom: true, encoding: 'utf-8' });
    expect(values(r, 0)).toEqual([674123.5, 674200]);
    expect(values(r, 1)).toEqual([6571234.25, 6571300.5]);
  });

  it('reads tab-separated files and points in a semicolon file', () => {
    expect(values(read(utf8('x\ty\n1,5\t2\n')), 0)).toEqual([1.5]);
    expect(values(read(utf8('x;y\n1.5;2\n')), 0)).toEqual([1.5]);
  });

  it('says when a file is Latin-1 and decodes its text with it', () => {
    const bytes = latin1('x,y,place\n1,2,Skogås\n3,4,Flemingsberg\n5,6,Västra Sjödalen\n');
    const r = read(bytes, 9, ['x', 'y', 'place']);
    expect(r.reader.dialect).toMatchObject({ encoding: 'latin-1', latin1Line: 2 });
    const keys = r.result.columns[2] as { ids: Int32Array; names: string[] };
    expect(keys.names).toEqual(['Skogås', 'Flemingsberg', 'Västra Sjödalen']);
    const ok = read(utf8('x,y,place\n1,2,Skogås\n'), 1024, ['x', 'y', 'place']);
    expect(ok.reader.dialect.encoding).toBe('utf-8');
    expect((ok.result.columns[2] as { names: string[] }).names).toEqual(['Skogås']);
  });

  it('refuses UTF-16 with advice', () => {
    expect(() => new CsvReader(bytesSource(Uint8Array.from([0xff, 0xfe, 0x78, 0, 0x2c, 0])))).toThrow(/UTF-16/);
  });
});

describe('CSV structure', () => {
  it('refuses rows with the wrong number of columns, naming every line', () => {
    const text = 'x,y,date\n1,2,2026-01-01\n1,2\n\n3,4,2026-01-02,extra\n5,6,2026-01-03\n7,8,9,10\n';
    let error: unknown;
    try {
      read(utf8(text), 6, ['x', 'y', 'date']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvFormatError);
    expect((error as Error).message).toBe('3 rows have the wrong number of columns (the header has 3): lines 3, 5, 7');
  });

  it('skips blank lines and keeps line numbers right across quoted line breaks', () => {
    const text = 'x,note,y\n1,"two\nlines, and ""quotes""",2\n\n3,plain,4\n5,"x",oops\n';
    let error: unknown;
    try {
      read(utf8(text), 4);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvValueError);
    expect((error as CsvValueError).line).toBe(6);
    expect((error as CsvValueError).raw).toEqual(['5', 'oops']);
    const fine = read(utf8('x,note,y\n1,"two\nlines",2\n\n3,plain,4\n'), 4);
    expect(values(fine, 0)).toEqual([1, 3]);
    expect([0, 1].map(fine.result.lineOf)).toEqual([2, 5]);
  });

  it('reads quoted numbers and a last row without a line break', () => {
    const r = read(utf8('x;y\n"674123,5";"2"\n1;2'), 3);
    expect(values(r, 0)).toEqual([674123.5, 1]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => read(utf8('x,y\n1,"2\n3,4\n'))).toThrow(/line 2: a quoted field is never closed/);
  });

  it('reads the same values whatever the chunk size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 64 }),
        (rows, chunk) => {
          const text = 'x,y\n' + rows.map(([a, b]) => `${a},${b}`).join('\n') + '\n';
          const r = read(utf8(text), chunk);
          expect(values(r, 0)).toEqual(rows.map(([a]) => Number(String(a))));
          expect(values(r, 1)).toEqual(rows.map(([, b]) => b));
        },
      ),
      { numRuns: 200 },
    );
  });
});
