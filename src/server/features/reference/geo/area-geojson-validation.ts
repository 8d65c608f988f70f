import { kinks } from '@turf/kinks';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { findOverlaps } from './area-overlaps.ts';
import { problem, type AreaProblem } from './area-problems.ts';

export type { AreaProblem, AreaProblemCode } from './area-problems.ts';

// Checks an uploaded area set (or municipal boundary) before it replaces the current one. Every problem is
// collected, not just the first, so an administrator can fix a file in one round trip.

export interface ValidatedArea {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export type AreaCollectionValidation = { ok: true; areas: ValidatedArea[] } | { ok: false; problems: AreaProblem[] };
export type BoundaryValidation =
  { ok: true; boundary: Polygon | MultiPolygon } | { ok: false; problems: AreaProblem[] };

export interface AreaValidationOptions {
  /**
   * Overlap below this many square metres is ignored: areas that share an edge meet in a sliver of a few cm²
   * once coordinates are rounded, which is not a real overlap.
   */
  overlapToleranceSquareMetres?: number;
}

/** Lower-case ASCII words joined by single hyphens, as in `stuvsta-snattringe`. */
export const AREA_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const AREA_CODE_MAX_LENGTH = 64;

const DEFAULT_OVERLAP_TOLERANCE_M2 = 1;
/** Plenty for a district drawn from SCB's or Lantmäteriet's data; more is a file to simplify. */
export const MAX_VERTICES_PER_AREA = 10_000;
const YIELD_AFTER_MS = 15;

/** Every problem of an uploaded area set; asynchronous because the overlap check yields to other requests. */
export async function validateAreaCollection(
  input: unknown,
  options: AreaValidationOptions = {},
): Promise<AreaCollectionValidation> {
  const tolerance = options.overlapToleranceSquareMetres ?? DEFAULT_OVERLAP_TOLERANCE_M2;
  if (!isRecord(input) || input['type'] !== 'FeatureCollection' || !Array.isArray(input['features'])) {
    return { ok: false, problems: [notAFeatureCollection(input)] };
  }
  const features: unknown[] = input['features'];
  if (features.length === 0) return { ok: false, problems: [noFeatures()] };

  const problems: AreaProblem[] = [];
  const candidates: { featureIndex: number; area: ValidatedArea | undefined }[] = [];
  const firstIndexByCode = new Map<string, number>();

  let sliceStart = performance.now();
  for (const [featureIndex, feature] of features.entries()) {
    // The self-intersection check costs O(n²) per ring: let other requests in between features.
    if (performance.now() - sliceStart > YIELD_AFTER_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    if (!isRecord(feature) || feature['type'] !== 'Feature') {
      problems.push(
        problem(
          featureIndex,
          'NOT_A_FEATURE',
          'Posten är inte ett GeoJSON-Feature.',
          'The entry is not a GeoJSON Feature.',
        ),
      );
      continue;
    }
    const properties = isRecord(feature['properties']) ? feature['properties'] : {};
    const code = checkCode(properties['code'], featureIndex, firstIndexByCode, problems);
    const name = checkName(properties['name'], featureIndex, problems);
    const geometry = checkPolygonalGeometry(feature['geometry'], featureIndex, problems);
    candidates.push({
      featureIndex,
      area: code !== undefined && name !== undefined && geometry !== undefined ? { code, name, geometry } : undefined,
    });
  }

  // Overlaps are only meaningful between geometries that are themselves valid; polyclip may also throw on
  // broken rings.
  const valid = candidates.flatMap((c) =>
    c.area === undefined ? [] : [{ featureIndex: c.featureIndex, area: c.area }],
  );
  problems.push(...(await findOverlaps(valid, { toleranceSquareMetres: tolerance })));

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, areas: valid.map((v) => v.area) };
}

/** Accepts a bare Polygon/MultiPolygon, a Feature holding one, or a FeatureCollection with exactly one such Feature. */
export function validateBoundary(input: unknown): BoundaryValidation {
  if (!isRecord(input)) return { ok: false, problems: [notABoundary()] };
  let geometry: unknown;
  if (input['type'] === 'FeatureCollection') {
    const features = input['features'];
    if (!Array.isArray(features)) return { ok: false, problems: [notABoundary()] };
    if (features.length === 0) return { ok: false, problems: [noFeatures()] };
    if (features.length > 1) {
      return {
        ok: false,
        problems: [
          problem(
            undefined,
            'MULTIPLE_BOUNDARIES',
            `Filen innehåller ${features.length} objekt; kommungränsen ska vara ett enda (Polygon eller MultiPolygon).`,
            `The file holds ${features.length} features; the boundary must be a single one (Polygon or MultiPolygon).`,
          ),
        ],
      };
    }
    const feature: unknown = features[0];
    if (!isRecord(feature) || feature['type'] !== 'Feature') {
      return {
        ok: false,
        problems: [
          problem(0, 'NOT_A_FEATURE', 'Posten är inte ett GeoJSON-Feature.', 'The entry is not a GeoJSON Feature.'),
        ],
      };
    }
    geometry = feature['geometry'];
  } else if (input['type'] === 'Feature') {
    geometry = input['geometry'];
  } else if (input['type'] === 'Polygon' || input['type'] === 'MultiPolygon') {
    geometry = input;
  } else {
    return { ok: false, problems: [notABoundary()] };
  }
  const problems: AreaProblem[] = [];
  const boundary = checkPolygonalGeometry(geometry, undefined, problems);
  if (boundary === undefined) return { ok: false, problems };
  return { ok: true, boundary };
}

function checkCode(
  value: unknown,
  featureIndex: number,
  firstIndexByCode: Map<string, number>,
  problems: AreaProblem[],
): string | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    problems.push(
      problem(featureIndex, 'MISSING_CODE', 'Egenskapen "code" saknas.', 'The "code" property is missing.'),
    );
    return undefined;
  }
  if (!AREA_CODE_PATTERN.test(value) || value.length > AREA_CODE_MAX_LENGTH) {
    problems.push(
      problem(
        featureIndex,
        'INVALID_CODE',
        `Koden "${value}" är ogiltig: använd små bokstäver a–z, siffror och bindestreck (t.ex. "stuvsta-snattringe"), högst ${AREA_CODE_MAX_LENGTH} tecken.`,
        `The code "${value}" is invalid: use lower-case a–z, digits and hyphens (e.g. "stuvsta-snattringe"), at most ${AREA_CODE_MAX_LENGTH} characters.`,
      ),
    );
    return undefined;
  }
  const first = firstIndexByCode.get(value);
  if (first !== undefined) {
    problems.push(
      problem(
        featureIndex,
        'DUPLICATE_CODE',
        `Koden "${value}" används redan av objekt ${first}.`,
        `The code "${value}" is already used by feature ${first}.`,
      ),
    );
    return undefined;
  }
  firstIndexByCode.set(value, featureIndex);
  return value;
}

