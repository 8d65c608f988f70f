import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';

// The committed Huddinge seed pack, read as the app would read it. Tests use it as a realistic fixture.
const geoDir = new URL('../../../../../seed-packs/huddinge/geo/', import.meta.url);

export function readHuddingeJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, geoDir), 'utf8'));
}

export function huddingeAreas(): { code: string; name: string; geometry: Polygon | MultiPolygon }[] {
  const collection = readHuddingeJson('areas.geojson') as {
    features: { properties: { code: string; name: string }; geometry: Polygon | MultiPolygon }[];
  };
  return collection.features.map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry }));
}

export function huddingeBoundary(): Polygon {
  return (readHuddingeJson('boundary.geojson') as { features: { geometry: Polygon }[] }).features[0]!.geometry;
}

export function huddingePlaces(): { code: string; name: string; lat: number; lon: number; approximate: boolean }[] {
  return readHuddingeJson('places.json') as {
    code: string;
    name: string;
    lat: number;
    lon: number;
    approximate: boolean;
  }[];
}
