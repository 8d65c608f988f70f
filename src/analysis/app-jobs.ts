/**
 * The app's analyses as whole jobs: the server fetches the reports, a worker thread runs one of
 * these on plain data (points in SWEREF 99 TM metres, the study area's polygons, parameters) and
 * sends back only what the page shows (significant cells, not the whole grid). Pure: usable
 * in-process as well, and the server's tests call them either way. Every grid analysis here runs
 * on the same study-area cells, so they count the same cells.
 */
import { giStarGrid } from './gistar.ts';
import { countPoints, type GridCounts } from './grid.ts';
import { evaluateHotspots, type EvaluationResult } from './evaluation.ts';
import { quarticKde } from './kde.ts';
import { contourPolygons, type MultiPolygonCoordinates } from './contour.ts';
import { finishKnox, prepareKnox, type KnoxOptions, type KnoxResult } from './knox.ts';
import { runKnoxIterations } from './knox-kernel.ts';
import { cellsInside, pick, studyGrid, type StudyArea, type StudyGrid } from './study-area.ts';
import { emergingHotSpots, EMERGING_CATEGORIES, type EmergingCategory } from './emerging.ts';
import { buildCube, type Interval } from './emerging-cube.ts';
import { concentration, type ConcentrationResult } from './concentration.ts';

type Progress = (share: number) => void;

export interface Points {
  x: Float64Array;
  y: Float64Array;
}

export interface GiStarSettings {
  cellSize: number;
  alpha: number;
  permutations: number;
  seed: number;
  /** Fewest events in a hot cell's window. */
  minCount: number;
}

export interface SignificantCell {
  col: number;
  row: number;
  count: number;
  /** Events in the 3 x 3 window within the study area. */
  windowCount: number;
  z: number;
  p: number;
  q: number;
  hot: boolean;
  cold: boolean;
}

export interface StudyAreaCounts {
  /** Cells of the study area (the grid the analysis ran on). */
  gridCells: number;
  excludedCells: number;
  eventsOutside: number;
}

export interface HotspotJobResult extends StudyAreaCounts {
  cells: SignificantCell[];
  hotCells: number;
  coldCells: number;
  eventsInHotCells: number;
}

function giStarOnArea(area: StudyGrid, s: GiStarSettings, progress: Progress) {
  progress(0);
  const res = giStarGrid(area.grid, {
    alpha: s.alpha,
    permutations: s.permutations,
    seed: s.seed,
    mask: area.mask,
    minCount: s.minCount,
  });
  progress(1);
  return res;
}

const areaCounts = (area: StudyGrid): StudyAreaCounts => ({
  gridCells: area.cells,
  excludedCells: area.excludedCells,
  eventsOutside: area.eventsOutside,
});

/** Gi* hot and cold spots over the study area's cells. */
export function hotspotsJob(
  input: { points: Points; area: StudyArea } & GiStarSettings,
  progress: Progress,
): HotspotJobResult {
  const area = studyGrid(input.points.x, input.points.y, { cellSize: input.cellSize, studyArea: input.area });
  const res = giStarOnArea(area, input, progress);
  const { grid } = area;
  const cells: SignificantCell[] = [];
  let eventsInHotCells = 0;
  for (let i = 0; i < grid.counts.length; i++) {
    if (!res.hot[i] && !res.cold[i]) continue;
    if (res.hot[i]) eventsInHotCells += grid.counts[i]!;
    cells.push({
      col: grid.minCol + (i % grid.nCols),
      row: grid.minRow + Math.floor(i / grid.nCols),
      count: grid.counts[i]!,
      windowCount: res.local[i]!,
      z: res.z[i]!,
      p: res.p[i]!,
      q: res.q[i]!,
      hot: res.hot[i] === 1,
      cold: res.cold[i] === 1,
    });
  }
  return {
    ...areaCounts(area),
    cells,
    hotCells: cells.filter((c) => c.hot).length,
    coldCells: cells.filter((c) => c.cold).length,
    eventsInHotCells,
  };
}

export type EvaluationJobResult = EvaluationResult & StudyAreaCounts;

/** Hot spots of period 1 scored on period 2, over the same study-area cells (PAI's area). */
export function evaluationJob(
  input: { first: Points; next: Points; area: StudyArea } & GiStarSettings,
  progress: Progress,
): EvaluationJobResult {
  const area = studyGrid(input.first.x, input.first.y, { cellSize: input.cellSize, studyArea: input.area });
  const next = countPoints(area.grid, input.next.x, input.next.y);
  const mask = area.mask!;
  let nextOutside = next.outside;
  for (let i = 0; i < mask.length; i++) if (!mask[i]) nextOutside += next.counts[i]!;
  const res = giStarOnArea(area, input, progress);
  return {
    ...evaluateHotspots({
      period1: pick(area.grid.counts, mask),
      period2: pick(next.counts, mask),
      flagged: pick(res.hot, mask),
    }),
    ...areaCounts(area),
    eventsOutside: area.eventsOutside + nextOutside,
  };
}

