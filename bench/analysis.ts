/**
 * Analysis engine benchmarks (issue 4). Prints one line per figure: name, measured value, target.
 * Wall-clock figures on a shared machine are noisy; they are printed, never asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import { knoxTestParallel } from '../src/analysis/knox-parallel.ts';
import { giStarHotspots } from '../src/analysis/gistar.ts';
import { giStarHotspotsParallel } from '../src/analysis/gistar-parallel.ts';
import { quarticKde } from '../src/analysis/kde.ts';
import { streamRng } from '../src/analysis/random.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Chicago {
  x: Float64Array;
  y: Float64Array;
  days: Int32Array;
  year: Int32Array;
}

function loadChicago(file: string): Chicago {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  const n = lines.length;
  const c: Chicago = {
    x: new Float64Array(n),
    y: new Float64Array(n),
    days: new Int32Array(n),
    year: new Int32Array(n),
  };
  lines.forEach((line, i) => {
    const [x, y, d] = line.split(',');
    const [dd, mm, yy] = d!.split('/').map(Number);
    c.x[i] = Number(x);
    c.y[i] = Number(y);
    c.days[i] = Date.UTC(yy!, mm! - 1, dd) / 86_400_000;
    c.year[i] = yy!;
  });
  return c;
}

/** 1,000,000 points over 20 x 20 km in SWEREF 99 TM (Huddinge-sized), 60 % in 40 Gaussian clusters. */
function generatedPoints(n: number): { x: Float64Array; y: Float64Array } {
  const rng = streamRng(2026, 0);
  const u = () => (rng.next() >>> 0) / 4294967296;
  const x0 = 660_000;
  const y0 = 6_560_000;
  const span = 20_000;
  const centres = Array.from(
    { length: 40 },
    () => [x0 + 2000 + u() * (span - 4000), y0 + 2000 + u() * (span - 4000)] as const,
  );
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (u() < 0.6) {
      const [cx, cy] = centres[i % centres.length]!;
      // Box–Muller, sigma 300 m, clamped to the area
      const r = 300 * Math.sqrt(-2 * Math.log(1 - u()));
      const a = 2 * Math.PI * u();
      x[i] = Math.min(x0 + span - 1, Math.max(x0, cx + r * Math.cos(a)));
      y[i] = Math.min(y0 + span - 1, Math.max(y0, cy + r * Math.sin(a)));
    } else {
      x[i] = x0 + u() * span;
      y[i] = y0 + u() * span;
    }
  }
  return { x, y };
}

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
  log(
    `analysis benchmarks: ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (shared machine: figures are noisy)`,
  );

  const file = path.resolve(repoRoot, '../shared/data/chicago/chicago_burglary_2014_2017.csv');
  if (!existsSync(file)) {
    log(`analysis: skipping near-repeat benchmarks, ${file} not found`);
  } else {
    const all = loadChicago(file);
    const idx2014: number[] = [];
    for (let i = 0; i < all.x.length; i++) if (all.year[i] === 2014) idx2014.push(i);
    const pick = (a: Float64Array | Int32Array) => idx2014.map((i) => a[i]!);
    const x14 = pick(all.x);
    const y14 = pick(all.y);
    const d14 = pick(all.days);
    const nr1 = await timed(() =>
      knoxTestParallel(x14, y14, d14, {
        spaceBand: 200,
        spaceBands: 1,
        timeBand: 7,
        timeBands: 1,
        iterations: 99,
        seed: 1,
      }),
    );
    line(
      `near-repeat Chicago 2014 (${x14.length} ev), 1x200 m, 1x7 d, 99 it`,
      nr1,
      0.5,
      `${nr1.value.closePairs} close pairs, ${nr1.value.workers} thread(s)`,
    );
    const nr2 = await timed(() =>
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
      nr2,
      30,
      `${nr2.value.closePairs} close pairs, ${nr2.value.workers} thread(s)`,
    );
  }

  const pts = generatedPoints(1_000_000);
  const g1 = await timed(() => giStarHotspots(pts.x, pts.y, { cellSize: 100 }));
  line('Gi* 1,000,000 points, 100 m grid, analytic', g1, 1, `${g1.value.cells.length} cells`);
  const g2 = await timed(() => giStarHotspotsParallel(pts.x, pts.y, { cellSize: 100, permutations: 999, seed: 1 }));
  line(
    'Gi* 1,000,000 points, 100 m grid, 999 permutations',
    g2,
    20,
    `${g2.value.cells.length} cells, ${g2.value.workers} thread(s)`,
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
