import { z } from 'zod';
import { isUuid } from '../../contracts/common.ts';
import { NotFoundError } from './errors.ts';

/**
 * Path ids are taken as plain strings and checked by `existingId`, so a malformed id answers
 * 404 like a missing or hidden record (a 400 would tell a prober which ids are well-formed).
 */
export const idParamsSchema = z.object({ id: z.string() });

/** The id itself when it is a UUID; NOT_FOUND (404) for `entity` otherwise. */
export function existingId(entity: string, id: string): string {
  if (!isUuid(id)) throw new NotFoundError(entity);
  return id;
}
