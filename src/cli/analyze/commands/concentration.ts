/** `samtrygg analyze concentration`: share of events in the busiest cells or places, Lorenz curve, Gini. */
import { concentration } from '../../../analysis/concentration.ts';
import { studyGrid } from '../../../analysis/study-area.ts';
import { pick } from '../../../analysis/study-area.ts';
import { CliError } from '../errors.ts';
import { loadEvents, num, str, type CommandContext } from '../options.ts';
import { readStudyArea, studyAreaSummary } from '../study-area-file.ts';

function sharesOption(ctx: CommandContext): number[] {
  const text = str(ctx, 'shares', false) ?? '0.01,0.05,0.1';
  const shares = text.split(',').map(Number);
  if (shares.some((s) => !(s > 0 && s <= 1))) throw new CliError(`--shares must be numbers in (0, 1], got "${text}"`);
  return shares;
}

export async function run(ctx: CommandContext) {
  const by = str(ctx, 'by', false);
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true, required: false });
  if ((by === undefined) === (cellSize === undefined))
    throw new CliError('give either --by COLUMN (places) or --cell-size M (grid cells)');
  const shares = sharesOption(ctx);
  const studyArea = cellSize !== undefined ? await readStudyArea(ctx) : undefined;
  const ev = await loadEvents(ctx, false, by);
  if (ev.x.length === 0) throw new CliError('the input has no events');
  if (by !== undefined) {
    const { ids, names } = ev.keys!;
    const counts = new Float64Array(names.length);
    for (const id of ids) counts[id]! += 1;
    const r = concentration(counts, shares);
    ctx.warn(`concentration: ${ev.x.length} events at ${names.length} ${by} values; only places with events are known`);
    const top = [...names.keys()].sort((i, j) => counts[j]! - counts[i]!).slice(0, 10);
    return { unit: 'key', column: by, ...r, top: top.map((i) => ({ key: names[i]!, count: counts[i]! })) };
  }
  const area = studyGrid(ev.x, ev.y, { cellSize: cellSize!, ...(studyArea ? { studyArea } : {}) });
  const { grid, mask } = area;
  const counts = mask ? pick(grid.counts, mask) : grid.counts;
  const r = concentration(counts, shares);
  const order = [...counts.keys()].sort((i, j) => counts[j]! - counts[i]!).slice(0, 10);
  const gridIndex: number[] = [];
  for (let i = 0; i < grid.counts.length; i++) if (!mask || mask[i]) gridIndex.push(i);
  const summary = studyAreaSummary(ctx, 'concentration', area);
  ctx.warn(
    `concentration: ${r.events} events in ${r.units} cells; top ${r.shares.map((s) => `${s.share * 100} %: ${(s.eventShare * 100).toFixed(1)} %`).join(', ')}; Gini ${r.gini.toFixed(3)}`,
  );
  return {
    unit: 'cell',
    cellSize,
    ...r,
    top: order.map((k) => {
      const i = gridIndex[k]!;
      const col = grid.minCol + (i % grid.nCols);
      const row = grid.minRow + Math.floor(i / grid.nCols);
      return { col, row, x: col * cellSize!, y: row * cellSize!, count: counts[k]! };
    }),
    ...(summary ? { studyArea: summary } : {}),
  };
}