export interface DensityJobResult {
  bandwidth: number;
  bandwidthRule: 'given' | 'arcgis-silverman';
  /** Events per km², highest inside the study area. */
  maxDensity: number;
  raster: { cellSize: number; minCol: number; minRow: number; nCols: number; nRows: number; values: (number | null)[] };
  /** Contours in metres at the given shares of the maximum. */
  contours: { level: number; share: number; coordinates: MultiPolygonCoordinates }[];
  eventsOutside: number;
}

/** Quartic KDE of the study area's events over its cells, null outside, with contours at shares of the peak. */
export function densityJob(
  input: { points: Points; area: StudyArea; cellSize: number; bandwidth?: number; shares: readonly number[] },
  progress: Progress,
): DensityJobResult {
  const { cellSize } = input;
  const area = studyGrid(input.points.x, input.points.y, { cellSize, studyArea: input.area });
  const keep = insideEvents(area, input.points);
  const raster = quarticKde(keep.x, keep.y, {
    cellSize,
    ...(input.bandwidth ? { bandwidth: input.bandwidth } : {}),
    bbox: boundsOf(area.grid),
  });
  progress(0.8);
  const mask = cellsInside(raster, input.area);
  const perKm2 = new Float64Array(raster.values.length);
  let max = 0;
  for (let k = 0; k < perKm2.length; k++) {
    perKm2[k] = mask[k] ? raster.values[k]! * 1e6 : 0;
    if (perKm2[k]! > max) max = perKm2[k]!;
  }
  const contours =
    max > 0
      ? contourPolygons(
          { ...raster, values: perKm2 },
          input.shares.map((s) => s * max),
        ).map((band, k) => ({
          level: band.level,
          share: input.shares[k]!,
          coordinates: band.coordinates,
        }))
      : [];
  return {
    bandwidth: raster.bandwidth,
    bandwidthRule: raster.bandwidthRule,
    maxDensity: max,
    raster: {
      cellSize,
      minCol: raster.minCol,
      minRow: raster.minRow,
      nCols: raster.nCols,
      nRows: raster.nRows,
      // Three decimals of events per km² is far below what the map can show.
      values: Array.from(perKm2, (v, k) => (mask[k] ? Math.round(v * 1000) / 1000 : null)),
    },
    contours,
    eventsOutside: input.points.x.length - keep.x.length,
  };
}

/** The grid's cells as a bounding box in metres (so KDE's raster is the same grid). */
function boundsOf(g: GridCounts) {
  const m = g.cellSize;
  return {
    minX: g.minCol * m,
    minY: g.minRow * m,
    maxX: (g.minCol + g.nCols) * m - m / 2,
    maxY: (g.minRow + g.nRows) * m - m / 2,
  };
}

/** The points in study-area cells. */
export function insideEvents(area: StudyGrid, points: Points): Points {
  const { grid, mask } = area;
  const keep: number[] = [];
  for (let k = 0; k < points.x.length; k++) {
    const c = Math.floor(points.x[k]! / grid.cellSize) - grid.minCol;
    const r = Math.floor(points.y[k]! / grid.cellSize) - grid.minRow;
    if (c >= 0 && r >= 0 && c < grid.nCols && r < grid.nRows && (!mask || mask[r * grid.nCols + c])) keep.push(k);
  }
  return { x: Float64Array.from(keep, (k) => points.x[k]!), y: Float64Array.from(keep, (k) => points.y[k]!) };
}

/** The Knox test, permutations reporting progress. */
export function nearRepeatJob(
  input: { points: Points; days: Int32Array; options: KnoxOptions },
  progress: Progress,
): KnoxResult {
  const prep = prepareKnox(input.points.x, input.points.y, input.days, input.options);
  const n = prep.options.iterations;
  const { sum, ge } = runKnoxIterations(prep.kernel, 0, n, (done) => progress(done / n));
  return finishKnox(prep, sum, ge);
}

export interface EmergingCell {
  col: number;
  row: number;
  count: number;
  category: EmergingCategory;
  hotBins: number;
  coldBins: number;
  trendP: number;
}

