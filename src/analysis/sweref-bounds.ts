/**
 * SWEREF 99 TM's area of use as plain numbers, apart from projection.ts so that checking x,y input
 * needs no proj4 (which costs a few hundred milliseconds to load in a command-line run).
 */

/** EPSG:3006 area of use (geographic degrees). */
export const SWEREF99TM_AREA = { minLat: 54.96, maxLat: 69.07, minLon: 10.03, maxLon: 24.17 } as const;

/**
 * Projected bounds of the area of use, as published by EPSG for 3006 (easting/northing, metres).
 * Used to validate x/y input that claims to be SWEREF 99 TM already.
 */
export const SWEREF99TM_BOUNDS = { minX: 181896.33, maxX: 1086312.94, minY: 6090353.78, maxY: 7689478.3 } as const;

export function isInSwerefArea(lat: number, lon: number): boolean {
  const a = SWEREF99TM_AREA;
  return lat >= a.minLat && lat <= a.maxLat && lon >= a.minLon && lon <= a.maxLon;
}

export function isInSwerefBounds(x: number, y: number): boolean {
  const b = SWEREF99TM_BOUNDS;
  return x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY;
}
