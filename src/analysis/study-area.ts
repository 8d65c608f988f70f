/**
 * The study area: the polygons an analysis is about (a municipality's boundary), in projected
 * metres. Grid analyses run over the cells whose centre lies inside it, so empty cells beyond the
 * boundary (lakes, the sea, the neighbouring municipality) neither dilute Gi*'s mean and variance
 * nor count in PAI's area (issue 17). Pure: coordinates come in already projected.
 */
import type { BBox, GridCounts, GridSpec } from './grid.ts';
import { countPoints, gridFromBBox, gridFromPoints } from './grid.ts';

/** A closed or open ring of [x, y] metres. */
export type MetreRing = [number, number][];
/** Polygons, each an outer ring followed by its holes (GeoJSON order). */
export interface StudyArea {
  polygons: MetreRing[][];
}

export function studyAreaBBox(area: StudyArea): BBox {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const polygon of area.polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < box.minX) box.minX = x;
      if (x > box.maxX) box.maxX = x;
      if (y < box.minY) box.minY = y;
      if (y > box.maxY) box.maxY = y;
    }
  }
  if (!Number.isFinite(box.minX)) throw new RangeError('the study area has no coordinates');
  return box;
}

/**
 * 1 for cells whose centre lies inside the area, row-major like the grid's counts. Within one
 * polygon the even-odd rule over its rings makes holes holes; a cell inside any polygon is inside
 * (so overlapping features add up, never cancel). One scanline pass per grid row and polygon.
 */
export function cellsInside(spec: GridSpec, area: StudyArea): Uint8Array {
  const { cellSize, minCol, minRow, nCols, nRows } = spec;
  const inside = new Uint8Array(nCols * nRows);
  const crossings: number[] = [];
  for (let r = 0; r < nRows; r++) {
    const y = (minRow + r + 0.5) * cellSize;
    for (const polygon of area.polygons) {
      crossings.length = 0;
      for (const ring of polygon) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i]!;
          const [xj, yj] = ring[j]!;
          // Half-open rule (yi <= y < yj or the reverse): a vertex on the scanline counts once.
          if (yi <= y !== yj <= y) crossings.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
        }
      }
      crossings.sort((a, b) => a - b);
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        // Centres strictly between an entering and a leaving crossing.
        const c0 = Math.max(0, Math.ceil(crossings[k]! / cellSize - 0.5) - minCol);
        const c1 = Math.min(nCols - 1, Math.floor(crossings[k + 1]! / cellSize - 0.5) - minCol);
        for (let c = c0; c <= c1; c++) inside[r * nCols + c] = 1;
      }
    }
  }
  return inside;
}

/** Keep only the masked entries of a per-cell array. */
export function pick<T extends Float64Array | Uint8Array | Int32Array>(values: T, mask: Uint8Array): T {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  const out = new (values.constructor as new (n: number) => T)(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[k++] = values[i]!;
  return out;
}

/** A counted grid restricted to a study area, with what the restriction left out. */
export interface StudyGrid {
  /** Counts, zero in excluded cells (their events are in `eventsOutside`, not in any cell). */
  grid: GridCounts;
  /** 1 = the cell belongs to the study area; null = every cell does (no study area given). */
  mask: Uint8Array | null;
  /** Cells in the study area. */
  cells: number;
  /** Cells of the rectangle whose centre lies outside the area. */
  excludedCells: number;
  /** Events outside the grid or in an excluded cell. */
  eventsOutside: number;
}

export interface StudyGridOptions {
  cellSize: number;
  /** Grid extent without a study area; default the points' own extent. */
  bbox?: BBox;
  studyArea?: StudyArea;
}

/** Build the grid (the study area's cells, or the bbox / points' extent) and count the points. */
export function studyGrid(x: ArrayLike<number>, y: ArrayLike<number>, options: StudyGridOptions): StudyGrid {
  const { cellSize, studyArea } = options;
  if (!studyArea) {
    const spec = options.bbox ? gridFromBBox(options.bbox, cellSize) : gridFromPoints(x, y, cellSize);
    const grid = countPoints(spec, x, y);
    return { grid, mask: null, cells: grid.counts.length, excludedCells: 0, eventsOutside: grid.outside };
  }
  return restrictToArea(countPoints(gridFromBBox(studyAreaBBox(studyArea), cellSize), x, y), studyArea);
}

/** Zero the counts of cells outside the area and say how much that removed. */
export function restrictToArea(grid: GridCounts, area: StudyArea): StudyGrid {
  const mask = cellsInside(grid, area);
  let cells = 0;
  let eventsOutside = grid.outside;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) cells++;
    else {
      eventsOutside += grid.counts[i]!;
      grid.counts[i] = 0;
    }
  }
  if (cells === 0) throw new RangeError('no grid cell has its centre inside the study area; use a smaller cell size');
  return { grid, mask, cells, excludedCells: mask.length - cells, eventsOutside };
}
