/** Option parsing shared by the `samtrygg analyze` commands: typed values with clear messages. */
import { CliError } from './errors.ts';
import { readEvents, type Crs, type DateFormat, type Events } from './input.ts';
import { parseDayText } from './csv/byte-values.ts';

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  warn: (message: string) => void;
}

export function str(ctx: CommandContext, name: string, required = true): string | undefined {
  const v = ctx.values[name];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (required) throw new CliError(`missing required option --${name}`);
  return undefined;
}

export function num(
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

export function oneOf<T extends string>(ctx: CommandContext, name: string, choices: readonly T[], fallback: T): T {
  const v = str(ctx, name, false) ?? fallback;
  if (!(choices as readonly string[]).includes(v))
    throw new CliError(`--${name} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, got "${v}"`);
  return v as T;
}

export const crs = (ctx: CommandContext): Crs => oneOf(ctx, 'crs', ['sweref99tm', 'projected'] as const, 'sweref99tm');

export const dateFormat = (ctx: CommandContext): DateFormat =>
  oneOf(ctx, 'date-format', ['iso', 'dd/mm/yyyy', 'mm/dd/yyyy'] as const, 'iso');

/** A YYYY-MM-DD option as a day number. */
export function day(ctx: CommandContext, name: string, required = true): number | undefined {
  const text = str(ctx, name, required);
  if (text === undefined) return undefined;
  const d = parseDayText(text, 'iso');
  if (Number.isNaN(d)) throw new CliError(`--${name} must be YYYY-MM-DD, got "${text}"`);
  return d;
}

export const alpha = (ctx: CommandContext) =>
  num(ctx, 'alpha', { min: 0, max: 1, exclusiveMin: true, required: false }) ?? 0.05;

export function workers(ctx: CommandContext): number | 'auto' {
  const w = str(ctx, 'workers', false) ?? 'auto';
  const v = w === 'auto' ? 'auto' : Number(w);
  if (v !== 'auto' && !(Number.isInteger(v) && v >= 1))
    throw new CliError(`--workers must be auto or a positive integer, got "${w}"`);
  return v;
}

export async function loadEvents(ctx: CommandContext, needDates: boolean, keyColumn?: string): Promise<Events> {
  return readEvents(
    str(ctx, 'input')!,
    {
      crs: crs(ctx),
      needDates,
      dateColumn: str(ctx, 'date-column', false) ?? 'date',
      dateFormat: dateFormat(ctx),
      ...(keyColumn !== undefined ? { keyColumn } : {}),
    },
    ctx.warn,
  );
}

/** Fewest events for which a hot-spot statistic says anything. */
export const HOTSPOT_MIN_EVENTS = 3;
