import { featureCollection, multiPolygon, point } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { voronoi } from '@turf/voronoi';
import type { BBox, Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { geometryBBox } from './geometry-bbox.ts';

/** One district (kommundel) and the approximate centre points that stand for it. */
export interface DistrictSeeds {
  code: string;
  name: string;
  /** [lon, lat] in WGS84. A district with several seeds gets the union of their cells. */
  seeds: [number, number][];
}

export interface DistrictArea {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface BuildDistrictAreasOptions {
  /** Extra room around the boundary's bbox for the Voronoi extent, in degrees of latitude. */
  marginDegrees?: number;
  /** Decimal places kept in the output coordinates (7 ≈ 1 cm). */
  precision?: number;
}

/**
 * Partitions a municipal boundary into districts: the Voronoi cells of every seed point, clipped to the boundary,
 * unioned per district. Pure (no I/O) so the seed-pack generator and its tests share it; the app itself only
 * reads the generated file.
 *
 * Throws when a district has no seeds, when two seeds coincide (the Voronoi diagram has no cell for the
 * second), or when a district ends up with no area inside the boundary.
 */
export function buildDistrictAreas(
  boundary: Polygon | MultiPolygon,
  districts: readonly DistrictSeeds[],
  options: BuildDistrictAreasOptions = {},
): DistrictArea[] {
  const margin = options.marginDegrees ?? 0.05;
  const precision = options.precision ?? 7;
  assertDistinctSeeds(districts);

  const [minLon, minLat, maxLon, maxLat] = geometryBBox(boundary);
  // Voronoi in raw degrees would stretch cells east-west (a degree of longitude is only cos(lat) of a degree of
  // latitude). Scaling longitude by cos(mid-latitude) makes the cells "nearest centre in metres" to within a
  // fraction of a percent over a municipality.
  const lonScale = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const extent: BBox = [
    (minLon - margin / lonScale) * lonScale,
    minLat - margin,
    (maxLon + margin / lonScale) * lonScale,
    maxLat + margin,
  ];

  const seedPoints: Feature<Point, { district: number }>[] = [];
  districts.forEach((district, districtIndex) => {
    for (const [lon, lat] of district.seeds) {
      seedPoints.push(point([lon * lonScale, lat], { district: districtIndex }));
    }
  });
  const cells = voronoi(featureCollection(seedPoints), { bbox: extent });

  const cellsByDistrict: Position[][][][] = districts.map(() => []);
  for (const cell of cells.features) {
    const districtIndex = (cell.properties as { district: number }).district;
    const unscaled = cell.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x! / lonScale, y!]));
    cellsByDistrict[districtIndex]!.push(unscaled);
  }

  const boundaryFeature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: boundary };
  return districts.map((district, districtIndex) => {
    // polyclip-ts (behind @turf/intersect) accepts MultiPolygons whose parts touch or overlap and returns
    // non-overlapping, non-edge-sharing polygons, so intersecting the boundary with all of a district's cells
    // at once both clips and unions them, without needing @turf/union.
    const clipped = intersect(featureCollection([boundaryFeature, multiPolygon(cellsByDistrict[districtIndex]!)]));
    if (clipped === null) {
      throw new Error(`District ${district.code} has no area inside the boundary; check its seeds`);
    }
    return { code: district.code, name: district.name, geometry: roundGeometry(clipped.geometry, precision) };
  });
}

function assertDistinctSeeds(districts: readonly DistrictSeeds[]): void {
  const seen = new Map<string, string>();
  for (const district of districts) {
    if (district.seeds.length === 0) throw new Error(`District ${district.code} has no seeds`);
    for (const [lon, lat] of district.seeds) {
      const key = `${lon},${lat}`;
      const other = seen.get(key);
      if (other !== undefined) throw new Error(`Seed ${key} of ${district.code} duplicates a seed of ${other}`);
      seen.set(key, district.code);
    }
  }
}

function roundGeometry(geometry: Polygon | MultiPolygon, precision: number): Polygon | MultiPolygon {
  const factor = 10 ** precision;
  const roundRing = (ring: Position[]): Position[] =>
    ring.map(([lon, lat]) => [Math.round(lon! * factor) / factor, Math.round(lat! * factor) / factor]);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(roundRing)) };
}