function checkName(value: unknown, featureIndex: number, problems: AreaProblem[]): string | undefined {
  if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  problems.push(problem(featureIndex, 'MISSING_NAME', 'Egenskapen "name" saknas.', 'The "name" property is missing.'));
  return undefined;
}

/** Returns the geometry when it has no problems; otherwise records them and returns undefined. */
function checkPolygonalGeometry(
  value: unknown,
  featureIndex: number | undefined,
  problems: AreaProblem[],
): Polygon | MultiPolygon | undefined {
  if (!isRecord(value) || (value['type'] !== 'Polygon' && value['type'] !== 'MultiPolygon')) {
    const found = isRecord(value) && typeof value['type'] === 'string' ? value['type'] : null;
    problems.push(
      problem(
        featureIndex,
        'UNSUPPORTED_GEOMETRY',
        found === null
          ? 'Geometri saknas; ett område måste vara Polygon eller MultiPolygon.'
          : `Geometritypen ${found} stöds inte; ett område måste vara Polygon eller MultiPolygon.`,
        found === null
          ? 'The geometry is missing; an area must be a Polygon or MultiPolygon.'
          : `Geometry type ${found} is not supported; an area must be a Polygon or MultiPolygon.`,
      ),
    );
    return undefined;
  }
  const polygonRings = value['type'] === 'Polygon' ? asPolygonCoordinates(value['coordinates']) : undefined;
  // Both shapes are handled as a list of polygons from here on.
  const polygons =
    value['type'] === 'Polygon' ? polygonRings && [polygonRings] : asMultiPolygonCoordinates(value['coordinates']);
  if (polygons === undefined) {
    problems.push(
      problem(
        featureIndex,
        'MALFORMED_COORDINATES',
        `Koordinaterna har inte formen som ${value['type']} kräver (ringar av [longitud, latitud]-par med tal).`,
        `The coordinates do not have the shape ${value['type']} requires (rings of numeric [longitude, latitude] pairs).`,
      ),
    );
    return undefined;
  }

  const vertices = polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
  if (vertices > MAX_VERTICES_PER_AREA) {
    // The self-intersection check grows with the square of the vertices: a bound keeps it to a moment.
    problems.push(
      problem(
        featureIndex,
        'TOO_MANY_VERTICES',
        `Geometrin har ${vertices.toLocaleString('sv-SE')} punkter; högst ${MAX_VERTICES_PER_AREA.toLocaleString('sv-SE')} per område. Förenkla den (t.ex. med mapshaper eller QGIS).`,
        `The geometry has ${vertices.toLocaleString('en-GB')} positions; at most ${MAX_VERTICES_PER_AREA.toLocaleString('en-GB')} per area. Simplify it (e.g. with mapshaper or QGIS).`,
      ),
    );
    return undefined;
  }

  const before = problems.length;
  checkCoordinateRange(polygons, featureIndex, problems);
  if (problems.length > before) return undefined; // ring and kink checks on projected metres would only add noise

  polygons.forEach((rings, polygonIndex) => {
    rings.forEach((ring, ringIndex) => {
      const where = ringLabel(value['type'] === 'MultiPolygon' ? polygonIndex : undefined, ringIndex);
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(
          problem(
            featureIndex,
            'RING_NOT_CLOSED',
            `${where.sv} är inte sluten: första och sista punkten måste vara samma.`,
            `${where.en} is not closed: the first and last positions must be equal.`,
          ),
        );
      }
      // Repeated consecutive positions are harmless, so they do not count towards the minimum.
      if (withoutRepeats(ring).length < 4) {
        problems.push(
          problem(
            featureIndex,
            'RING_TOO_SHORT',
            `${where.sv} har för få punkter: minst fyra (tre hörn och slutpunkten) krävs.`,
            `${where.en} has too few positions: at least four (three corners and the closing position) are required.`,
          ),
        );
      }
    });
  });
  if (problems.length > before) return undefined;

  // Each polygon on its own: parts of a MultiPolygon may legitimately touch at a corner, which kinks would count.
  polygons.forEach((rings, polygonIndex) => {
    const cleaned: Polygon = { type: 'Polygon', coordinates: rings.map(withoutRepeats) };
    const crossings = kinks(cleaned).features;
    const firstCrossing = crossings[0];
    if (firstCrossing !== undefined) {
      const [lon, lat] = firstCrossing.geometry.coordinates;
      const where =
        value['type'] === 'MultiPolygon'
          ? { sv: ` (polygon ${polygonIndex})`, en: ` (polygon ${polygonIndex})` }
          : { sv: '', en: '' };
      problems.push(
        problem(
          featureIndex,
          'SELF_INTERSECTION',
          crossings.length === 1
            ? `Geometrin korsar sig själv${where.sv} vid ${formatPosition(lon, lat)}.`
            : `Geometrin korsar sig själv${where.sv} på ${crossings.length} ställen, t.ex. vid ${formatPosition(lon, lat)}.`,
          crossings.length === 1
            ? `The geometry intersects itself${where.en} at ${formatPosition(lon, lat)}.`
            : `The geometry intersects itself${where.en} at ${crossings.length} places, e.g. at ${formatPosition(lon, lat)}.`,
        ),
      );
    }
  });
  if (problems.length > before) return undefined;

  return value['type'] === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

