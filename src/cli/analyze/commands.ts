/** The four `samtrygg analyze` commands: read input, call the analysis engine, return JSON-able results. */
import { giStarGrid } from '../../analysis/gistar.ts';
import { giStarHotspotsParallel } from '../../analysis/gistar-parallel.ts';
import { knoxTestParallel } from '../../analysis/knox-parallel.ts';
import { KNOX_MIN_EVENTS, type DistanceMetric } from '../../analysis/knox.ts';
import { quarticKde } from '../../analysis/kde.ts';
import { contourPolygons } from '../../analysis/contour.ts';
import { countPoints, gridFromPoints } from '../../analysis/grid.ts';
import { evaluateHotspots, topCells } from '../../analysis/evaluation.ts';
import { CliError } from './errors.ts';
import { parseDay, readEvents, type Crs, type DateFormat } from './input.ts';

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  warn: (message: string) => void;
}

/** Fewest events for which a hot-spot statistic says anything. */
export const HOTSPOT_MIN_EVENTS = 3;

function str(ctx: CommandContext, name: string, required = true): string | undefined {
  const v = ctx.values[name];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (required) throw new CliError(`missing required option --${name}`);
  return undefined;
}

function num(
  ctx: CommandContext,
  name: string,
  opts: { integer?: boolean; min?: number; max?: number; exclusiveMin?: boolean; required?: boolean } = {},
): number | undefined {
  const s = str(ctx, name, opts.required ?? true);
  if (s === undefined) return undefined;
  const v = Number(s);
  const bad =
    !Number.isFinite(v) ||
    (opts.integer && !Number.isInteger(v)) ||
    (opts.min !== undefined && (opts.exclusiveMin ? v <= opts.min : v < opts.min)) ||
    (opts.max !== undefined && v > opts.max);
  if (bad) {
    const range = `${opts.integer ? 'an integer' : 'a number'}${opts.min !== undefined ? (opts.exclusiveMin ? ` > ${opts.min}` : ` >= ${opts.min}`) : ''}${opts.max !== undefined ? ` <= ${opts.max}` : ''}`;
    throw new CliError(`--${name} must be ${range}, got "${s}"`);
  }
  return v;
}

function crs(ctx: CommandContext): Crs {
  const v = str(ctx, 'crs', false) ?? 'sweref99tm';
  if (v !== 'sweref99tm' && v !== 'projected') throw new CliError(`--crs must be sweref99tm or projected, got "${v}"`);
  return v;
}

function dateFormat(ctx: CommandContext): DateFormat {
  const v = str(ctx, 'date-format', false) ?? 'iso';
  if (v !== 'iso' && v !== 'dd/mm/yyyy' && v !== 'mm/dd/yyyy')
    throw new CliError(`--date-format must be iso, dd/mm/yyyy or mm/dd/yyyy, got "${v}"`);
  return v;
}

async function load(ctx: CommandContext, needDates: boolean) {
  const input = str(ctx, 'input')!;
  return readEvents(input, {
    crs: crs(ctx),
    needDates,
    dateColumn: str(ctx, 'date-column', false) ?? 'date',
    dateFormat: dateFormat(ctx),
  });
}

export async function runHotspots(ctx: CommandContext) {
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true })!;
  const permutations = num(ctx, 'permutations', { integer: true, min: 0, max: 100_000, required: false }) ?? 0;
  const seed = num(ctx, 'seed', { integer: true, required: false }) ?? 0;
  const alpha = num(ctx, 'alpha', { min: 0, max: 1, exclusiveMin: true, required: false }) ?? 0.05;
  const ev = await load(ctx, false);
  if (ev.x.length < HOTSPOT_MIN_EVENTS)
    throw new CliError(`too few events for a hot-spot test: ${ev.x.length} (need at least ${HOTSPOT_MIN_EVENTS})`);
  const res = await giStarHotspotsParallel(ev.x, ev.y, { cellSize, permutations, seed, alpha, onProgress: ctx.warn });
  if (res.cells.length < 2) throw new CliError('all events fall in one cell; use a smaller --cell-size');
  if (permutations > 0 && (2 / (permutations + 1)) * res.cells.length > alpha) {
    ctx.warn(
      `warning: with ${permutations} permutations the smallest p is ${(2 / (permutations + 1)).toPrecision(3)}; ` +
        `after BH over ${res.cells.length} cells few or no cells can be significant. Use more permutations or the analytic test.`,
    );
  }
  ctx.warn(
    `hotspots: ${ev.x.length} events, ${res.cells.length} cells, ${res.cells.filter((c) => c.hot).length} hot, ${res.cells.filter((c) => c.cold).length} cold`,
  );
  return { cellSize: res.cellSize, cells: res.cells };
}

