import { giStarGrid, countPoints, gridFromPoints, type GridCounts } from '../../../analysis/index.ts';
import type { CameraSiteStatus } from '../../../contracts/cameras.ts';
import type { RankedCandidate, SitingCandidate } from '../../../contracts/cameras-analysis.ts';

/**
 * Siting support: ranks candidate places by what the reports say. The score is an ordering aid
 * shown with its reasons; the decision stays with people.
 *
 * For each candidate: the reports within `radius` metres in the period (by category), whether its
 * grid cell is a significant Gi* hot spot (binary queen contiguity, Benjamini–Hochberg FDR 0.05,
 * from the analysis engine), and the nearest camera site of any status but decommissioned (so a
 * planned site shows up as a reason). Only approved or installed cameras cover a place:
 * score = reports × (1.5 when in a hot spot) × (0.25 when such a camera lies within the radius).
 * A covered place is not excluded: a camera may fail to help.
 */
export const HOTSPOT_WEIGHT = 1.5;
export const COVERED_WEIGHT = 0.25;

export interface SitingPoint {
  x: number;
  y: number;
  categoryCode: string;
  /** The report's id, so a proposal can cite the reports behind it. */
  id?: string;
}

/** At most this many report ids per candidate travel to the proposal form. */
export const MAX_CITED_REPORTS = 50;

export interface ExistingCamera {
  id: string;
  name: string;
  status: CameraSiteStatus;
  x: number;
  y: number;
}

const COVERING: readonly CameraSiteStatus[] = ['approved', 'installed'];

/** Gi* over a grid of the points; null when there are too few points to say anything. */
export function hotspotGrid(
  points: readonly SitingPoint[],
  cellSize: number,
): { grid: GridCounts; z: Float64Array; hot: Uint8Array } | null {
  if (points.length < 2) return null;
  const xs = Float64Array.from(points, (p) => p.x);
  const ys = Float64Array.from(points, (p) => p.y);
  // One empty cell of margin, so a lone cluster on the edge still has neighbours to compare with.
  const spec = gridFromPoints(xs, ys, cellSize);
  const padded = {
    ...spec,
    minCol: spec.minCol - 1,
    minRow: spec.minRow - 1,
    nCols: spec.nCols + 2,
    nRows: spec.nRows + 2,
  };
  const grid = countPoints(padded, xs, ys);
  const result = giStarGrid(grid);
  return { grid, z: result.z, hot: result.hot };
}

function cellIndex(grid: GridCounts, x: number, y: number): number | null {
  const col = Math.floor(x / grid.cellSize) - grid.minCol;
  const row = Math.floor(y / grid.cellSize) - grid.minRow;
  if (col < 0 || row < 0 || col >= grid.nCols || row >= grid.nRows) return null;
  return row * grid.nCols + col;
}

/** The busiest grid cells as candidates (centre points), for places that have no name yet. */
export function busiestCells(points: readonly SitingPoint[], cellSize: number, count: number): SitingCandidate[] {
  const byCell = new Map<string, { col: number; row: number; n: number }>();
  for (const p of points) {
    const col = Math.floor(p.x / cellSize);
    const row = Math.floor(p.y / cellSize);
    const key = `${col}:${row}`;
    const cell = byCell.get(key) ?? { col, row, n: 0 };
    cell.n++;
    byCell.set(key, cell);
  }
  return [...byCell.values()]
    .sort((a, b) => b.n - a.n || a.row - b.row || a.col - b.col)
    .slice(0, count)
    .map((c) => ({
      kind: 'cell',
      code: `cell:${c.col}:${c.row}`,
      name: '',
      x: (c.col + 0.5) * cellSize,
      y: (c.row + 0.5) * cellSize,
    }));
}

export function rankCandidates(
  candidates: readonly SitingCandidate[],
  points: readonly SitingPoint[],
  cameras: readonly ExistingCamera[],
  options: { radius: number; cellSize: number },
): RankedCandidate[] {
  const hotspots = hotspotGrid(points, options.cellSize);
  const ranked = candidates.map((candidate): RankedCandidate => {
    const counts = new Map<string, number>();
    let reports = 0;
    const reportIds: string[] = [];
    for (const p of points) {
      if (Math.hypot(p.x - candidate.x, p.y - candidate.y) > options.radius) continue;
      reports++;
      if (p.id && reportIds.length < MAX_CITED_REPORTS) reportIds.push(p.id);
      counts.set(p.categoryCode, (counts.get(p.categoryCode) ?? 0) + 1);
    }
    let hotspot: RankedCandidate['hotspot'] = null;
    if (hotspots) {
      const i = cellIndex(hotspots.grid, candidate.x, candidate.y);
      hotspot = i === null ? { z: 0, hot: false } : { z: hotspots.z[i]!, hot: hotspots.hot[i] === 1 };
    }
    let nearestCamera: RankedCandidate['nearestCamera'] = null;
    let covered = false;
    for (const c of cameras) {
      const distance = Math.hypot(c.x - candidate.x, c.y - candidate.y);
      if (COVERING.includes(c.status) && distance <= options.radius) covered = true;
      const distanceMetres = Math.round(distance);
      if (!nearestCamera || distanceMetres < nearestCamera.distanceMetres)
        nearestCamera = { id: c.id, name: c.name, status: c.status, distanceMetres };
    }
    const score = reports * (hotspot?.hot ? HOTSPOT_WEIGHT : 1) * (covered ? COVERED_WEIGHT : 1);
    const byCategory = [...counts]
      .map(([categoryCode, count]) => ({ categoryCode, count }))
      .sort((a, b) => b.count - a.count || a.categoryCode.localeCompare(b.categoryCode));
    return { ...candidate, score, reports, byCategory, reportIds, hotspot, nearestCamera, covered };
  });
  return ranked.sort((a, b) => b.score - a.score || b.reports - a.reports || a.code.localeCompare(b.code));
}