// SWEREF 99 TM (EPSG:3006) covers Sweden with eastings of roughly 180 000–1 080 000 m and northings of
// 6 050 000–7 710 000 m; a little slack on each side.
const SWEREF99TM_EASTING = [100_000, 1_200_000] as const;
const SWEREF99TM_NORTHING = [6_000_000, 7_800_000] as const;

function checkCoordinateRange(
  polygons: Position[][][],
  featureIndex: number | undefined,
  problems: AreaProblem[],
): void {
  let outOfRange: Position | undefined;
  let allSweref = true;
  let anyLarge = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const position of ring) {
        const x = position[0]!;
        const y = position[1]!;
        if (x < -180 || x > 180 || y < -90 || y > 90) outOfRange ??= position;
        if (Math.abs(x) > 1000 || Math.abs(y) > 1000) anyLarge = true;
        if (
          x < SWEREF99TM_EASTING[0] ||
          x > SWEREF99TM_EASTING[1] ||
          y < SWEREF99TM_NORTHING[0] ||
          y > SWEREF99TM_NORTHING[1]
        ) {
          allSweref = false;
        }
      }
    }
  }
  if (outOfRange === undefined) return;
  const at = formatPosition(outOfRange[0], outOfRange[1]);
  if (allSweref) {
    problems.push(
      problem(
        featureIndex,
        'PROJECTED_COORDINATES',
        `Koordinaterna ser ut att vara SWEREF 99 TM (meter, t.ex. ${at}), inte WGS84-grader. Transformera filen till WGS84 (EPSG:4326) innan uppladdning.`,
        `The coordinates look like SWEREF 99 TM (metres, e.g. ${at}), not WGS84 degrees. Reproject the file to WGS84 (EPSG:4326) before uploading.`,
      ),
    );
  } else if (anyLarge) {
    problems.push(
      problem(
        featureIndex,
        'PROJECTED_COORDINATES',
        `Koordinaterna ser ut att vara i ett projicerat system (meter, t.ex. ${at}), inte WGS84-grader. Transformera filen till WGS84 (EPSG:4326).`,
        `The coordinates look like a projected system (metres, e.g. ${at}), not WGS84 degrees. Reproject the file to WGS84 (EPSG:4326).`,
      ),
    );
  } else {
    problems.push(
      problem(
        featureIndex,
        'COORDINATES_OUT_OF_RANGE',
        `Koordinaten ${at} ligger utanför WGS84 (longitud −180–180, latitud −90–90). GeoJSON anger longitud före latitud.`,
        `The position ${at} is outside WGS84 (longitude −180–180, latitude −90–90). GeoJSON puts longitude before latitude.`,
      ),
    );
  }
}

