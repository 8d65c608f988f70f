import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { codeSchema } from '../../../contracts/common.ts';
import { organisationKindSchema } from '../../../contracts/reference.ts';

/** Where seed packs live: one folder per municipality (`seed-packs/<name>/`). */
export const seedPacksDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../seed-packs');

const packSchema = z.object({
  municipality: z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    shortName: z.string().min(1),
    mapCenter: z.object({ lat: z.number(), lon: z.number() }),
    mapZoom: z.number().int().min(1).max(19),
    areaToleranceMetres: z.number().int().min(0).max(5000),
  }),
  organisations: z.array(
    z.object({ code: codeSchema, name: z.string().min(1), shortName: z.string().min(1), kind: organisationKindSchema }),
  ),
  focusAreas: z.array(
    z.object({ code: codeSchema, name: z.string().min(1), nameEn: z.string().min(1), color: z.string() }),
  ),
  categories: z.array(
    z.object({
      code: codeSchema,
      name: z.string().min(1),
      nameEn: z.string().min(1),
      focusAreaCode: codeSchema,
      description: z.string().optional(),
    }),
  ),
});

const placeSchema = z.object({
  code: codeSchema,
  name: z.string().min(1),
  kind: z.string().min(1),
  lat: z.number(),
  lon: z.number(),
  approximate: z.boolean(),
  source: z.string(),
});

const polygonal = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) });

const areaCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        code: codeSchema,
        name: z.string().min(1),
        approximate: z.boolean().optional(),
        source: z.string().optional(),
      }),
      geometry: polygonal,
    }),
  ),
});

const boundarySchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ geometry: polygonal })).length(1),
});

export interface SeedPack {
  name: string;
  municipality: z.infer<typeof packSchema>['municipality'];
  organisations: z.infer<typeof packSchema>['organisations'];
  focusAreas: z.infer<typeof packSchema>['focusAreas'];
  categories: z.infer<typeof packSchema>['categories'];
  boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  areas: {
    code: string;
    name: string;
    approximate: boolean;
    source: string;
    geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  }[];
  places: z.infer<typeof placeSchema>[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Reads and validates a seed pack; throws naming the file and the first problems. */
export function loadSeedPack(name: string, dir = seedPacksDir): SeedPack {
  const root = path.join(dir, name);
  const parse = <T>(schema: z.ZodType<T>, file: string): T => {
    const result = schema.safeParse(readJson(path.join(root, file)));
    if (!result.success) {
      const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`Seed pack ${name}: ${file} is invalid:\n  ${issues.join('\n  ')}`);
    }
    return result.data;
  };
  const pack = parse(packSchema, 'pack.json');
  const boundary = parse(boundarySchema, 'geo/boundary.geojson');
  const areas = parse(areaCollectionSchema, 'geo/areas.geojson');
  const places = parse(z.array(placeSchema), 'geo/places.json');
  return {
    name,
    ...pack,
    boundary: boundary.features[0]!.geometry,
    areas: areas.features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      approximate: f.properties.approximate ?? true,
      source: f.properties.source ?? '',
      geometry: f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon,
    })),
    places,
  };
}
