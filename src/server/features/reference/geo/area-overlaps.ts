import { area as geodesicArea } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { ValidatedArea } from './area-geojson-validation.ts';
import { problem, type AreaProblem } from './area-problems.ts';
import { bboxesIntersect, geometryBBox, type LonLatBBox } from './geometry-bbox.ts';

/** After this many overlaps the upload is plainly wrong; listing more only costs time. */
export const MAX_OVERLAP_PROBLEMS = 20;
/** Work between two yields to the event loop, so a large upload never stalls other requests. */
const SLICE_MS = 15;

export interface OverlapOptions {
  toleranceSquareMetres: number;
  maxProblems?: number;
}

/**
 * Pairs of areas that overlap by more than the tolerance. The polygon intersection (tens of ms for
 * 200-vertex rings) is paid only by pairs whose edges meet or where one contains the other:
 * every edge goes into one spatial index (flatbush), so finding the pairs whose boundaries cross
 * or touch costs O(E log E), and pairs that are merely near each other are settled by one
 * point-in-polygon test. Runs in slices that yield to the event loop, and stops listing at
 * `maxProblems`.
 */
export async function findOverlaps(
  entries: { featureIndex: number; area: ValidatedArea }[],
  options: OverlapOptions,
): Promise<AreaProblem[]> {
  const maxProblems = options.maxProblems ?? MAX_OVERLAP_PROBLEMS;
  const problems: AreaProblem[] = [];
  const boxes: LonLatBBox[] = entries.map((e) => geometryBBox(e.area.geometry));
  const contacts = await boundaryContacts(entries.map((e) => e.area.geometry));
  let sliceStart = performance.now();
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (!bboxesIntersect(boxes[i]!, boxes[j]!)) continue;
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      const a = entries[i]!;
      const b = entries[j]!;
      if (!mayOverlap(contacts.get(pairKey(i, j)), a.area.geometry, b.area.geometry)) continue;
      const found = overlapProblem(a, b, options.toleranceSquareMetres);
      if (!found) continue;
      problems.push(found);
      if (problems.length >= maxProblems) {
        problems.push(
          problem(
            undefined,
            'AREAS_OVERLAP',
            `Fler än ${maxProblems} överlapp: rätta dessa först och ladda upp igen.`,
            `More than ${maxProblems} overlaps: fix these first and upload again.`,
          ),
        );
        return problems;
      }
    }
  }
  return problems;
}

function overlapProblem(
  a: { featureIndex: number; area: ValidatedArea },
  b: { featureIndex: number; area: ValidatedArea },
  toleranceSquareMetres: number,
): AreaProblem | undefined {
  let overlap: number;
  try {
    const shared = intersect(featureCollection([asFeature(a.area.geometry), asFeature(b.area.geometry)]));
    overlap = shared === null ? 0 : geodesicArea(shared);
  } catch {
    return problem(
      b.featureIndex,
      'OVERLAP_CHECK_FAILED',
      `Det gick inte att kontrollera om "${b.area.code}" överlappar "${a.area.code}" (objekt ${a.featureIndex}); kontrollera geometrierna.`,
      `Could not check whether "${b.area.code}" overlaps "${a.area.code}" (feature ${a.featureIndex}); check the geometries.`,
    );
  }
  if (overlap <= toleranceSquareMetres) return undefined;
  const m2 = Math.round(overlap);
  return problem(
    b.featureIndex,
    'AREAS_OVERLAP',
    `Området "${b.area.code}" överlappar "${a.area.code}" (objekt ${a.featureIndex}) med ${m2.toLocaleString('sv-SE')} m². Områden får inte överlappa.`,
    `Area "${b.area.code}" overlaps "${a.area.code}" (feature ${a.featureIndex}) by ${m2.toLocaleString('en-GB')} m². Areas must not overlap.`,
  );
}

const pairKey = (i: number, j: number) => (i < j ? `${i}:${j}` : `${j}:${i}`);

type Contact = 'cross' | 'touch';

/**
 * Whether two polygons can share interior, before paying for their intersection. Boundaries that
 * properly cross always can. Without any contact one must lie inside the other (one vertex
 * tells). Neighbours that only touch (the usual case: districts sharing their border) share
 * interior only if a vertex or an edge midpoint of one lies strictly inside the other; a point on
 * the shared border that rounding puts inside merely sends the pair to the exact check.
 */
