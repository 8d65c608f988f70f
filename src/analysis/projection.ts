/**
 * WGS84 latitude/longitude -> SWEREF 99 TM (EPSG:3006) via proj4.
 *
 * EPSG:3006 is UTM zone 33N on GRS80 (SWEREF 99 realises ETRS89, so no datum shift from WGS84 at
 * metre level). Its EPSG area of use is Sweden: latitude 54.96..69.07 N, longitude 10.03..24.17 E.
 * Outside that box the transverse Mercator still returns numbers, but they are far from the central
 * meridian (15 E) and no longer mean "Swedish municipal coordinates", so we reject them explicitly
 * instead of letting e.g. swapped lat/lon columns produce a plausible-looking grid.
 */
import proj4 from 'proj4';
import { isInSwerefArea, SWEREF99TM_AREA } from './sweref-bounds.ts';

export { SWEREF99TM_AREA, SWEREF99TM_BOUNDS, isInSwerefArea, isInSwerefBounds } from './sweref-bounds.ts';

export const SWEREF99TM_PROJ4 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';

export class ProjectionRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectionRangeError';
  }
}

const converter = proj4('EPSG:4326', SWEREF99TM_PROJ4);

/** Project one WGS84 coordinate; throws ProjectionRangeError outside EPSG:3006's area of use. */
export function wgs84ToSweref99tm(lat: number, lon: number): { x: number; y: number } {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !isInSwerefArea(lat, lon)) {
    throw new ProjectionRangeError(
      `coordinate lat=${lat}, lon=${lon} is outside SWEREF 99 TM's valid area ` +
        `(lat ${SWEREF99TM_AREA.minLat}..${SWEREF99TM_AREA.maxLat}, lon ${SWEREF99TM_AREA.minLon}..${SWEREF99TM_AREA.maxLon})`,
    );
  }
  const [x, y] = converter.forward([lon, lat]);
  return { x: x!, y: y! };
}

/** Inverse projection (used to hand grids back to WGS84 maps). No range check: input comes from us. */
export function sweref99tmToWgs84(x: number, y: number): { lat: number; lon: number } {
  const [lon, lat] = converter.inverse([x, y]);
  return { lat: lat!, lon: lon! };
}

/**
 * Project arrays of lat/lon in place into new typed arrays. Reports the first offending index so the
 * CLI can name the input line.
 */
export function projectWgs84Arrays(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
): { x: Float64Array; y: Float64Array } {
  const n = lat.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    try {
      const p = wgs84ToSweref99tm(lat[i]!, lon[i]!);
      x[i] = p.x;
      y[i] = p.y;
    } catch (e) {
      if (e instanceof ProjectionRangeError) {
        const err = new ProjectionRangeError(`point ${i}: ${e.message}`);
        (err as ProjectionRangeError & { index: number }).index = i;
        throw err;
      }
      throw e;
    }
  }
  return { x, y };
}
