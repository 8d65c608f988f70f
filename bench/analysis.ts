/**
 * Analysis engine benchmarks (issues 4 and 17). First the three whole-process ratios against the
 * numpy/scipy scripts (analysis-process.ts), then in-process figures of the engine itself.
 * Wall-clock figures on a shared machine are noisy; they are printed, never asserted.
 */
import { availableParallelism, loadavg } from 'node:os';
import { knoxTestParallel } from '../src/analysis/knox-parallel.ts';
import { giStarHotspotsParallel } from '../src/analysis/gistar-parallel.ts';
import { quarticKde } from '../src/analysis/kde.ts';
import { chicagoAvailable, generatedPoints, loadChicago } from './analysis-data.ts';
import { runProcessComparisons } from './analysis-process.ts';
import { runAppAnalysisBenchmarks } from './analysis-app.ts';

/** Wall time, plus process CPU time (all threads) so contention from other users shows up. */
async function timed<T>(fn: () => T | Promise<T>): Promise<{ seconds: number; cpu: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, value };
}

export async function runAnalysisBenchmarks(log: (line: string) => void): Promise<void> {
  const line = (name: string, r: { seconds: number; cpu: number }, target: number, note = '') =>
    log(
      `${name.padEnd(66)} ${r.seconds.toFixed(3).padStart(8)} s   target < ${target} s${r.seconds > target ? ' (OVER TARGET)' : ''}` +
        `   [cpu ${r.cpu.toFixed(2)} s${note ? `, ${note}` : ''}]`,
    );
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  log(
    `analysis benchmarks: ${availableParallelism()} cores, load average ${load()} (shared machine: figures are noisy)`,
  );

  await runProcessComparisons(log);
  await runAppAnalysisBenchmarks(log);

  log(`in-process engine figures (load average ${load()}):`);
  if (chicagoAvailable()) {
    const all = loadChicago();
    const nr = await timed(() =>
      knoxTestParallel(all.x, all.y, all.days, {
        spaceBand: 100,
        spaceBands: 5,
        timeBand: 7,
        timeBands: 5,
        iterations: 999,
        seed: 1,
      }),
    );
    line(
      `near-repeat Chicago 2014-17 (${all.x.length} ev), 5x100 m, 5x7 d, 999 it`,
      nr,
      30,
      `${nr.value.closePairs} close pairs, ${nr.value.workers} thread(s)`,
    );
  }
  const pts = generatedPoints(1_000_000);
  const g = await timed(() => giStarHotspotsParallel(pts.x, pts.y, { cellSize: 100, permutations: 999, seed: 1 }));
  line(
    'Gi* 1,000,000 points, 100 m grid, 999 permutations',
    g,
    20,
    `${g.value.cells.length} cells, ${g.value.workers} thread(s)`,
  );
  const k = await timed(() =>
    quarticKde(pts.x, pts.y, {
      cellSize: 20,
      bandwidth: 200,
      bbox: { minX: 660_000, minY: 6_560_000, maxX: 679_999, maxY: 6_579_999 },
    }),
  );
  line(
    'KDE 1,000,000 points -> 1000 x 1000 raster (20 m cells, h = 200 m)',
    k,
    2,
    `${k.value.nCols} x ${k.value.nRows}`,
  );
}
