/** Metres between two WGS84 points; equirectangular, exact enough within a municipality. */
export function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * R;
}

/**
 * The named place nearest to a point, if one lies within `maxMetres`: helps the meeting tell
 * which recurring place is which ("near Skogås C").
 */
export function nearestPlace<P extends { lat: number; lon: number }>(
  point: { lat: number; lon: number },
  places: readonly P[],
  maxMetres: number,
): P | undefined {
  let best: P | undefined;
  let bestDistance = maxMetres;
  for (const place of places) {
    const d = metresBetween(point, place);
    if (d <= bestDistance) {
      best = place;
      bestDistance = d;
    }
  }
  return best;
}
