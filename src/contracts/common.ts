import { z } from 'zod';
import { weekRange } from './iso-week.ts';

export const uuidSchema = z.uuid();
export const codeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens');

/** The years Samtrygg's weeks may name: any history a municipality imports, never year 0 or 9999. */
export const WEEK_YEARS = { min: 1970, max: 2100 } as const;

/**
 * ISO week like `2026-W47` (weeks are ISO weeks in Europe/Stockholm) that exists: `2025-W53` does
 * not (2025 has 52 weeks), and years outside WEEK_YEARS are refused before any date arithmetic.
 */
export const isoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'ISO week like 2026-W47')
  .refine(
    (week) => {
      const year = Number(week.slice(0, 4));
      if (year < WEEK_YEARS.min || year > WEEK_YEARS.max) return false;
      try {
        weekRange(week);
        return true;
      } catch {
        return false;
      }
    },
    { message: `no such ISO week (years ${WEEK_YEARS.min}-${WEEK_YEARS.max})`, params: { code: 'NO_SUCH_WEEK' } },
  );

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
