/** `samtrygg analyze hotspots`: Getis-Ord Gi* on a grid (CONTRACT.md), optionally within a study area. */
import { giStarHotspotsParallel } from '../../../analysis/gistar-parallel.ts';
import { CliError } from '../errors.ts';
import { alpha, HOTSPOT_MIN_EVENTS, loadEvents, num, workers, type CommandContext } from '../options.ts';
import { readStudyArea, studyAreaSummary } from '../study-area-file.ts';

/** Below this many events in its window a hot cell rests on a report or two (see the method text). */
export const LONE_REPORT_WINDOW = 3;

export async function run(ctx: CommandContext) {
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true })!;
  const permutations = num(ctx, 'permutations', { integer: true, min: 0, max: 100_000, required: false }) ?? 0;
  const seed = num(ctx, 'seed', { integer: true, required: false }) ?? 0;
  const minCount = num(ctx, 'min-count', { integer: true, min: 0, required: false }) ?? 0;
  const a = alpha(ctx);
  const studyArea = await readStudyArea(ctx);
  const ev = await loadEvents(ctx, false);
  if (ev.x.length < HOTSPOT_MIN_EVENTS)
    throw new CliError(`too few events for a hot-spot test: ${ev.x.length} (need at least ${HOTSPOT_MIN_EVENTS})`);
  const res = await giStarHotspotsParallel(ev.x, ev.y, {
    cellSize,
    permutations,
    seed,
    alpha: a,
    minCount,
    workers: workers(ctx),
    onProgress: ctx.warn,
    ...(studyArea ? { studyArea } : {}),
  });
  if (res.cells.length < 2) throw new CliError('all events fall in one cell; use a smaller --cell-size');
  if (permutations > 0 && (2 / (permutations + 1)) * res.cells.length > a) {
    ctx.warn(
      `warning: with ${permutations} permutations the smallest p is ${(2 / (permutations + 1)).toPrecision(3)}; ` +
        `after BH over ${res.cells.length} cells few or no cells can be significant. Use more permutations or the analytic test.`,
    );
  }
  const thin = res.cells.filter((c, k) => c.hot && res.windowCounts[k]! < LONE_REPORT_WINDOW).length;
  if (thin > 0) {
    ctx.warn(
      `warning: ${thin} hot cells have fewer than ${LONE_REPORT_WINDOW} events in their 3 x 3 window (a lone report ` +
        `on a sparse grid); use a larger --cell-size or --min-count ${LONE_REPORT_WINDOW}`,
    );
  }
  const hot = res.cells.filter((c) => c.hot).length;
  const cold = res.cells.filter((c) => c.cold).length;
  ctx.warn(`hotspots: ${ev.x.length} events, ${res.cells.length} cells, ${hot} hot, ${cold} cold`);
  const area = studyAreaSummary(ctx, 'hotspots', { ...res, cells: res.cells.length });
  return { cellSize: res.cellSize, cells: res.cells, ...(area ? { studyArea: area } : {}) };
}