export interface EmergingJobResult extends StudyAreaCounts {
  /** Day numbers of each time step, oldest first. */
  steps: { from: number; to: number }[];
  categories: Record<EmergingCategory, number>;
  /** Cells with a pattern (category other than none). */
  cells: EmergingCell[];
}

/** Emerging hot spots over the study area's cells, weeks ending on the period's last day (or months). */
export function emergingJob(
  input: {
    points: Points;
    days: Int32Array;
    area: StudyArea;
    cellSize: number;
    interval: Interval;
    fromDay: number;
    toDay: number;
    timeWindow: number;
    alpha: number;
    minCount: number;
  },
  progress: Progress,
): EmergingJobResult {
  const built = buildCube(input.points.x, input.points.y, input.days, {
    cellSize: input.cellSize,
    interval: input.interval,
    studyArea: input.area,
    fromDay: input.fromDay,
    toDay: input.toDay,
    endAligned: true,
  });
  progress(0.3);
  const res = emergingHotSpots(built.cube, {
    timeWindow: input.timeWindow,
    alpha: input.alpha,
    minCount: input.minCount,
  });
  const { grid } = built.area;
  const { cellIndex, counts } = built.cube;
  const n = cellIndex.length;
  const totals = new Float64Array(n);
  for (let b = 0; b < counts.length; b++) totals[b % n]! += counts[b]!;
  const categories = Object.fromEntries(EMERGING_CATEGORIES.map((c) => [c, 0])) as Record<EmergingCategory, number>;
  const cells: EmergingCell[] = [];
  for (let c = 0; c < n; c++) {
    const category = res.category[c]!;
    categories[category]++;
    if (category === 'none') continue;
    const i = cellIndex[c]!;
    cells.push({
      col: grid.minCol + (i % grid.nCols),
      row: grid.minRow + Math.floor(i / grid.nCols),
      count: totals[c]!,
      category,
      hotBins: res.hotBins[c]!,
      coldBins: res.coldBins[c]!,
      trendP: res.trend[c]!.p,
    });
  }
  return {
    ...areaCounts(built.area),
    eventsOutside: built.area.eventsOutside + built.eventsOutsideTime,
    steps: built.steps,
    categories,
    cells,
  };
}

export interface ConcentrationJobResult extends ConcentrationResult {
  /** The busiest units: grid cells (col, row) or place indices. */
  top: { col: number; row: number; place: number; count: number }[];
  /** Events outside the study area (cells) or without a place (places). */
  eventsOutside: number;
}

/** Concentration over the study area's cells, or over `places` units given each event's place (-1: none). */
export function concentrationJob(
  input:
    | { unit: 'cells'; points: Points; area: StudyArea; cellSize: number; shares: readonly number[] }
    | { unit: 'places'; place: Int32Array; places: number; shares: readonly number[] },
  progress: Progress,
): ConcentrationJobResult {
  progress(0);
  let counts: Float64Array;
  let eventsOutside = 0;
  let unitIndex: (k: number) => { col: number; row: number; place: number };
  if (input.unit === 'places') {
    counts = new Float64Array(input.places);
    for (const p of input.place) {
      if (p >= 0) counts[p]!++;
      else eventsOutside++;
    }
    unitIndex = (k) => ({ col: 0, row: 0, place: k });
  } else {
    const area = studyGrid(input.points.x, input.points.y, { cellSize: input.cellSize, studyArea: input.area });
    const { grid, mask } = area;
    counts = pick(grid.counts, mask!);
    eventsOutside = area.eventsOutside;
    const index: number[] = [];
    for (let i = 0; i < mask!.length; i++) if (mask![i]) index.push(i);
    unitIndex = (k) => ({
      col: grid.minCol + (index[k]! % grid.nCols),
      row: grid.minRow + Math.floor(index[k]! / grid.nCols),
      place: -1,
    });
  }
  const result = concentration(counts, input.shares);
  const top = [...counts.keys()]
    .filter((k) => counts[k]! > 0)
    .sort((a, b) => counts[b]! - counts[a]!)
    .slice(0, 10)
    .map((k) => ({ ...unitIndex(k), count: counts[k]! }));
  return { ...result, top, eventsOutside };
}

export const APP_JOBS = {
  hotspots: hotspotsJob,
  evaluation: evaluationJob,
  density: densityJob,
  'near-repeat': nearRepeatJob,
  emerging: emergingJob,
  concentration: concentrationJob,
};
export type AppJobs = {
  [K in keyof typeof APP_JOBS]: (
    input: Parameters<(typeof APP_JOBS)[K]>[0],
    progress: Progress,
  ) => Promise<ReturnType<(typeof APP_JOBS)[K]>>;
};
