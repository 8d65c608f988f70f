/**
 * Which strings of an input schema escape the personal-data rule: every unconstrained string must be
 * marked `freeText()` (checked) or `notFreeText()` (with a reason). Strings with a format or a
 * pattern (ids, dates, codes, e-mail addresses) are not free text. Used by the coverage test over
 * every route body and every input schema in src/contracts.
 */
import type { z } from 'zod';
import { freeTextRegistry, notFreeTextRegistry } from '../../../contracts/free-text.ts';

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
  rest?: AnySchema | null;
  valueType?: AnySchema;
  left?: AnySchema;
  right?: AnySchema;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** Paths of the strings (and opaque unknown/any values) in `schema` that are neither checked nor exempted. */
export function uncheckedStrings(schema: AnySchema, path = ''): string[] {
  const found: string[] = [];
  walk(schema, path, found, new Set());
  return found;
}

function walk(schema: AnySchema, path: string, found: string[], seen: Set<AnySchema>): void {
  if (seen.has(schema) || notFreeTextRegistry.has(schema as z.ZodType)) return;
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (def.type === 'string') {
    const constrained =
      def.format !== undefined ||
      (def.checks ?? []).some((c) => c._zod.def.check === 'string_format' && c._zod.def.format !== undefined);
    if (!constrained && !freeTextRegistry.has(schema as z.ZodString)) found.push(path || '(body)');
  } else if (def.type === 'unknown' || def.type === 'any') {
    found.push(`${path || '(body)'} (${def.type})`);
  } else if (WRAPPERS.has(def.type)) {
    walk(def.innerType!, path, found, seen);
  } else if (def.type === 'pipe') {
    walk(def.in!, path, found, seen);
    walk(def.out!, path, found, seen);
  } else if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, at(key), found, seen);
  } else if (def.type === 'array') {
    walk(def.element!, at('*'), found, seen);
  } else if (def.type === 'tuple') {
    (def.items ?? []).forEach((item, index) => walk(item, at(index), found, seen));
    if (def.rest) walk(def.rest, at('*'), found, seen);
  } else if (def.type === 'record') {
    // Keys are looked up against known names by the services; values are what a person types.
    walk(def.valueType!, at('*'), found, seen);
  } else if (def.type === 'union') {
    for (const option of def.options ?? []) walk(option, path, found, seen);
  } else if (def.type === 'intersection') {
    walk(def.left!, path, found, seen);
    walk(def.right!, path, found, seen);
  }
}
