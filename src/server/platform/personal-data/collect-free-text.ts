/**
 * Finds the free-text fields of a parsed request body by walking its zod schema beside the value:
 * every string whose schema is marked with `freeText()` (src/contracts/free-text.ts) is returned
 * with its path, so one guard can check every route without knowing any feature.
 */
import type { z } from 'zod';
import { freeTextRegistry } from '../../../contracts/free-text.ts';
import type { TextField } from './rule.ts';

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
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
  getter?: () => AnySchema;
}

const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;

/** The marked free-text fields in `value`, parsed by `schema`; paths are dot-joined (`items.0.note`). */
export function collectFreeText(schema: AnySchema, value: unknown): TextField[] {
  const found: TextField[] = [];
  walk(schema, value, [], found);
  return found;
}

function walk(schema: AnySchema, value: unknown, path: (string | number)[], found: TextField[]): void {
  if (value === undefined || value === null) return;
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const options = freeTextRegistry.get(schema as z.ZodString);
      if (options && typeof value === 'string') found.push({ field: path.join('.'), text: value, ...options });
      return;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType!, value, path, found);
    case 'pipe': {
      // The parsed value is the pipe's output; a marked string may sit on either side.
      const sub: TextField[] = [];
      walk(def.in!, value, path, sub);
      walk(def.out!, value, path, sub);
      found.push(...sub.filter((field, i) => sub.findIndex((other) => other.field === field.field) === i));
      return;
    }
    case 'lazy':
      return walk(def.getter!(), value, path, found);
    case 'object':
      if (typeof value !== 'object') return;
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        walk(child, (value as Record<string, unknown>)[key], [...path, key], found);
      }
      return;
    case 'array':
      if (!Array.isArray(value)) return;
      value.forEach((item, index) => walk(def.element!, item, [...path, index], found));
      return;
    case 'tuple':
      if (!Array.isArray(value)) return;
      value.forEach((item, index) => {
        const child = def.items?.[index] ?? def.rest;
        if (child) walk(child, item, [...path, index], found);
      });
      return;
    case 'record':
      if (typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        walk(def.valueType!, child, [...path, key], found);
      }
      return;
    case 'union': {
      // The option the value was parsed by; checking a field twice is harmless, missing one is not.
      const seen = new Set<string>();
      for (const option of def.options ?? []) {
        const sub: TextField[] = [];
        walk(option, value, path, sub);
        for (const field of sub) {
          if (seen.has(field.field)) continue;
          seen.add(field.field);
          found.push(field);
        }
      }
      return;
    }
    case 'intersection':
      walk(def.left!, value, path, found);
      walk(def.right!, value, path, found);
      return;
    default:
      return;
  }
}