function mayOverlap(contact: Contact | undefined, a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  if (contact === 'cross') return true;
  if (contact === undefined) return oneContainsTheOther(a, b);
  return someProbeStrictlyInside(a, b) || someProbeStrictlyInside(b, a);
}

function someProbeStrictlyInside(from: Polygon | MultiPolygon, into: Polygon | MultiPolygon): boolean {
  const polygons = from.type === 'Polygon' ? [from.coordinates] : from.coordinates;
  for (const rings of polygons) {
    const ring = rings[0]!;
    for (let k = 0; k + 1 < ring.length; k++) {
      const p = ring[k]!;
      const q = ring[k + 1]!;
      const mid: Position = [(p[0]! + q[0]!) / 2, (p[1]! + q[1]!) / 2];
      if (booleanPointInPolygon(p, into, { ignoreBoundary: true })) return true;
      if (booleanPointInPolygon(mid, into, { ignoreBoundary: true })) return true;
    }
  }
  return false;
}

/**
 * The pairs of geometries (by index) whose boundaries properly cross, or else touch (share a
 * point without crossing). Without either, two polygons are apart or one lies wholly inside the other.
 */
async function boundaryContacts(geometries: (Polygon | MultiPolygon)[]): Promise<Map<string, Contact>> {
  const edges: { owner: number; a: Position; b: Position }[] = [];
  geometries.forEach((geometry, owner) => {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons)
      for (const ring of rings)
        for (let k = 0; k + 1 < ring.length; k++) edges.push({ owner, a: ring[k]!, b: ring[k + 1]! });
  });
  const contacts = new Map<string, Contact>();
  if (edges.length === 0) return contacts;
  const index = new Flatbush(edges.length);
  for (const { a, b } of edges)
    index.add(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
  index.finish();
  let sliceStart = performance.now();
  for (let e = 0; e < edges.length; e++) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    const edge = edges[e]!;
    const near = index.search(
      Math.min(edge.a[0]!, edge.b[0]!),
      Math.min(edge.a[1]!, edge.b[1]!),
      Math.max(edge.a[0]!, edge.b[0]!),
      Math.max(edge.a[1]!, edge.b[1]!),
    );
    for (const f of near) {
      const other = edges[f]!;
      const key = pairKey(edge.owner, other.owner);
      if (f <= e || other.owner === edge.owner || contacts.get(key) === 'cross') continue;
      const met = segmentContact(edge.a, edge.b, other.a, other.b);
      if (met) contacts.set(key, met);
    }
  }
  return contacts;
}

const orientation = (p: Position, q: Position, r: Position) =>
  Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));

const onSegment = (p: Position, q: Position, r: Position) =>
  Math.min(p[0]!, r[0]!) <= q[0]! &&
  q[0]! <= Math.max(p[0]!, r[0]!) &&
  Math.min(p[1]!, r[1]!) <= q[1]! &&
  q[1]! <= Math.max(p[1]!, r[1]!);

/** How segments p1p2 and q1q2 meet: a proper crossing, a touch (endpoint or collinear), or not at all. */
function segmentContact(p1: Position, p2: Position, q1: Position, q2: Position): Contact | undefined {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 * o2 < 0 && o3 * o4 < 0) return 'cross';
  const touches =
    (o1 === 0 && onSegment(p1, q1, p2)) ||
    (o2 === 0 && onSegment(p1, q2, p2)) ||
    (o3 === 0 && onSegment(q1, p1, q2)) ||
    (o4 === 0 && onSegment(q1, p2, q2));
  return touches ? 'touch' : undefined;
}

/** Without boundary contact, one lies inside the other exactly when any of its vertices does. */
function oneContainsTheOther(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  return booleanPointInPolygon(firstVertex(a), b) || booleanPointInPolygon(firstVertex(b), a);
}

function firstVertex(geometry: Polygon | MultiPolygon): Position {
  return (geometry.type === 'Polygon' ? geometry.coordinates[0]![0] : geometry.coordinates[0]![0]![0])!;
}

function asFeature(geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
