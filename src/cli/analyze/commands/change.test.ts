import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../cli-test-support.ts';

const files = tempFiles();
afterAll(() => files.remove());

/** `n` events of an area on the given dates, all inside one 500 m cell around (x, y). */
function events(area: string, x: number, y: number, dates: string[]): string[] {
  return dates.map((d, i) => `${area};${x + (i % 5) * 20},5;${y + Math.floor(i / 5) * 20};${d}`);
}
const jan = (d: number) => `2026-01-${String(d).padStart(2, '0')}`;
const feb = (d: number) => `2026-02-${String(d).padStart(2, '0')}`;

// Period 1 = 2026-01-01..01-30 (30 days), period 2 = 01-31..03-01 (30 days).
const text = [
  'område;x;y;date',
  ...events('Alby', 670_100, 6_570_100, [jan(3), jan(20), ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(feb)]),
  ...events('Flemingsberg', 671_100, 6_570_100, [
    jan(2),
    jan(5),
    jan(9),
    jan(12),
    jan(30),
    feb(1),
    feb(3),
    feb(14),
    feb(20),
    '2026-03-01',
  ]),
  ...events('Skogås', 672_100, 6_570_100, [feb(2), feb(4), feb(6), feb(8)]),
  ...events('Skogås', 672_100, 6_570_100, ['2025-12-31']),
].join('\n');

interface Unit {
  key?: string;
  col?: number;
  count1: number;
  count2: number;
  expected2: number;
  p: number;
  q: number;
  direction: string;
  significant: boolean;
}
interface ChangeOutput {
  period1: { from: string; to: string; days: number; events: number };
  period2: { from: string; to: string; days: number; events: number };
  ignoredEvents: number;
  units: Unit[];
}

describe('samtrygg analyze change', () => {
  const file = files.write('two-periods.csv', text + '\n');
  const period = ['--from', '2026-01-01', '--split-date', '2026-01-31', '--to', '2026-03-01'];

  it('gives the hand-computed exact p-values per area', async () => {
    const r = await runCli(['change', '--input', file, ...period, '--by', 'område', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as ChangeOutput;
    expect(out.period1).toEqual({ from: '2026-01-01', to: '2026-01-30', days: 30, events: 7 });
    expect(out.period2).toEqual({ from: '2026-01-31', to: '2026-03-01', days: 30, events: 19 });
    expect(out.ignoredEvents).toBe(1);
    expect(out.units.map((u) => u.key)).toEqual(['Alby', 'Flemingsberg', 'Skogås']);
    const [alby, flemingsberg, skogas] = out.units as [Unit, Unit, Unit];
    // Alby 2 -> 10 in equal periods: 2 P(X >= 10 | Bin(12, 1/2)) = 2 (66 + 12 + 1) / 4096.
    expect(alby).toMatchObject({ count1: 2, count2: 10, expected2: 6, direction: 'up' });
    expect(alby.p).toBeCloseTo(158 / 4096, 12);
    // Flemingsberg 5 -> 5: p = 1. Skogås 0 -> 4: 2 / 2^4 = 0.125.
    expect(flemingsberg.p).toBe(1);
    expect(skogas.p).toBeCloseTo(0.125, 12);
    // BH over three areas: Alby's q = 3 p / 1; none passes 0.05.
    expect(alby.q).toBeCloseTo((3 * 158) / 4096, 12);
    expect(out.units.some((u) => u.significant)).toBe(false);
    expect(r.err).toContain('1 events lie outside 2026-01-01..2026-03-01');
  });

  it('weighs unequal periods and tests grid cells the same way', async () => {
    // 2026-01-19..01-30 (12 days) against 01-31..02-05 (6 days): Alby has 1 then 5 events, so
    // the count is Bin(6, 1/3) and P(X >= 5) = (6 x 2 + 1) / 3^6; nothing below is as unlikely.
    const args = ['--from', '2026-01-19', '--split-date', '2026-01-31', '--to', '2026-02-05'];
    const byArea = JSON.parse(
      (await runCli(['change', '--input', file, ...args, '--by', 'område'])).out,
    ) as ChangeOutput;
    const alby = byArea.units.find((u) => u.key === 'Alby')!;
    expect(alby).toMatchObject({ count1: 1, count2: 5 });
    expect(alby.p).toBeCloseTo(13 / 729, 12);
    const byCell = await runCli(['change', '--input', file, ...args, '--cell-size', '500']);
    expect(byCell.code).toBe(0);
    const cells = (JSON.parse(byCell.out) as ChangeOutput & { untestedCells: number }).units;
    const albyCell = cells.find((u) => u.col === Math.floor(670_100 / 500))!;
    expect(albyCell.p).toBeCloseTo(13 / 729, 12);
    expect(cells).toHaveLength(byArea.units.filter((u) => u.count1 + u.count2 > 0).length);
  });

  it('the Poisson variant takes period 1 as a known rate; bad options are refused', async () => {
    const r = await runCli(['change', '--input', file, ...period, '--by', 'område', '--test', 'poisson']);
    const skogas = (JSON.parse(r.out) as ChangeOutput).units.find((u) => u.key === 'Skogås')!;
    expect(skogas).toMatchObject({ expected2: 0, p: 0 });
    const both = await runCli(['change', '--input', file, ...period, '--by', 'område', '--cell-size', '500']);
    expect([both.code, both.err]).toEqual([2, expect.stringMatching(/either --by COLUMN .* or --cell-size M/)]);
    const early = await runCli(['change', '--input', file, '--split-date', '2025-01-01', '--by', 'område']);
    expect([early.code, early.err]).toEqual([2, expect.stringMatching(/must lie after the first day/)]);
    const missing = await runCli(['change', '--input', file, ...period, '--by', 'kommundel']);
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/missing column "kommundel"/)]);
  });
});
