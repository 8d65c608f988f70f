/**
 * The polygons of a GeoJSON value (RFC 7946): a FeatureCollection, Feature, Polygon or MultiPolygon.
 * Pure; the caller decides what the coordinates mean (WGS84 to project, or metres already).
 */
export type Position2 = [number, number];
/** Polygons, each an outer ring followed by its holes. */
export type PolygonList = Position2[][][];

function ring(value: unknown, where: string): Position2[] {
  if (!Array.isArray(value) || value.length < 4) throw new RangeError(`${where}: a ring needs at least 4 positions`);
  return value.map((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((v) => typeof v === 'number' && Number.isFinite(v)))
      throw new RangeError(`${where}: position ${i} is not [x, y]`);
    return [p[0] as number, p[1] as number];
  });
}

function polygon(value: unknown, where: string): Position2[][] {
  if (!Array.isArray(value) || value.length === 0) throw new RangeError(`${where}: a polygon needs an outer ring`);
  return value.map((r, i) => ring(r, `${where}, ring ${i}`));
}

function geometry(value: unknown, where: string): PolygonList {
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  if (g?.type === 'Polygon') return [polygon(g.coordinates, where)];
  if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates))
    return g.coordinates.map((p, i) => polygon(p, `${where}, polygon ${i}`));
  throw new RangeError(
    `${where}: expected a Polygon or MultiPolygon, got ${typeof g?.type === 'string' ? g.type : typeof value}`,
  );
}

/** Every polygon in the value; throws RangeError naming what is wrong. */
export function geoJsonPolygons(value: unknown): PolygonList {
  const v = value as { type?: unknown; features?: unknown; geometry?: unknown } | null;
  if (v?.type === 'FeatureCollection') {
    if (!Array.isArray(v.features) || v.features.length === 0)
      throw new RangeError('the FeatureCollection has no features');
    return v.features.flatMap((f, i) => geometry((f as { geometry?: unknown })?.geometry, `feature ${i}`));
  }
  if (v?.type === 'Feature') return geometry(v.geometry, 'the feature');
  return geometry(value, 'the geometry');
}

/** True when every coordinate could be longitude/latitude (|x| <= 180, |y| <= 90). */
export function looksGeographic(polygons: PolygonList): boolean {
  return polygons.every((p) => p.every((r) => r.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90)));
}
