/** `samtrygg analyze emerging`: emerging hot spots on a space-time cube (emerging.ts has the method). */
import { emergingHotSpots, EMERGING_CATEGORIES } from '../../../analysis/emerging.ts';
import { buildCube } from '../../../analysis/emerging-cube.ts';
import { CliError } from '../errors.ts';
import { alpha, day, loadEvents, num, oneOf, type CommandContext } from '../options.ts';
import { readStudyArea, studyAreaSummary } from '../study-area-file.ts';

const isoDay = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

export async function run(ctx: CommandContext) {
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true })!;
  const interval = oneOf(ctx, 'interval', ['week', 'month'] as const, 'week');
  const timeWindow = num(ctx, 'time-window', { integer: true, min: 0, max: 12, required: false }) ?? 1;
  const minCount = num(ctx, 'min-count', { integer: true, min: 0, required: false }) ?? 0;
  const a = alpha(ctx);
  const fromDay = day(ctx, 'from', false);
  const toDay = day(ctx, 'to', false);
  const studyArea = await readStudyArea(ctx);
  const ev = await loadEvents(ctx, true);
  if (ev.x.length < 3) throw new CliError(`too few events for emerging hot spots: ${ev.x.length}`);
  const built = buildCube(ev.x, ev.y, ev.days, {
    cellSize,
    interval,
    ...(studyArea ? { studyArea } : {}),
    ...(fromDay !== undefined ? { fromDay } : {}),
    ...(toDay !== undefined ? { toDay } : {}),
  });
  if (built.steps.length < 5)
    throw new CliError(
      `emerging hot spots need at least 5 time steps; the data span ${built.steps.length} ${interval}s`,
    );
  if (built.steps.length < 10)
    ctx.warn(`warning: ${built.steps.length} time steps; the Mann-Kendall trend says little below about 10`);
  const res = emergingHotSpots(built.cube, { timeWindow, alpha: a, minCount });
  const { grid } = built.area;
  const counts = new Float64Array(built.cube.cellIndex.length);
  const nCells = counts.length;
  for (let b = 0; b < built.cube.counts.length; b++) counts[b % nCells]! += built.cube.counts[b]!;
  const tally = Object.fromEntries(EMERGING_CATEGORIES.map((c) => [c, 0])) as Record<string, number>;
  for (const c of res.category) tally[c]!++;
  ctx.warn(
    `emerging: ${ev.x.length} events, ${nCells} cells x ${built.steps.length} ${interval}s, ` +
      EMERGING_CATEGORIES.filter((c) => c !== 'none' && tally[c])
        .map((c) => `${tally[c]} ${c}`)
        .join(', '),
  );
  const summary = studyAreaSummary(ctx, 'emerging', built.area);
  return {
    cellSize,
    interval,
    timeWindow,
    alpha: a,
    timeSteps: built.steps.map((s) => ({ from: isoDay(s.from), to: isoDay(s.to) })),
    eventsOutsideTime: built.eventsOutsideTime,
    categories: tally,
    cells: Array.from(built.cube.cellIndex, (i, c) => {
      const col = grid.minCol + (i % grid.nCols);
      const row = grid.minRow + Math.floor(i / grid.nCols);
      const t = res.trend[c]!;
      return {
        col,
        row,
        x: col * cellSize,
        y: row * cellSize,
        count: counts[c]!,
        category: res.category[c]!,
        hotBins: res.hotBins[c]!,
        coldBins: res.coldBins[c]!,
        trend: { s: t.s, z: t.z, p: t.p },
      };
    }),
    ...(summary ? { studyArea: summary } : {}),
  };
}
