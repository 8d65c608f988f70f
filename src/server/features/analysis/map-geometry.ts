/**
 * Geometry between the engine's SWEREF 99 TM metres and the web map's WGS84 (pure, no I/O).
 * Grid cells are squares in SWEREF; projected back they are very slightly skewed quadrilaterals,
 * so every corner is projected on its own rather than only two opposite ones.
 */
import type { MultiPolygonCoordinates } from '../../../analysis/index.ts';
import { sweref99tmToWgs84 } from '../../../analysis/index.ts';
import type { RingView } from '../../../contracts/analysis.ts';

/** Longitude/latitude rounded to ~1 cm: enough for a map, and a fifth of the JSON. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

function toLonLat(x: number, y: number): [number, number] {
  const { lat, lon } = sweref99tmToWgs84(x, y);
  return [round7(lon), round7(lat)];
}

/** The cell's corners in WGS84, counter-clockwise from the south-west, closed. */
export function cellPolygon(col: number, row: number, cellSize: number): RingView {
  const x0 = col * cellSize;
  const y0 = row * cellSize;
  const x1 = x0 + cellSize;
  const y1 = y0 + cellSize;
  const sw = toLonLat(x0, y0);
  return [sw, toLonLat(x1, y0), toLonLat(x1, y1), toLonLat(x0, y1), sw];
}

/** Contour polygons from metres to WGS84. */
export function multiPolygonToWgs84(coordinates: MultiPolygonCoordinates): RingView[][] {
  return coordinates.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => toLonLat(x, y))));
}
