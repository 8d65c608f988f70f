/**
 * Request values generated from a route's zod schemas, for tests that must reach every route
 * (the input fuzz): a sample that parses where it can, with every free string replaced by a
 * hostile value, so a request gets past the schema into the code behind it.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  format?: string;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  items?: AnySchema[];
  valueType?: AnySchema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
}

const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;
const parses = (schema: AnySchema, value: unknown) => (schema as unknown as z.ZodType).safeParse(value).success;

/** Candidates for a constrained string (formats and patterns), the first that parses wins. */
const CONSTRAINED_CANDIDATES = [
  () => randomUUID(),
  () => '2026-W10',
  () => '2026-03-05',
  () => '2026-03-05T10:00:00Z',
  () => 'fuzz-code',
  () => '04-30',
  () => '#aa3300',
  () => 'https://example.org/',
  () => 'fuzz@example.org',
  () => '2026-T1',
  () => '1',
  () => 'true',
];

/** Extreme but well-formed values for constrained strings: what parses, but breaks careless code. */
export const EXTREME_CONSTRAINED = [
  '0000-W01',
  '9999-W52',
  '2025-W53',
  '0001-01-01',
  '9999-12-31',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '2026-03-29T02:30:00+01:00',
  '9999-T3',
];

export interface SampleOptions {
  /** What every unconstrained string becomes. */
  text: string;
  /** What constrained strings become when the value parses; else a valid sample is used. */
  constrained?: string;
  number?: number;
  /** Leave optional fields out: a plain request with defaults, as a person would send it. */
  omitOptional?: boolean;
}

/** The smallest number a number schema accepts (1 where it has no lower bound), within its upper bound. */
function smallestAccepted(def: Def): number {
  let lower: number | undefined;
  let upper: number | undefined;
  for (const check of def.checks ?? []) {
    const c = check._zod.def as { check: string; value?: number; inclusive?: boolean };
    if (c.check === 'greater_than' && c.value !== undefined) lower = c.inclusive ? c.value : c.value + 1;
    if (c.check === 'less_than' && c.value !== undefined) upper = c.inclusive ? c.value : c.value - 1;
  }
  const value = lower ?? 1;
  return upper !== undefined && value > upper ? upper : value;
}

/** A value for `schema` with the given hostile strings, valid elsewhere wherever a sample parses. */
export function sample(schema: AnySchema, options: SampleOptions, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 8) return undefined;
  switch (def.type) {
    case 'string': {
      const constrained =
        def.format !== undefined || (def.checks ?? []).some((c) => c._zod.def.check === 'string_format');
      if (!constrained) return options.text;
      if (options.constrained !== undefined && parses(schema, options.constrained)) return options.constrained;
      for (const candidate of CONSTRAINED_CANDIDATES) {
        const value = candidate();
        if (parses(schema, value)) return value;
      }
      return options.text;
    }
    case 'number':
    case 'int':
      return options.number ?? smallestAccepted(def);
    case 'bigint':
      return 1;
    case 'boolean':
      return true;
    case 'literal':
      return def.values?.[0];
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'optional':
      if (options.omitOptional) return undefined;
      return sample(def.innerType!, options, depth + 1);
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sample(def.innerType!, options, depth + 1);
    case 'pipe':
      return sample(def.in!, options, depth + 1);
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        const value = sample(child, options, depth + 1);
        if (value !== undefined) result[key] = value;
      }
      return result;
    }
    case 'array':
      return [sample(def.element!, options, depth + 1)];
    case 'tuple':
      return (def.items ?? []).map((item) => sample(item, options, depth + 1));
    case 'record':
      return { key: sample(def.valueType!, options, depth + 1) };
    case 'union':
      return sample(def.options![0]!, options, depth + 1);
    case 'unknown':
    case 'any':
      return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: options.text } }] };
    default:
      return undefined;
  }
}

/** Query-string values (strings only) from an object schema's keys. */
export function sampleQuery(schema: AnySchema | undefined, options: SampleOptions): Record<string, string> {
  if (!schema) return {};
  const value = sample(schema, options);
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
}
