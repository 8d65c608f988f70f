/**
 * Contour polygons of a raster by marching squares (Lorensen & Cline 1987's 2-D case; the same
 * scheme as d3-contour, Bostock, ISC).
 *
 * Written by hand because d3-contour is not among the installed packages (only d3-voronoi is), and
 * the house rule is not to add dependencies from here; the algorithm is short. If d3-contour is added
 * later it would fit: it takes a row-major grid and thresholds and returns GeoJSON MultiPolygons in
 * grid units, which we would scale by the cell size and offset to cell centres.
 *
 * Conventions: values sit at cell centres; a point is inside when value >= level. The raster is
 * padded with one ring of cells below every level, so every contour closes. Each square emits
 * segments oriented with the inside on the left: walking the square's border counter-clockwise, a
 * segment runs from where the walk leaves the inside to where it re-enters. Saddles are resolved by
 * the mean of the four corners (as d3-contour and most GIS do). Rings are therefore CCW around
 * inside areas and CW around holes; holes are attached to the smallest enclosing outer ring.
 * Output: GeoJSON MultiPolygon coordinates in metres, rings closed (first point repeated).
 */
import type { GridSpec } from './grid.ts';

export type Ring = [number, number][];
export type MultiPolygonCoordinates = Ring[][];

export interface ContourBand {
  level: number;
  coordinates: MultiPolygonCoordinates;
}

/** Polygons of {value >= level} for each level. */
export function contourPolygons(raster: GridSpec & { values: Float64Array }, levels: number[]): ContourBand[] {
  return levels.map((level) => ({ level, coordinates: contourLevel(raster, level) }));
}

function contourLevel(raster: GridSpec & { values: Float64Array }, level: number): MultiPolygonCoordinates {
  const { nCols, nRows, values, cellSize, minCol, minRow } = raster;
  const W = nCols + 2;
  const H = nRows + 2;
  let min = Infinity;
  for (let k = 0; k < values.length; k++) if (values[k]! < min) min = values[k]!;
  const pad = Math.min(min, level) - 1;
  const v = new Float64Array(W * H).fill(pad);
  for (let r = 0; r < nRows; r++) for (let c = 0; c < nCols; c++) v[(r + 1) * W + c + 1] = values[r * nCols + c]!;
  const px = (c: number) => (minCol + c - 1 + 0.5) * cellSize;
  const py = (r: number) => (minRow + r - 1 + 0.5) * cellSize;

  // Crossing point ids: horizontal edge (c,r)-(c+1,r) -> 2*(r*W+c); vertical (c,r)-(c,r+1) -> 2*(r*W+c)+1.
  const next = new Map<number, number>();
  const point = new Map<number, [number, number]>();
  const crossing = (id: number): void => {
    if (point.has(id)) return;
    const cell = id >> 1;
    const c = cell % W;
    const r = (cell - c) / W;
    const va = v[cell]!;
    const vb = id & 1 ? v[cell + W]! : v[cell + 1]!;
    const t = (level - va) / (vb - va);
    point.set(id, id & 1 ? [px(c), py(r) + t * cellSize] : [px(c) + t * cellSize, py(r)]);
  };
  for (let r = 0; r < H - 1; r++) {
    for (let c = 0; c < W - 1; c++) {
      const i0 = r * W + c;
      // corners CCW from bottom-left, edges after each corner: bottom, right, top, left
      const vals = [v[i0]!, v[i0 + 1]!, v[i0 + W + 1]!, v[i0 + W]!];
      const inside = vals.map((x) => x >= level);
      const edges = [2 * i0, 2 * (i0 + 1) + 1, 2 * (i0 + W), 2 * i0 + 1];
      const exits: number[] = [];
      const entries: number[] = [];
      const events: { kind: 'exit' | 'entry'; edge: number }[] = [];
      for (let k = 0; k < 4; k++) {
        const a = inside[k]!;
        const b = inside[(k + 1) % 4]!;
        if (a && !b) events.push({ kind: 'exit', edge: edges[k]! });
        else if (!a && b) events.push({ kind: 'entry', edge: edges[k]! });
      }
      if (events.length === 0) continue;
      for (const e of events) (e.kind === 'exit' ? exits : entries).push(e.edge);
      let pairs: [number, number][];
      if (events.length === 2) {
        pairs = [[exits[0]!, entries[0]!]];
      } else {
        // Saddle: centre inside -> exit joins the next entry CCW; else the entry that opened its arc.
        const centreInside = (vals[0]! + vals[1]! + vals[2]! + vals[3]!) / 4 >= level;
        const order = events.map((e) => e.edge);
        const kinds = events.map((e) => e.kind);
        pairs = [];
        for (let k = 0; k < 4; k++) {
          if (kinds[k] !== 'exit') continue;
          const partner = centreInside ? order[(k + 1) % 4]! : order[(k + 3) % 4]!;
          pairs.push([order[k]!, partner]);
        }
      }
      for (const [a, b] of pairs) {
        crossing(a);
        crossing(b);
        next.set(a, b);
      }
    }
  }

  const rings: Ring[] = [];
  const seen = new Set<number>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const ring: Ring = [];
    let id = start;
    while (!seen.has(id)) {
      seen.add(id);
      ring.push(point.get(id)!);
      const nx = next.get(id);
      if (nx === undefined) break;
      id = nx;
    }
    if (ring.length >= 3) {
      ring.push([ring[0]![0], ring[0]![1]]);
      rings.push(ring);
    }
  }
  return assemble(rings);
}

function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s / 2;
}

function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function assemble(rings: Ring[]): MultiPolygonCoordinates {
  const outers: { ring: Ring; area: number; holes: Ring[] }[] = [];
  const holes: Ring[] = [];
  for (const ring of rings) {
    const a = signedArea(ring);
    if (a > 0) outers.push({ ring, area: a, holes: [] });
    else if (a < 0) holes.push(ring);
  }
  for (const hole of holes) {
    const [hx, hy] = hole[0]!;
    let best: (typeof outers)[number] | undefined;
    for (const o of outers) {
      if ((best === undefined || o.area < best.area) && pointInRing(hx, hy, o.ring)) best = o;
    }
    best?.holes.push(hole);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}
