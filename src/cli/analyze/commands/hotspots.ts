/** `samtrygg analyze hotspots`: Getis-Ord Gi* on a grid (CONTRACT.md), optionally within a study area. */
import { giStarGridParallel } from '../../../analysis/gistar-parallel.ts';
import { objectWithArray } from '../json-output.ts';
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
  const { area, result } = await giStarGridParallel(ev.x, ev.y, {
    cellSize,
    permutations,
    seed,
    alpha: a,
    minCount,
    workers: workers(ctx),
    onProgress: ctx.warn,
    ...(studyArea ? { studyArea } : {}),
  });
  const { grid, mask } = area;
  // The study area's cells in grid order (all of them without one).
  let listed: Int32Array | null = null;
  if (mask) {
    listed = new Int32Array(area.cells);
    for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) listed[k++] = i;
  }
  const n = listed ? listed.length : grid.counts.length;
  const at = (k: number) => (listed ? listed[k]! : k);
  if (n < 2) throw new CliError('all events fall in one cell; use a smaller --cell-size');
  if (permutations > 0 && (2 / (permutations + 1)) * n > a) {
    ctx.warn(
      `warning: with ${permutations} permutations the smallest p is ${(2 / (permutations + 1)).toPrecision(3)}; ` +
        `after BH over ${n} cells few or no cells can be significant. Use more permutations or the analytic test.`,
    );
  }
  let hot = 0;
  let cold = 0;
  let thin = 0;
  for (let k = 0; k < n; k++) {
    const i = at(k);
    hot += result.hot[i]!;
    cold += result.cold[i]!;
    if (result.hot[i] && result.local[i]! < LONE_REPORT_WINDOW) thin++;
  }
  if (thin > 0) {
    ctx.warn(
      `warning: ${thin} hot cells have fewer than ${LONE_REPORT_WINDOW} events in their 3 x 3 window (a lone report ` +
        `on a sparse grid); use a larger --cell-size or --min-count ${LONE_REPORT_WINDOW}`,
    );
  }
  ctx.warn(`hotspots: ${ev.x.length} events, ${n} cells, ${hot} hot, ${cold} cold`);
  const summary = studyAreaSummary(ctx, 'hotspots', area);
  const { cellSize: m, minCol, minRow, nCols } = grid;
  // The contract's cell objects, written straight from the arrays (json-output.ts).
  return objectWithArray(
    { cellSize: m },
    'cells',
    n,
    (k) => {
      const i = at(k);
      const col = minCol + (i % nCols);
      const row = minRow + Math.floor(i / nCols);
      return (
        `{"col":${col},"row":${row},"x":${col * m},"y":${row * m},"count":${grid.counts[i]},` +
        `"z":${JSON.stringify(result.z[i])},"p":${JSON.stringify(result.p[i])},"hot":${result.hot[i] === 1},"cold":${result.cold[i] === 1}}`
      );
    },
    summary ? { studyArea: summary } : {},
  );
}
