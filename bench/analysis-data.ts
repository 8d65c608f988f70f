/** Inputs for the analysis benchmarks: the Chicago burglary file, its 2014 subset, and generated points. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { streamRng } from '../src/analysis/random.ts';
import { repoRoot } from './support.ts';

export const CHICAGO = path.resolve(repoRoot, '../shared/data/chicago/chicago_burglary_2014_2017.csv');

export interface Chicago {
  x: Float64Array;
  y: Float64Array;
  days: Int32Array;
  year: Int32Array;
}

export function chicagoAvailable(): boolean {
  return existsSync(CHICAGO);
}

export function loadChicago(): Chicago {
  const lines = readFileSync(CHICAGO, 'utf8').trim().split('\n').slice(1);
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
    c.days[i] = Date.UTC(yy!, mm! - 1, dd!) / 86_400_000;
    c.year[i] = yy!;
  });
  return c;
}

/** The 2014 rows of the Chicago file, unchanged, as a CSV of their own. */
export function writeChicago2014(file: string): void {
  const [header, ...rows] = readFileSync(CHICAGO, 'utf8').trim().split('\n');
  writeFileSync(file, [header, ...rows.filter((r) => r.endsWith('/2014'))].join('\n') + '\n');
}

/** `n` points over 20 x 20 km in SWEREF 99 TM (Huddinge-sized), 60 % in 40 Gaussian clusters. */
export function generatedPoints(n: number): { x: Float64Array; y: Float64Array } {
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

/** The generated points as an x,y CSV with centimetre precision (about 21 MB for a million). */
export function writePointsCsv(file: string, points: { x: Float64Array; y: Float64Array }): void {
  const parts: string[] = ['x,y\n'];
  for (let i = 0; i < points.x.length; i++) parts.push(`${points.x[i]!.toFixed(2)},${points.y[i]!.toFixed(2)}\n`);
  writeFileSync(file, parts.join(''));
}
