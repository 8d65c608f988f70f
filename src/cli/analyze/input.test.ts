import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempFiles } from './cli-test-support.ts';

const files = tempFiles();
afterAll(() => files.remove());

const rows = [
  [674123.5, 6571234.25, '2026-01-05'],
  [674180.25, 6571260.5, '2026-01-06'],
  [674600, 6571900.75, '2026-01-20'],
  [675400.5, 6572400, '2026-02-02'],
] as const;

const cellsOf = (out: string) => (JSON.parse(out) as { cells: { col: number; row: number; count: number }[] }).cells;

describe('CSV as Swedes write it', () => {
  it('reads Swedish Excel (semicolons, decimal commas, BOM, CRLF) exactly like the plain comma file', async () => {
    const plain = files.write('plain.csv', 'x,y,date\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
    const swedish = files.write(
      'excel.csv',
      '\ufeffx;y;date\r\n' +
        rows.map((r) => r.map((v) => String(v).replace('.', ',')).join(';')).join('\r\n') +
        '\r\n;;\r\n',
    );
    const a = await runCli(['hotspots', '--input', plain, '--cell-size', '250']);
    const b = await runCli(['hotspots', '--input', swedish, '--cell-size', '250']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect(cellsOf(b.out).reduce((n, c) => n + c.count, 0)).toBe(4);
    expect(b.err).toContain("4 rows, ';'-separated, decimal comma or point, UTF-8 with BOM");
    expect(a.err).toContain("4 rows, ','-separated, UTF-8");
  });

  it('refuses rows with the wrong number of columns and names their lines', async () => {
    const file = files.write(
      'ragged.csv',
      'x,y,date\n674123.5,6571234.25,2026-01-05\n674180,6571260,2026-01-06,extra\n674600,6571900\n674700,6571950,2026-01-07\n',
    );
    const r = await runCli(['hotspots', '--input', file, '--cell-size', '250']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2 rows have the wrong number of columns (the header has 3): lines 3, 4');
    expect(r.out).toBe('');
  });

  it('says when a file is Latin-1, and still reads it', async () => {
    const text = 'x;y;område\n674123,5;6571234;Skogås\n674180;6571260;Skogås\n674600;6571900;Trångsund\n';
    const file = files.write(
      'latin1.csv',
      Uint8Array.from(text, (ch) => ch.charCodeAt(0)),
    );
    const r = await runCli(['hotspots', '--input', file, '--cell-size', '250']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('is not UTF-8 (first seen on line 1); read as Latin-1');
  });

  it('hints at the separator when the header is not split', async () => {
    const file = files.write('pipes.csv', 'x|y\n1|2\n');
    const r = await runCli(['hotspots', '--input', file, '--cell-size', '250']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing coordinate columns: need "x,y" or "lat,lon" in the header (found: x|y)');
  });
});
