/**
 * Recurring places: two or more reports within `radius` metres of each other in a time window.
 *
 * Greedy leader clustering on SWEREF 99 TM metres: every report counts its neighbours within the
 * radius; the report with the most neighbours leads a place holding itself and its still
 * unassigned neighbours, then the next, until no report has an unassigned neighbour. Every member
 * lies within the radius of its leader, places never share a report, and the result does not
 * depend on input order (ties broken by time, then id). Single-linkage clustering was rejected: in
 * a dense centre it chains a whole district into one "place".
 */
export interface PlacePoint {
  id: string;
  x: number;
  y: number;
  lat: number;
  lon: number;
  areaId: string;
  categoryId: string;
  occurredAt: Date;
}

export interface RecurringPlace {
  leader: PlacePoint;
  members: PlacePoint[];
}

export function findRecurringPlaces(points: readonly PlacePoint[], radius: number): RecurringPlace[] {
  const cellOf = (v: number) => Math.floor(v / radius);
  // Numeric cell keys (exact for any municipality: SWEREF metres / 100 m stay far below 2^26).
  const keyOf = (cx: number, cy: number) => cx * 67_108_864 + cy;
  const grid = new Map<number, number[]>();
  points.forEach((p, i) => {
    const key = keyOf(cellOf(p.x), cellOf(p.y));
    const bucket = grid.get(key);
    if (bucket) bucket.push(i);
    else grid.set(key, [i]);
  });
  const r2 = radius * radius;
  const neighbours = points.map((p, i) => {
    const found: number[] = [];
    const cx = cellOf(p.x);
    const cy = cellOf(p.y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(keyOf(cx + dx, cy + dy)) ?? []) {
          if (j === i) continue;
          const q = points[j]!;
          if ((q.x - p.x) ** 2 + (q.y - p.y) ** 2 <= r2) found.push(j);
        }
      }
    }
    return found;
  });
  const order = points
    .map((_, i) => i)
    .filter((i) => neighbours[i]!.length > 0)
    .sort((a, b) => {
      const byCount = neighbours[b]!.length - neighbours[a]!.length;
      if (byCount !== 0) return byCount;
      const byTime = points[a]!.occurredAt.getTime() - points[b]!.occurredAt.getTime();
      return byTime !== 0 ? byTime : points[a]!.id < points[b]!.id ? -1 : 1;
    });
  const assigned = new Uint8Array(points.length);
  const places: RecurringPlace[] = [];
  for (const i of order) {
    if (assigned[i]) continue;
    const free = neighbours[i]!.filter((j) => !assigned[j]);
    if (free.length === 0) continue;
    assigned[i] = 1;
    for (const j of free) assigned[j] = 1;
    places.push({ leader: points[i]!, members: [points[i]!, ...free.map((j) => points[j]!)] });
  }
  return places;
}
