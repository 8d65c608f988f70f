import type { MultiPolygon, Polygon } from 'geojson';

/** [minLon, minLat, maxLon, maxLat]; GeoJSON's BBox also allows 3-D boxes, which we never produce. */
export type LonLatBBox = [number, number, number, number];

/** Bounding box of a polygonal geometry's exterior rings (holes lie inside them). */
export function geometryBBox(geometry: Polygon | MultiPolygon): LonLatBBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const position of polygon[0] ?? []) {
      const lon = position[0]!;
      const lat = position[1]!;
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function bboxesIntersect(a: LonLatBBox, b: LonLatBBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