export async function runNearRepeat(ctx: CommandContext) {
  const spaceBand = num(ctx, 'space-band', { min: 0, exclusiveMin: true })!;
  const spaceBands = num(ctx, 'space-bands', { integer: true, min: 1, max: 250 })!;
  const timeBand = num(ctx, 'time-band', { integer: true, min: 1 })!;
  const timeBands = num(ctx, 'time-bands', { integer: true, min: 1, max: 250 })!;
  const iterations = num(ctx, 'iterations', { integer: true, min: 1, max: 1_000_000 })!;
  const seed = num(ctx, 'seed', { integer: true })!;
  const distance = str(ctx, 'distance', false) ?? 'euclidean';
  if (distance !== 'euclidean' && distance !== 'manhattan')
    throw new CliError(`--distance must be euclidean or manhattan, got "${distance}"`);
  const w = str(ctx, 'workers', false) ?? 'auto';
  const workers = w === 'auto' ? 'auto' : Number(w);
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 1))
    throw new CliError(`--workers must be auto or a positive integer, got "${w}"`);
  const ev = await load(ctx, true);
  if (ev.x.length < KNOX_MIN_EVENTS)
    throw new CliError(`too few events for a Knox test: ${ev.x.length} (need at least ${KNOX_MIN_EVENTS})`);
  const res = await knoxTestParallel(ev.x, ev.y, ev.days, {
    spaceBand,
    spaceBands,
    timeBand,
    timeBands,
    iterations,
    seed,
    distance: distance as DistanceMetric,
    nrcCompatible: ctx.values['nrc-compatible'] === true,
    workers,
    onProgress: ctx.warn,
  });
  const { workers: _used, ...result } = res;
  return result;
}

export async function runKde(ctx: CommandContext) {
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true })!;
  const bandwidth = num(ctx, 'bandwidth', { min: 0, exclusiveMin: true, required: false });
  const bboxText = str(ctx, 'bbox', false);
  let bbox;
  if (bboxText !== undefined) {
    const parts = bboxText.split(',').map(Number);
    if (
      parts.length !== 4 ||
      parts.some((p) => !Number.isFinite(p)) ||
      parts[2]! <= parts[0]! ||
      parts[3]! <= parts[1]!
    ) {
      throw new CliError(`--bbox must be minX,minY,maxX,maxY with max > min, got "${bboxText}"`);
    }
    bbox = { minX: parts[0]!, minY: parts[1]!, maxX: parts[2]!, maxY: parts[3]! };
  }
  const ev = await load(ctx, false);
  const minEvents = bandwidth === undefined ? 2 : 1;
  if (ev.x.length < minEvents)
    throw new CliError(
      `too few events for kernel density: ${ev.x.length} (need at least ${minEvents} without --bandwidth)`,
    );
  const raster = quarticKde(ev.x, ev.y, { cellSize, bandwidth, bbox });
  const perKm2 = new Float64Array(raster.values.length);
  let max = 0;
  for (let k = 0; k < perKm2.length; k++) {
    perKm2[k] = raster.values[k]! * 1e6;
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
  const contours = contourPolygons({ ...raster, values: perKm2 }, levels);
  ctx.warn(
    `kde: ${ev.x.length} events, ${raster.nCols} x ${raster.nRows} cells, bandwidth ${raster.bandwidth.toFixed(1)} m (${raster.bandwidthRule})`,
  );
  return {
    cellSize,
    bandwidth: raster.bandwidth,
    bandwidthRule: raster.bandwidthRule,
    unit: 'events per km2',
    minCol: raster.minCol,
    minRow: raster.minRow,
    nCols: raster.nCols,
    nRows: raster.nRows,
    /** Value k is the density at the centre of cell (minCol + k % nCols, minRow + floor(k / nCols)). */
    values: Array.from(perKm2),
    contours,
  };
}

export async function runEvaluate(ctx: CommandContext) {
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true })!;
  const splitText = str(ctx, 'split-date')!;
  const split = parseDay(splitText, 'iso');
  if (split === undefined) throw new CliError(`--split-date must be YYYY-MM-DD, got "${splitText}"`);
  const method = str(ctx, 'method', false) ?? 'gistar';
  if (method !== 'gistar' && method !== 'top') throw new CliError(`--method must be gistar or top, got "${method}"`);
  const share = num(ctx, 'top-share', { min: 0, max: 1, exclusiveMin: true, required: false }) ?? 0.05;
  const alpha = num(ctx, 'alpha', { min: 0, max: 1, exclusiveMin: true, required: false }) ?? 0.05;
  const ev = await load(ctx, true);
  const p1: number[] = [];
  const p2: number[] = [];
  for (let i = 0; i < ev.x.length; i++) (ev.days[i]! < split ? p1 : p2).push(i);
  if (p1.length < HOTSPOT_MIN_EVENTS || p2.length < 1) {
    throw new CliError(
      `too few events to evaluate: ${p1.length} before and ${p2.length} from ${splitText} (need at least ${HOTSPOT_MIN_EVENTS} and 1)`,
    );
  }
  const spec = gridFromPoints(ev.x, ev.y, cellSize);
  const pick = (idx: number[], a: Float64Array) => Float64Array.from(idx, (i) => a[i]!);
  const g1 = countPoints(spec, pick(p1, ev.x), pick(p1, ev.y));
  const g2 = countPoints(spec, pick(p2, ev.x), pick(p2, ev.y));
  const flagged = method === 'gistar' ? giStarGrid(g1, { alpha }).hot : topCells(g1.counts, share);
  const res = evaluateHotspots({ period1: g1.counts, period2: g2.counts, flagged });
  if (res.flaggedCells === 0) ctx.warn('warning: no cell was flagged from period 1; scores are undefined (null)');
  return { cellSize, method, splitDate: splitText, ...(method === 'top' ? { topShare: share } : { alpha }), ...res };
}
