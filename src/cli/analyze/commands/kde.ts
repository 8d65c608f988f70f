/** `samtrygg analyze kde`: quartic kernel density and contour polygons, optionally within a study area. */
import { quarticKde } from '../../../analysis/kde.ts';
import { contourPolygons } from '../../../analysis/contour.ts';
import { studyAreaBBox, studyGrid } from '../../../analysis/study-area.ts';
import { cellsInside } from '../../../analysis/study-area.ts';
import { CliError } from '../errors.ts';
import { loadEvents, num, str, type CommandContext } from '../options.ts';
import { readStudyArea, studyAreaSummary } from '../study-area-file.ts';

function bboxOption(ctx: CommandContext) {
  const text = str(ctx, 'bbox', false);
  if (text === undefined) return undefined;
  const parts = text.split(',').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p)) || parts[2]! <= parts[0]! || parts[3]! <= parts[1]!)
    throw new CliError(`--bbox must be minX,minY,maxX,maxY with max > min, got "${text}"`);
  return { minX: parts[0]!, minY: parts[1]!, maxX: parts[2]!, maxY: parts[3]! };
}

export async function run(ctx: CommandContext) {
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true })!;
  const bandwidth = num(ctx, 'bandwidth', { min: 0, exclusiveMin: true, required: false });
  let bbox = bboxOption(ctx);
  const studyArea = await readStudyArea(ctx);
  if (studyArea && bbox) throw new CliError('give --bbox or --study-area, not both');
  let ev = await loadEvents(ctx, false);
  let area;
  if (studyArea) {
    // Only the area's events, over the area's cells; the raster outside it is null.
    area = studyGrid(ev.x, ev.y, { cellSize, studyArea });
    const { grid, mask } = area;
    const keep: number[] = [];
    for (let k = 0; k < ev.x.length; k++) {
      const c = Math.floor(ev.x[k]! / cellSize) - grid.minCol;
      const r = Math.floor(ev.y[k]! / cellSize) - grid.minRow;
      if (c >= 0 && r >= 0 && c < grid.nCols && r < grid.nRows && mask![r * grid.nCols + c]) keep.push(k);
    }
    ev = { ...ev, x: Float64Array.from(keep, (k) => ev.x[k]!), y: Float64Array.from(keep, (k) => ev.y[k]!) };
    bbox = studyAreaBBox(studyArea);
  }
  const minEvents = bandwidth === undefined ? 2 : 1;
  if (ev.x.length < minEvents)
    throw new CliError(
      `too few events for kernel density: ${ev.x.length} (need at least ${minEvents} without --bandwidth)`,
    );
  const raster = quarticKde(ev.x, ev.y, { cellSize, bandwidth, bbox });
  const mask = studyArea ? cellsInside(raster, studyArea) : null;
  const perKm2 = new Float64Array(raster.values.length);
  let max = 0;
  for (let k = 0; k < perKm2.length; k++) {
    perKm2[k] = mask && !mask[k] ? 0 : raster.values[k]! * 1e6;
    if (perKm2[k]! > max) max = perKm2[k]!;
  }
  let levels: number[];
  const levelText = str(ctx, 'levels', false);
  if (levelText !== undefined) {
    levels = levelText.split(',').map(Number);
    if (levels.some((l) => !(l > 0) || !Number.isFinite(l)))
      throw new CliError(`--levels must be positive numbers, got "${levelText}"`);
  } else {
    const k = num(ctx, 'contours', { integer: true, min: 0, max: 100, required: false }) ?? 5;
    levels = Array.from({ length: k }, (_, i) => (max * (i + 1)) / (k + 1));
  }
  // Outside cells are 0 for the contours, so every contour stays within the area.
  const contours = contourPolygons({ ...raster, values: perKm2 }, levels);
  ctx.warn(
    `kde: ${ev.x.length} events, ${raster.nCols} x ${raster.nRows} cells, bandwidth ${raster.bandwidth.toFixed(1)} m (${raster.bandwidthRule})`,
  );
  const summary = area ? studyAreaSummary(ctx, 'kde', area) : undefined;
  return {
    cellSize,
    bandwidth: raster.bandwidth,
    bandwidthRule: raster.bandwidthRule,
    unit: 'events per km2',
    minCol: raster.minCol,
    minRow: raster.minRow,
    nCols: raster.nCols,
    nRows: raster.nRows,
    /** Value k is the density at the centre of cell (minCol + k % nCols, minRow + floor(k / nCols)); null outside the study area. */
    values: Array.from(perKm2, (v, k) => (mask && !mask[k] ? null : v)),
    contours,
    ...(summary ? { studyArea: summary } : {}),
  };
}
