/**
 * Recurring places: two or more reports within `radius` metres of each other in a time window.
 *
 * Greedy leader clustering on SWEREF 99 TM metres: every report counts its neighbours within the
 * radius; the report with the most neighbours leads a place holding itself and its still
 * unassigned neighbours, then the next, until no report has an unassigned neighbour. Every member
 * lies within the radius of its leader, places never share a report, and the result does not
 * depend on input order (ties broken by the lower report number, i.e. the earlier filed).
 * Single-linkage clustering was rejected: in a dense centre it chains a whole district into one
 * "place". Written by hand: no clustering library does leader clustering with these guarantees,
 * and this runs on parallel typed arrays in a few milliseconds for a month of reports.
 */
export interface PlaceInput {
  /** Report numbers: unique, the tie-break. */
  numbers: ArrayLike<number>;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** A place as indexes into the input: the leader first, then the members it took. */
export type RecurringPlaceIndexes = number[];

export function findRecurringPlaces(points: PlaceInput, radius: number): RecurringPlaceIndexes[] {
  const n = points.numbers.length;
  const { x, y, numbers } = points;
  const grid = spatialHash(points, radius);
  const r2 = radius * radius;
  const buckets = new Int32Array(9);
  const found = new Int32Array(Math.max(n, 1));
  /** Writes the other points within the radius of point i into `found`; answers how many. */
  const neighbours = (i: number): number => {
    const px = x[i]!;
    const py = y[i]!;
    const cx = Math.floor(px / radius);
    const cy = Math.floor(py / radius);
    let count = 0;
    // The nine cells around the point; two cells may share a bucket, which is then read once.
    let seen = 0;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const bucket = grid.bucketOf(cx + dx, cy + dy);
        let read = false;
        for (let s = 0; s < seen && !read; s++) read = buckets[s] === bucket;
        if (read) continue;
        buckets[seen++] = bucket;
        const end = grid.start[bucket + 1]!;
        for (let k = grid.start[bucket]!; k < end; k++) {
          const j = grid.members[k]!;
          const ddx = x[j]! - px;
          const ddy = y[j]! - py;
          if (j !== i && ddx * ddx + ddy * ddy <= r2) found[count++] = j;
        }
      }
    }
    return count;
  };
  // Counts first, without keeping the lists: memory stays linear even when many reports share one spot.
  const neighbourCount = new Int32Array(n);
  for (let i = 0; i < n; i++) neighbourCount[i] = neighbours(i);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (neighbourCount[i]! > 0) order.push(i);
  order.sort((a, b) => neighbourCount[b]! - neighbourCount[a]! || numbers[a]! - numbers[b]!);

  const assigned = new Uint8Array(n);
  const places: RecurringPlaceIndexes[] = [];
  for (const i of order) {
    if (assigned[i]) continue;
    const count = neighbours(i);
    const free: number[] = [];
    for (let k = 0; k < count; k++) if (!assigned[found[k]!]) free.push(found[k]!);
    if (free.length === 0) continue;
    assigned[i] = 1;
    for (const j of free) assigned[j] = 1;
    // Members in number order, so the same place always lists its reports the same way.
    places.push([i, ...free.sort((a, b) => numbers[a]! - numbers[b]!)]);
  }
  return places;
}

/**
 * Points bucketed by grid cell (side `cell`) in compressed rows: bucket b holds
 * members[start[b] .. start[b + 1]). Cells are hashed into about 2n buckets, so memory follows the
 * number of points, not the extent; a bucket shared by two cells only adds candidates that the
 * distance test then rejects.
 */
function spatialHash(points: PlaceInput, cell: number) {
  const n = points.numbers.length;
  const size = Math.max(16, 2 ** Math.ceil(Math.log2(2 * n + 1)));
  const mask = size - 1;
  const bucketOf = (cx: number, cy: number) => (Math.imul(cx, 73_856_093) ^ Math.imul(cy, 19_349_663)) & mask;
  const bucket = new Int32Array(n);
  const start = new Int32Array(size + 1);
  for (let i = 0; i < n; i++) {
    bucket[i] = bucketOf(Math.floor(points.x[i]! / cell), Math.floor(points.y[i]! / cell));
    start[bucket[i]! + 1]!++;
  }
  for (let b = 0; b < size; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, size);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[bucket[i]!]!++] = i;
  return { bucketOf, start, members };
}
