import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../cli-test-support.ts';

const files = tempFiles();
afterAll(() => files.remove());

/** 12 weeks from Monday 2026-01-05: a thin background, and from week 10 on a cluster at one cell. */
function events(): string {
  let s = 7;
  const rnd = () => (s = (Math.imul(1103515245, s) + 12345) >>> 0) / 4294967296;
  const rows = ['x,y,date'];
  const day = (week: number, d: number) => new Date(Date.UTC(2026, 0, 5 + week * 7 + d)).toISOString().slice(0, 10);
  for (let week = 0; week < 12; week++) {
    for (let k = 0; k < 40; k++)
      rows.push(`${670_000 + Math.round(rnd() * 3000)},${6_570_000 + Math.round(rnd() * 3000)},${day(week, k % 7)}`);
    if (week >= 9) for (let k = 0; k < 15; k++) rows.push(`${671_520 + k},${6_571_530 + k},${day(week, k % 7)}`);
  }
  return rows.join('\n') + '\n';
}

interface Out {
  timeSteps: { from: string; to: string }[];
  categories: Record<string, number>;
  cells: { col: number; row: number; category: string; hotBins: number }[];
}

describe('samtrygg analyze emerging', () => {
  const input = files.write('weeks.csv', events());

  it('calls a cluster of the last three weeks a consecutive hot spot, by Monday weeks', async () => {
    const r = await runCli([
      'emerging',
      '--input',
      input,
      '--cell-size',
      '250',
      '--interval',
      'week',
      '--min-count',
      '3',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Out;
    expect(out.timeSteps).toHaveLength(12);
    expect(out.timeSteps[0]).toEqual({ from: '2026-01-05', to: '2026-01-11' });
    const cell = out.cells.find((c) => c.col === Math.floor(671_520 / 250) && c.row === Math.floor(6_571_530 / 250))!;
    expect(cell.category).toBe('consecutive-hot');
    expect(cell.hotBins).toBe(3);
    expect(out.categories['consecutive-hot']).toBeGreaterThan(0);
    expect(Object.values(out.categories).reduce((a, b) => a + b, 0)).toBe(out.cells.length);
  });

  it('needs enough time steps and says so', async () => {
    const r = await runCli(['emerging', '--input', input, '--cell-size', '250', '--interval', 'month']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/at least 5 time steps; the data span 3 months/)]);
  });
});
