import { z } from 'zod';
import { freeText, referenceCode } from './free-text.ts';
import { codeSchema } from './common.ts';

/**
 * A name in the reference data (organisation, category, place): checked for identifiers, but a
 * place may carry a person's name ("Anna Lindhs park"), so names pass.
 */
const referenceName = (max: number) => freeText(z.string().trim().min(1).max(max), { allowNames: true });

export const organisationKindSchema = z.enum([
  'municipality',
  'police',
  'housing',
  'property',
  'fire-rescue',
  'correctional',
  'other',
]);

export const organisationViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: organisationKindSchema,
  active: z.boolean(),
});
export type OrganisationView = z.infer<typeof organisationViewSchema>;

export const organisationCreateSchema = z.strictObject({
  code: codeSchema,
  name: referenceName(200),
  shortName: referenceName(60),
  kind: organisationKindSchema,
});
export const organisationUpdateSchema = organisationCreateSchema.omit({ code: true }).partial().extend({
  active: z.boolean().optional(),
});

export const focusAreaViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  color: z.string(),
  active: z.boolean(),
});
export type FocusAreaView = z.infer<typeof focusAreaViewSchema>;

export const focusAreaUpdateSchema = z.strictObject({
  name: referenceName(200).optional(),
  nameEn: referenceName(200).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  active: z.boolean().optional(),
});

export const categoryViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  focusAreaCode: z.string(),
  active: z.boolean(),
});
export type CategoryView = z.infer<typeof categoryViewSchema>;

export const categoryCreateSchema = z.strictObject({
  code: codeSchema,
  name: referenceName(200),
  nameEn: referenceName(200),
  description: freeText(z.string().max(1000)).default(''),
  focusAreaCode: referenceCode(),
});
export const categoryUpdateSchema = categoryCreateSchema.omit({ code: true }).partial().extend({
  active: z.boolean().optional(),
});

export const areaViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  approximate: z.boolean(),
  source: z.string(),
  geometry: z.unknown(),
});
export type AreaView = z.infer<typeof areaViewSchema> & { geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon };

export const placeViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  lat: z.number(),
  lon: z.number(),
  areaCode: z.string().nullable(),
  approximate: z.boolean(),
  source: z.string(),
});
export type PlaceView = z.infer<typeof placeViewSchema>;

export const placeCreateSchema = z.strictObject({
  code: codeSchema,
  name: referenceName(200),
  kind: referenceName(60),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  approximate: z.boolean().default(false),
  source: freeText(z.string().max(500)).default(''),
});

export const municipalityViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  boundary: z.unknown(),
  mapCenter: z.object({ lat: z.number(), lon: z.number() }),
  mapZoom: z.number(),
  tileUrl: z.string(),
  tileAttribution: z.string(),
  /** The deployment runs with the synthetic demo data set; the UI says so on every page. */
  demo: z.boolean(),
});
export type MunicipalityView = z.infer<typeof municipalityViewSchema> & {
  boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon;
};
