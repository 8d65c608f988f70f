// Generates a seed pack's areas.geojson from its boundary.geojson and district-centres.json, then checks the
// result (valid, non-overlapping, covering the boundary, named places in areas). The app reads the committed
// areas.geojson; it never runs this.
//
//   npx tsx scripts/generate-areas.ts seed-packs/huddinge/geo
//
// Exits non-zero when a check fails, without writing the file.
import { area as geodesicArea } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAreaLocator } from '../src/server/features/reference/geo/area-assignment.ts';
import {
  validateAreaCollection,
  validateBoundary,
} from '../src/server/features/reference/geo/area-geojson-validation.ts';
import { buildDistrictAreas, type DistrictSeeds } from '../src/server/features/reference/geo/district-voronoi.ts';
import { geometryBBox } from '../src/server/features/reference/geo/geometry-bbox.ts';

const AREA_SOURCE = 'Generated: Voronoi cells of approximate district centres clipped to SCB boundary';
/** Same tolerance the app is expected to use at report intake; a named place further out than this is an error. */
const PLACE_TOLERANCE_METRES = 500;
/**
 * Sum of the district areas may differ from the boundary's by this fraction. Not zero: turf's area formula is
 * not exactly additive when an edge is split by a new vertex (the boundary's edges are, where district borders
 * meet them); for Huddinge that is ~400 m² of 132 km², i.e. 3e-6.
 */
const COVERAGE_TOLERANCE = 1e-5;
/** Grid spacing for the point-sampling coverage check, in degrees of latitude (~110 m). */
const SAMPLE_STEP_DEGREES = 0.001;

interface Place {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

function main(): void {
  const dir = process.argv[2];
  if (dir === undefined) {
    console.error('Usage: npx tsx scripts/generate-areas.ts <seed-pack geo directory>');
    process.exit(2);
  }

  const boundaryResult = validateBoundary(readJson(join(dir, 'boundary.geojson')));
  if (!boundaryResult.ok)
    fail(
      'boundary.geojson is invalid',
      boundaryResult.problems.map((p) => p.messageEn),
    );
  const boundary = boundaryResult.boundary;
  const districts = readJson(join(dir, 'district-centres.json')) as DistrictSeeds[];

  const areas = buildDistrictAreas(boundary, districts);
  const collection = {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      properties: { code: a.code, name: a.name, approximate: true, source: AREA_SOURCE },
      geometry: a.geometry,
    })),
  };

  const problems: string[] = [];

  // Validity, including pairwise overlap (> 1 m²).
  const validation = validateAreaCollection(collection);
  if (!validation.ok)
    problems.push(...validation.problems.map((p) => `feature ${p.featureIndex ?? '-'}: ${p.messageEn}`));

  // Coverage: with no overlaps, the districts cover the boundary exactly when their areas add up to its area
  // (each district is a subset of the boundary by construction).
  const boundaryM2 = geodesicArea(boundary);
  const districtM2 = areas.map((a) => ({ code: a.code, m2: geodesicArea(a.geometry) }));
  const sumM2 = districtM2.reduce((s, d) => s + d.m2, 0);
  const coverageGap = Math.abs(sumM2 - boundaryM2) / boundaryM2;
  console.log(
    `Boundary ${km2(boundaryM2)} km², districts sum ${km2(sumM2)} km² (relative difference ${coverageGap.toExponential(2)})`,
  );
  for (const d of districtM2) console.log(`  ${d.code.padEnd(20)} ${km2(d.m2).padStart(7)} km²`);
  if (coverageGap > COVERAGE_TOLERANCE)
    problems.push(`districts do not cover the boundary (difference ${coverageGap})`);

  // Independent of the area formula: every grid point inside the boundary lies in exactly one district.
  const [minLon, minLat, maxLon, maxLat] = geometryBBox(boundary);
  const lonStep = SAMPLE_STEP_DEGREES / Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  let samples = 0;
  let badSamples = 0;
  for (let lat = minLat + SAMPLE_STEP_DEGREES / 2; lat < maxLat; lat += SAMPLE_STEP_DEGREES) {
    for (let lon = minLon + lonStep / 2; lon < maxLon; lon += lonStep) {
      const inBoundary = booleanPointInPolygon([lon, lat], boundary);
      const hits = areas.filter((a) => booleanPointInPolygon([lon, lat], a.geometry)).length;
      if (inBoundary) samples++;
      if (hits !== (inBoundary ? 1 : 0)) badSamples++;
    }
  }
  console.log(`Sampled ${samples} grid points inside the boundary: ${badSamples} not in exactly one district`);
  if (badSamples > 0) problems.push(`${badSamples} sample points are in no district or in several`);

  // Every named place must land in (or, for generalised borders, near) some district.
  const locate = createAreaLocator(areas, { toleranceMetres: PLACE_TOLERANCE_METRES });
  const places = readJson(join(dir, 'places.json')) as Place[];
  console.log('Places:');
  for (const place of places) {
    const location = locate(place);
    const shown =
      location.kind === 'outside'
        ? `OUTSIDE (${Math.round(location.distanceMetres)} m)`
        : location.kind === 'near'
          ? `${location.areaCode} (near, ${Math.round(location.distanceMetres)} m outside)`
          : location.areaCode;
    console.log(`  ${place.name.padEnd(24)} -> ${shown}`);
    if (location.kind === 'outside') problems.push(`place ${place.code} is outside every district`);
  }

  if (problems.length > 0) fail('areas.geojson not written', problems);
  writeFileSync(join(dir, 'areas.geojson'), formatGeoJson(collection));
  console.log(`Wrote ${join(dir, 'areas.geojson')} (${areas.length} areas)`);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function km2(m2: number): string {
  return (m2 / 1e6).toFixed(2);
}

/** Indented JSON with each [lon, lat] pair on one line, so diffs of regenerated areas stay readable. */
function formatGeoJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e-]+),\s+(-?[\d.e-]+)\s+\]/g, '[$1, $2]')}\n`;
}

function fail(title: string, details: string[]): never {
  console.error(`${title}:`);
  for (const d of details) console.error(`  - ${d}`);
  process.exit(1);
}

main();
