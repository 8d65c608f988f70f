/** `samtrygg analyze evaluate`: period-1 hot spots scored on period 2 (hit rate, PAI, PEI, RRI). */
import { giStarGrid } from '../../../analysis/gistar.ts';
import { evaluateHotspots, topCells } from '../../../analysis/evaluation.ts';
import { countPoints } from '../../../analysis/grid.ts';
import { pick, studyGrid } from '../../../analysis/study-area.ts';
import { CliError } from '../errors.ts';
import { alpha, day, HOTSPOT_MIN_EVENTS, loadEvents, num, oneOf, str, type CommandContext } from '../options.ts';
import { readStudyArea, studyAreaSummary } from '../study-area-file.ts';

export async function run(ctx: CommandContext) {
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true })!;
  const split = day(ctx, 'split-date')!;
  const method = oneOf(ctx, 'method', ['gistar', 'top'] as const, 'gistar');
  const share = num(ctx, 'top-share', { min: 0, max: 1, exclusiveMin: true, required: false }) ?? 0.05;
  const minCount = num(ctx, 'min-count', { integer: true, min: 0, required: false }) ?? 0;
  const a = alpha(ctx);
  const studyArea = await readStudyArea(ctx);
  const ev = await loadEvents(ctx, true);
  const p1: number[] = [];
  const p2: number[] = [];
  for (let i = 0; i < ev.x.length; i++) (ev.days[i]! < split ? p1 : p2).push(i);
  const splitText = str(ctx, 'split-date')!;
  if (p1.length < HOTSPOT_MIN_EVENTS || p2.length < 1) {
    throw new CliError(
      `too few events to evaluate: ${p1.length} before and ${p2.length} from ${splitText} (need at least ${HOTSPOT_MIN_EVENTS} and 1)`,
    );
  }
  // The study area is the grid over all events, or the given area's cells (PAI's area A).
  const all = studyGrid(ev.x, ev.y, { cellSize, ...(studyArea ? { studyArea } : {}) });
  const of = (idx: number[], a: Float64Array) => Float64Array.from(idx, (i) => a[i]!);
  const count = (idx: number[]) => {
    const g = countPoints(all.grid, of(idx, ev.x), of(idx, ev.y));
    if (all.mask) for (let i = 0; i < g.counts.length; i++) if (!all.mask[i]) g.counts[i] = 0;
    return g;
  };
  const g1 = count(p1);
  const g2 = count(p2);
  const keep = all.mask ?? new Uint8Array(g1.counts.length).fill(1);
  const period1 = pick(g1.counts, keep);
  const period2 = pick(g2.counts, keep);
  const flagged =
    method === 'gistar'
      ? pick(giStarGrid(g1, { alpha: a, mask: all.mask, minCount }).hot, keep)
      : topCells(period1, share);
  const res = evaluateHotspots({ period1, period2, flagged });
  if (res.flaggedCells === 0) ctx.warn('warning: no cell was flagged from period 1; scores are undefined (null)');
  const summary = studyAreaSummary(ctx, 'evaluate', all);
  return {
    cellSize,
    method,
    splitDate: splitText,
    ...(method === 'top' ? { topShare: share } : { alpha: a }),
    ...res,
    ...(summary ? { studyArea: summary } : {}),
  };
}
