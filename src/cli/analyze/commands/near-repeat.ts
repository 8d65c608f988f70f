/** `samtrygg analyze near-repeat`: the Knox test (CONTRACT.md). */
import { knoxTestParallel } from '../../../analysis/knox-parallel.ts';
import { KNOX_MIN_EVENTS } from '../../../analysis/knox.ts';
import { CliError } from '../errors.ts';
import { loadEvents, num, oneOf, workers, type CommandContext } from '../options.ts';

export async function run(ctx: CommandContext) {
  const spaceBand = num(ctx, 'space-band', { min: 0, exclusiveMin: true })!;
  const spaceBands = num(ctx, 'space-bands', { integer: true, min: 1, max: 250 })!;
  const timeBand = num(ctx, 'time-band', { integer: true, min: 1 })!;
  const timeBands = num(ctx, 'time-bands', { integer: true, min: 1, max: 250 })!;
  const iterations = num(ctx, 'iterations', { integer: true, min: 1, max: 1_000_000 })!;
  const seed = num(ctx, 'seed', { integer: true })!;
  const distance = oneOf(ctx, 'distance', ['euclidean', 'manhattan'] as const, 'euclidean');
  const threads = workers(ctx);
  const ev = await loadEvents(ctx, true);
  if (ev.x.length < KNOX_MIN_EVENTS)
    throw new CliError(`too few events for a Knox test: ${ev.x.length} (need at least ${KNOX_MIN_EVENTS})`);
  const { workers: _used, ...result } = await knoxTestParallel(ev.x, ev.y, ev.days, {
    spaceBand,
    spaceBands,
    timeBand,
    timeBands,
    iterations,
    seed,
    distance,
    nrcCompatible: ctx.values['nrc-compatible'] === true,
    workers: threads,
    onProgress: ctx.warn,
  });
  return result;
}