function asPolygonCoordinates(value: unknown): Position[][] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const rings: Position[][] = [];
  for (const ring of value) {
    if (!Array.isArray(ring) || ring.length === 0) return undefined;
    const positions: Position[] = [];
    for (const position of ring) {
      if (!isPosition(position)) return undefined;
      positions.push(position);
    }
    rings.push(positions);
  }
  return rings;
}

function asMultiPolygonCoordinates(value: unknown): Position[][][] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const polygons: Position[][][] = [];
  for (const polygon of value) {
    const rings = asPolygonCoordinates(polygon);
    if (rings === undefined) return undefined;
    polygons.push(rings);
  }
  return polygons;
}

function isPosition(value: unknown): value is Position {
  // A third (altitude) value is allowed by GeoJSON and ignored.
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.length <= 3 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}

function ringLabel(polygonIndex: number | undefined, ringIndex: number): { sv: string; en: string } {
  const sv = ringIndex === 0 ? 'Ytterringen' : `Hål ${ringIndex}`;
  const en = ringIndex === 0 ? 'The exterior ring' : `Hole ${ringIndex}`;
  if (polygonIndex === undefined) return { sv, en };
  return { sv: `${sv} i polygon ${polygonIndex}`, en: `${en} of polygon ${polygonIndex}` };
}

/** 6 decimals (~0.1 m) is enough to find the spot on a map and hides floating-point noise. */
function formatPosition(x: number | undefined, y: number | undefined): string {
  const round = (n: number | undefined): string => (n === undefined ? '?' : String(Number(n.toFixed(6))));
  return `[${round(x)}, ${round(y)}]`;
}

function notAFeatureCollection(input: unknown): AreaProblem {
  const isSingle =
    isRecord(input) && (input['type'] === 'Feature' || input['type'] === 'Polygon' || input['type'] === 'MultiPolygon');
  return problem(
    undefined,
    'NOT_A_FEATURE_COLLECTION',
    isSingle
      ? 'Filen innehåller ett enda objekt; områden laddas upp som en GeoJSON FeatureCollection med ett Feature per område.'
      : 'Filen är inte en GeoJSON FeatureCollection.',
    isSingle
      ? 'The file holds a single object; areas are uploaded as a GeoJSON FeatureCollection with one Feature per area.'
      : 'The file is not a GeoJSON FeatureCollection.',
  );
}

function noFeatures(): AreaProblem {
  return problem(undefined, 'NO_FEATURES', 'Filen innehåller inga objekt.', 'The file holds no features.');
}

function notABoundary(): AreaProblem {
  return problem(
    undefined,
    'NOT_A_BOUNDARY',
    'Kommungränsen måste vara en Polygon eller MultiPolygon, ett Feature med en sådan, eller en FeatureCollection med exakt ett sådant Feature.',
    'The boundary must be a Polygon or MultiPolygon, a Feature holding one, or a FeatureCollection with exactly one such Feature.',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
