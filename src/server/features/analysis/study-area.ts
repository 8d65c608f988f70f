/**
 * The app's study area: the municipality's boundary from the reference data (never a constant),
 * projected to SWEREF 99 TM for the engine, which takes it from there (src/analysis/study-area.ts:
 * only cells whose centre lies inside count, in every grid analysis alike).
 */
import { wgs84ToSweref99tm } from '../../../analysis/index.ts';
import type { MetreRing, StudyArea } from '../../../analysis/study-area.ts';

/** Every polygon of a WGS84 (Multi)Polygon, projected to SWEREF 99 TM metres. */
export function projectBoundary(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): StudyArea {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return {
    polygons: polygons.map((polygon) =>
      polygon.map((ring): MetreRing =>
        ring.map(([lon, lat]) => {
          const { x, y } = wgs84ToSweref99tm(lat!, lon!);
          return [x, y] as [number, number];
        }),
      ),
    ),
  };
}
