/**
 * Square grids in projected metres (SWEREF 99 TM for Swedish data).
 *
 * Cells are aligned to multiples of the cell size: col = floor(x / M), row = floor(y / M), so the same
 * point always lands in the same cell whatever the extent is (grids of different periods or of
 * different municipalities line up, and translating all points by whole cells shifts col/row only).
 * Storage is row-major from the south-west: index = (row - minRow) * nCols + (col - minCol).
 */

export interface GridSpec {
  cellSize: number;
  minCol: number;
  minRow: number;
  nCols: number;
  nRows: number;
}

export interface GridCounts extends GridSpec {
  /** Points per cell, row-major from (minCol, minRow). */
  counts: Float64Array;
  /** Points that fell outside the grid (only possible with an explicit bounding box). */
  outside: number;
}

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Upper limit on cells, to fail clearly instead of allocating gigabytes for a typo'd cell size. */
export const MAX_GRID_CELLS = 50_000_000;

function checkCellSize(cellSize: number): void {
  if (!(cellSize > 0) || !Number.isFinite(cellSize))
    throw new RangeError(`cell size must be a positive number, got ${cellSize}`);
}

function checkSize(nCols: number, nRows: number): void {
  if (nCols * nRows > MAX_GRID_CELLS) {
    throw new RangeError(
      `grid of ${nCols} x ${nRows} cells exceeds the limit of ${MAX_GRID_CELLS} cells; use a larger cell size`,
    );
  }
}

/** Grid covering every cell from the smallest to the largest col/row of the points. */
export function gridFromPoints(x: ArrayLike<number>, y: ArrayLike<number>, cellSize: number): GridSpec {
  checkCellSize(cellSize);
  if (x.length === 0) throw new RangeError('cannot build a grid from zero points');
  let minC = Infinity;
  let maxC = -Infinity;
  let minR = Infinity;
  let maxR = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor(x[i]! / cellSize);
    const r = Math.floor(y[i]! / cellSize);
    if (c < minC) minC = c;
    if (c > maxC) maxC = c;
    if (r < minR) minR = r;
    if (r > maxR) maxR = r;
  }
  const nCols = maxC - minC + 1;
  const nRows = maxR - minR + 1;
  checkSize(nCols, nRows);
  return { cellSize, minCol: minC, minRow: minR, nCols, nRows };
}

/** Grid covering a bounding box (e.g. a municipality's), with the same alignment rule. */
export function gridFromBBox(bbox: BBox, cellSize: number): GridSpec {
  checkCellSize(cellSize);
  if (!(bbox.maxX >= bbox.minX && bbox.maxY >= bbox.minY)) throw new RangeError('bounding box has max < min');
  const minCol = Math.floor(bbox.minX / cellSize);
  const minRow = Math.floor(bbox.minY / cellSize);
  const nCols = Math.floor(bbox.maxX / cellSize) - minCol + 1;
  const nRows = Math.floor(bbox.maxY / cellSize) - minRow + 1;
  checkSize(nCols, nRows);
  return { cellSize, minCol, minRow, nCols, nRows };
}

/** Count points per cell; points outside the grid are counted in `outside`, not dropped silently. */
export function countPoints(spec: GridSpec, x: ArrayLike<number>, y: ArrayLike<number>): GridCounts {
  const { cellSize, minCol, minRow, nCols, nRows } = spec;
  const counts = new Float64Array(nCols * nRows);
  let outside = 0;
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor(x[i]! / cellSize) - minCol;
    const r = Math.floor(y[i]! / cellSize) - minRow;
    if (c < 0 || r < 0 || c >= nCols || r >= nRows) {
      outside++;
      continue;
    }
    counts[r * nCols + c]! += 1;
  }
  return { ...spec, counts, outside };
}

/** Lower-left corner of a cell in metres. */
export function cellCorner(spec: GridSpec, index: number): { col: number; row: number; x: number; y: number } {
  const col = spec.minCol + (index % spec.nCols);
  const row = spec.minRow + Math.floor(index / spec.nCols);
  return { col, row, x: col * spec.cellSize, y: row * spec.cellSize };
}
