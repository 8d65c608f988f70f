import { z } from 'zod';

export const uuidSchema = z.uuid();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a string has the shape of a UUID (any version), as ids in paths and links do. */
export const isUuid = (value: string): boolean => UUID.test(value);
export const codeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens');

/** ISO week like `2026-W47` (weeks are ISO weeks in Europe/Stockholm). */
export const isoWeekSchema = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'ISO week like 2026-W47');

export const roleSchema = z.enum(['admin', 'samordnare', 'rapportor', 'lasare']);
export type Role = z.infer<typeof roleSchema>;

export const latLonSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type LatLon = z.infer<typeof latLonSchema>;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
