/**
 * Which grid cells belong to the study area, the municipality itself (pure). The grid covers the
 * boundary's bounding box, which for Huddinge is more than twice the municipality's area; counting
 * the lakes and neighbours' land around it would double PAI's "share of the area" denominator.
 * A cell belongs when its centre lies inside the boundary (even-odd rule over all rings, so holes
 * and multipolygons need no special case), found by one scanline pass per grid row.
 */
import type { GridSpec } from '../../../analysis/index.ts';
import { wgs84ToSweref99tm } from '../../../analysis/index.ts';

export type MetreRing = [number, number][];

/** Every ring of a WGS84 (Multi)Polygon, projected to SWEREF 99 TM metres. */
export function projectRings(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): MetreRing[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((polygon) =>
    polygon.map((ring) =>
      ring.map(([lon, lat]) => {
        const { x, y } = wgs84ToSweref99tm(lat!, lon!);
        return [x, y] as [number, number];
      }),
    ),
  );
}

/** 1 for cells whose centre lies inside the rings, row-major like the grid's counts. */
export function cellsInside(spec: GridSpec, rings: readonly MetreRing[]): Uint8Array {
  const { cellSize, minCol, minRow, nCols, nRows } = spec;
  const inside = new Uint8Array(nCols * nRows);
  const crossings: number[] = [];
  for (let r = 0; r < nRows; r++) {
    const y = (minRow + r + 0.5) * cellSize;
    crossings.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        // Half-open rule (yi <= y < yj or the reverse): a vertex on the scanline counts once.
        if (yi <= y !== yj <= y) crossings.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // Centres strictly between an entering and a leaving crossing.
      const c0 = Math.max(0, Math.ceil(crossings[k]! / cellSize - 0.5) - minCol);
      const c1 = Math.min(nCols - 1, Math.floor(crossings[k + 1]! / cellSize - 0.5) - minCol);
      for (let c = c0; c <= c1; c++) inside[r * nCols + c] = 1;
    }
  }
  return inside;
}

/** Keep only the masked entries of a per-cell array. */
export function pick<T extends Float64Array | Uint8Array>(values: T, mask: Uint8Array): T {
  const out = new (values.constructor as new (n: number) => T)(mask.reduce((n, v) => n + v, 0));
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[k++] = values[i]!;
  return out;
}
