/**
 * `samtrygg analyze change`: did the rate change between two periods, per area (`--by COLUMN`) or
 * per grid cell (`--cell-size M`)? Exact conditional test by default, BH over the tested units
 * (change.ts has the method and its sources).
 */
import { flagTwoPeriodChanges } from '../../../analysis/change.ts';
import { studyGrid } from '../../../analysis/study-area.ts';
import { CliError } from '../errors.ts';
import { alpha, day, loadEvents, num, oneOf, str, type CommandContext } from '../options.ts';
import { readStudyArea, studyAreaSummary } from '../study-area-file.ts';

const isoDay = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

export async function run(ctx: CommandContext) {
  const split = day(ctx, 'split-date')!;
  const by = str(ctx, 'by', false);
  const cellSize = num(ctx, 'cell-size', { min: 0, exclusiveMin: true, required: false });
  if ((by === undefined) === (cellSize === undefined))
    throw new CliError('give either --by COLUMN (areas or places) or --cell-size M (grid cells)');
  const method = oneOf(ctx, 'test', ['exact', 'poisson'] as const, 'exact');
  const alternative = oneOf(ctx, 'alternative', ['two-sided', 'greater', 'less'] as const, 'two-sided');
  const a = alpha(ctx);
  const studyArea = cellSize !== undefined ? await readStudyArea(ctx) : undefined;
  if (by !== undefined && str(ctx, 'study-area', false) !== undefined)
    throw new CliError('--study-area applies to grid cells (--cell-size), not to --by');
  const ev = await loadEvents(ctx, true, by);
  if (ev.x.length === 0) throw new CliError('the input has no events');
  let first = Infinity;
  let last = -Infinity;
  for (const d of ev.days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const from = day(ctx, 'from', false) ?? first;
  const to = day(ctx, 'to', false) ?? last;
  const t1 = split - from;
  const t2 = to - split + 1;
  if (t1 <= 0 || t2 <= 0)
    throw new CliError(
      `--split-date ${isoDay(split)} must lie after the first day (${isoDay(from)}) and on or before the last (${isoDay(to)})`,
    );
  const inRange: number[] = [];
  for (let k = 0; k < ev.x.length; k++) if (ev.days[k]! >= from && ev.days[k]! <= to) inRange.push(k);
  const ignoredEvents = ev.x.length - inRange.length;
  if (ignoredEvents > 0)
    ctx.warn(`change: ${ignoredEvents} events lie outside ${isoDay(from)}..${isoDay(to)} and are not counted`);
  const before = (k: number) => ev.days[k]! < split;
  const period = (start: number, days: number, events: number) => ({
    from: isoDay(start),
    to: isoDay(start + days - 1),
    days,
    events,
  });
  const events1 = inRange.filter(before).length;
  const common = {
    test: method,
    alternative,
    alpha: a,
    period1: period(from, t1, events1),
    period2: period(split, t2, inRange.length - events1),
    ignoredEvents,
  };
  const options = { alpha: a, alternative, method };

  if (by !== undefined) {
    const { ids, names } = ev.keys!;
    const c1 = new Float64Array(names.length);
    const c2 = new Float64Array(names.length);
    for (const k of inRange) (before(k) ? c1 : c2)[ids[k]!]! += 1;
    const order = names.map((_, i) => i).sort((i, j) => names[i]!.localeCompare(names[j]!, 'sv'));
    const flags = flagTwoPeriodChanges(
      order.map((i) => ({ count1: c1[i]!, count2: c2[i]! })),
      t1,
      t2,
      options,
    );
    ctx.warn(`change: ${names.length} ${by} values, ${flags.filter((f) => f.significant).length} significant`);
    return { ...common, unit: 'key', column: by, units: flags.map((f, k) => ({ key: names[order[k]!]!, ...f })) };
  }

  const x = Float64Array.from(inRange, (k) => ev.x[k]!);
  const y = Float64Array.from(inRange, (k) => ev.y[k]!);
  const area = studyGrid(x, y, { cellSize: cellSize!, ...(studyArea ? { studyArea } : {}) });
  const { grid, mask } = area;
  const c1 = new Float64Array(grid.counts.length);
  inRange.forEach((k, j) => {
    if (!before(k)) return;
    const c = Math.floor(x[j]! / cellSize!) - grid.minCol;
    const r = Math.floor(y[j]! / cellSize!) - grid.minRow;
    if (c >= 0 && r >= 0 && c < grid.nCols && r < grid.nRows) c1[r * grid.nCols + c]! += 1;
  });
  // Cells without an event in either period cannot show a change; testing them only dilutes BH.
  const tested: number[] = [];
  for (let i = 0; i < grid.counts.length; i++) if ((!mask || mask[i]) && grid.counts[i]! > 0) tested.push(i);
  const flags = flagTwoPeriodChanges(
    tested.map((i) => ({ count1: c1[i]!, count2: grid.counts[i]! - c1[i]! })),
    t1,
    t2,
    options,
  );
  const summary = studyAreaSummary(ctx, 'change', area);
  ctx.warn(
    `change: ${tested.length} of ${area.cells} cells hold events, ${flags.filter((f) => f.significant).length} significant`,
  );
  return {
    ...common,
    unit: 'cell',
    cellSize,
    cells: area.cells,
    untestedCells: area.cells - tested.length,
    units: flags.map((f, k) => {
      const i = tested[k]!;
      const col = grid.minCol + (i % grid.nCols);
      const row = grid.minRow + Math.floor(i / grid.nCols);
      return { col, row, x: col * cellSize!, y: row * cellSize!, ...f };
    }),
    ...(summary ? { studyArea: summary } : {}),
  };
}
