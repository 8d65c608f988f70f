import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationError } from './errors.ts';

/**
 * Characters no text in Samtrygg may hold: NUL (PostgreSQL's text type cannot store it) and lone
 * UTF-16 surrogates (not Unicode at all; jsonb refuses the escape `JSON.stringify` writes for them,
 * so an audited text with one failed deep in a transaction). Refused up front, for every route.
 */
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Dot paths (`body.items.0.note`) of every string, or object key, in `value` that holds a forbidden character. */
export function pathsWithForbiddenCharacters(value: unknown, path: string, found: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') {
    if (FORBIDDEN.test(value)) found.push(path);
  } else if (Array.isArray(value)) {
    // JSON nesting is bounded by the body limit; the depth cap keeps a pathological body cheap.
    if (depth < 64) value.forEach((item, i) => pathsWithForbiddenCharacters(item, `${path}.${i}`, found, depth + 1));
  } else if (value !== null && typeof value === 'object' && depth < 64) {
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN.test(key)) found.push(`${path}.${key.replace(FORBIDDEN, '?')}`);
      else pathsWithForbiddenCharacters(child, `${path}.${key}`, found, depth + 1);
    }
  }
  return found;
}

/** Answers 400 VALIDATION (`INVALID_CHARACTERS` per field) before any schema or handler sees such input. */
export const textSafety = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const found = [
      ...pathsWithForbiddenCharacters(request.params, 'params'),
      ...pathsWithForbiddenCharacters(request.query, 'querystring'),
      ...pathsWithForbiddenCharacters(request.body, 'body'),
    ];
    if (found.length === 0) return;
    throw new ValidationError(
      'The input holds characters that are not allowed (NUL or broken Unicode)',
      found.map((path) => ({
        path,
        code: 'INVALID_CHARACTERS',
        message: 'contains a NUL character or broken Unicode',
      })),
    );
  });
});
