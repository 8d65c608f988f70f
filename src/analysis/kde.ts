/**
 * Kernel density estimation on a grid with the quartic (biweight) kernel.
 *
 * Source: Silverman, B. W. (1986) "Density Estimation for Statistics and Data Analysis", eq. 4.5,
 * the 2-D biweight kernel K(u) = 3/pi (1 - u'u)^2 for u'u < 1, as used by ArcGIS Kernel Density
 * ("How Kernel Density works", Esri documentation):
 *     density(c) = 1/h^2 * sum_i 3/pi * (1 - (d_i/h)^2)^2   for d_i < h,
 * evaluated at cell centres. Each point contributes mass 1 over the plane, so the raster integrates
 * (sum of values x cell area) to the number of points, up to discretisation and edge effects.
 * Units: events per square metre (multiply by 1e6 for per km^2).
 *
 * Default bandwidth (when none is given): the ArcGIS spatial variant of Silverman's rule of thumb,
 *     h = 0.9 * min(SD, sqrt(1 / ln 2) * Dm) * n^(-0.2),
 * SD = standard distance from the mean centre, Dm = median distance from the mean centre.
 */
import type { BBox, GridSpec } from './grid.ts';
import { gridFromBBox, MAX_GRID_CELLS } from './grid.ts';

export interface KdeOptions {
  cellSize: number;
  /** Search radius h in metres; default: ArcGIS/Silverman rule of thumb. */
  bandwidth?: number;
  /** Raster extent; default: the points' extent padded by the bandwidth (so no mass is cut off). */
  bbox?: BBox;
}

export interface KdeRaster extends GridSpec {
  bandwidth: number;
  bandwidthRule: 'given' | 'arcgis-silverman';
  /** Density at cell centres, events per m^2, row-major from the south-west cell. */
  values: Float64Array;
}

/** ArcGIS's spatial rule-of-thumb bandwidth (see header). Returns 0 for fewer than 2 distinct points. */
export function ruleOfThumbBandwidth(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  const dist = new Float64Array(n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    ss += dx * dx + dy * dy;
    dist[i] = Math.sqrt(dx * dx + dy * dy);
  }
  const sd = Math.sqrt(ss / n);
  dist.sort();
  const dm = n % 2 === 1 ? dist[(n - 1) / 2]! : (dist[n / 2 - 1]! + dist[n / 2]!) / 2;
  return 0.9 * Math.min(sd, Math.sqrt(1 / Math.LN2) * dm) * Math.pow(n, -0.2);
}

/** Quartic kernel density raster. */
export function quarticKde(x: ArrayLike<number>, y: ArrayLike<number>, options: KdeOptions): KdeRaster {
  const n = x.length;
  if (n === 0) throw new RangeError('kernel density needs at least one point');
  const M = options.cellSize;
  let h = options.bandwidth ?? ruleOfThumbBandwidth(x, y);
  const rule = options.bandwidth === undefined ? 'arcgis-silverman' : 'given';
  if (!(h > 0) || !Number.isFinite(h)) {
    if (options.bandwidth !== undefined) throw new RangeError(`bandwidth must be positive, got ${options.bandwidth}`);
    // All points identical: the rule of thumb degenerates; one cell is the smallest meaningful radius.
    h = M;
  }
  let bbox = options.bbox;
  if (!bbox) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (x[i]! < minX) minX = x[i]!;
      if (x[i]! > maxX) maxX = x[i]!;
      if (y[i]! < minY) minY = y[i]!;
      if (y[i]! > maxY) maxY = y[i]!;
    }
    bbox = { minX: minX - h, minY: minY - h, maxX: maxX + h, maxY: maxY + h };
  }
  const spec = gridFromBBox(bbox, M);
  if (spec.nCols * spec.nRows > MAX_GRID_CELLS) throw new RangeError('raster too large');
  const values = new Float64Array(spec.nCols * spec.nRows);
  const { nCols, nRows, minCol, minRow } = spec;
  const h2 = h * h;
  const inv = 1 / h2;
  // Visit points grouped by raster row (a counting sort, O(n)): consecutive points then write to the
  // same few raster rows, which keeps them in cache; on 1 M points and a 1000 x 1000 raster this
  // is ~2x faster than input order. The sum is the same (floating-point order aside).
  const rowOf = new Int32Array(n);
  const bucket = new Int32Array(nRows + 2);
  for (let i = 0; i < n; i++) {
    const r = Math.min(nRows, Math.max(-1, Math.floor(y[i]! / M) - minRow)) + 1;
    rowOf[i] = r;
    bucket[r]!++;
  }
  for (let r = 1; r < bucket.length; r++) bucket[r]! += bucket[r - 1]!;
  const order = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) order[--bucket[rowOf[i]!]!] = i;
  for (let o = 0; o < n; o++) {
    const i = order[o]!;
    const px = x[i]!;
    const py = y[i]!;
    // Cell centres strictly within distance h; centre of column c is (c + 0.5) M.
    const r0 = Math.max(0, Math.ceil((py - h) / M - 0.5) - minRow);
    const r1 = Math.min(nRows - 1, Math.floor((py + h) / M - 0.5) - minRow);
    for (let r = r0; r <= r1; r++) {
      const dy = (minRow + r + 0.5) * M - py;
      const rem = h2 - dy * dy;
      if (rem <= 0) continue;
      // Exact column span of this row's chord, so the inner loop needs no distance test.
      const half = Math.sqrt(rem);
      let c0 = Math.max(0, Math.ceil((px - half) / M - 0.5) - minCol);
      let c1 = Math.min(nCols - 1, Math.floor((px + half) / M - 0.5) - minCol);
      // Rounding at the chord ends could admit a centre at distance >= h; trim such ends.
      while (c0 <= c1 && ((minCol + c0 + 0.5) * M - px) ** 2 >= rem) c0++;
      while (c1 >= c0 && ((minCol + c1 + 0.5) * M - px) ** 2 >= rem) c1--;
      const base = r * nCols;
      const a = rem * inv; // 1 - dy^2/h^2
      let dx = (minCol + c0 + 0.5) * M - px;
      for (let c = c0; c <= c1; c++) {
        const u = a - dx * dx * inv;
        values[base + c]! += u * u;
        dx += M;
      }
    }
  }
  const scale = 3 / (Math.PI * h2);
  for (let k = 0; k < values.length; k++) values[k]! *= scale;
  return { ...spec, bandwidth: h, bandwidthRule: rule, values };
}

/** Sum of density x cell area: expected to be close to the number of points. */
export function integrateRaster(r: KdeRaster): number {
  let s = 0;
  for (let k = 0; k < r.values.length; k++) s += r.values[k]!;
  return s * r.cellSize * r.cellSize;
}
