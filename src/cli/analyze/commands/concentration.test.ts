import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../cli-test-support.ts';

const files = tempFiles();
afterAll(() => files.remove());

describe('samtrygg analyze concentration', () => {
  it('gives the top shares and the Gini of cells and of places', async () => {
    const rows = ['x;y;plats'];
    // 10 reports at Huddinge C, 5 at Flemingsberg, 1 each at three other places.
    const at = (name: string, x: number, n: number) => {
      for (let k = 0; k < n; k++) rows.push(`${x + k};6570100;${name}`);
    };
    at('Huddinge C', 670_100, 10);
    at('Flemingsberg', 671_100, 5);
    at('Stuvsta', 672_100, 1);
    at('Snättringe', 673_100, 1);
    at('Skogås', 674_100, 1);
    const file = files.write('places.csv', rows.join('\n') + '\n');
    const byPlace = await runCli(['concentration', '--input', file, '--by', 'plats', '--shares', '0.2,0.4']);
    expect(byPlace.code).toBe(0);
    const p = JSON.parse(byPlace.out) as {
      units: number;
      events: number;
      shares: { units: number; events: number }[];
      gini: number;
      top: { key: string; count: number }[];
    };
    expect(p).toMatchObject({ units: 5, events: 18 });
    expect(p.shares.map((s) => [s.units, s.events])).toEqual([
      [1, 10],
      [2, 15],
    ]);
    // Ascending 1, 1, 1, 5, 10: sum (2i - 6) x_i = -4 - 2 + 0 + 10 + 40 = 44; G = 44 / (5 x 18).
    expect(p.gini).toBeCloseTo(44 / 90, 12);
    expect(p.top[0]).toEqual({ key: 'Huddinge C', count: 10 });
    const byCell = await runCli(['concentration', '--input', file, '--cell-size', '1000']);
    const c = JSON.parse(byCell.out) as { units: number; unitsWithEvents: number; lorenz: number[][] };
    expect(c).toMatchObject({ units: 5, unitsWithEvents: 5 });
    expect(c.lorenz).toHaveLength(101);
  });
});
