import { area as geodesicArea } from '@turf/area';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ValidatedArea } from './area-geojson-validation.ts';
import { problem, type AreaProblem } from './area-problems.ts';
import { bboxesIntersect, geometryBBox, type LonLatBBox } from './geometry-bbox.ts';

/**
 * Pairs of areas that overlap by more than the tolerance. Boxes are compared first, so only
 * neighbours pay for the polygon intersection.
 */
export function findOverlaps(
  entries: { featureIndex: number; area: ValidatedArea }[],
  toleranceSquareMetres: number,
): AreaProblem[] {
  const problems: AreaProblem[] = [];
  const boxes: LonLatBBox[] = entries.map((e) => geometryBBox(e.area.geometry));
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (!bboxesIntersect(boxes[i]!, boxes[j]!)) continue;
      const a = entries[i]!;
      const b = entries[j]!;
      let overlap: number;
      try {
        const shared = intersect(featureCollection([asFeature(a.area.geometry), asFeature(b.area.geometry)]));
        overlap = shared === null ? 0 : geodesicArea(shared);
      } catch {
        problems.push(
          problem(
            b.featureIndex,
            'OVERLAP_CHECK_FAILED',
            `Det gick inte att kontrollera om "${b.area.code}" överlappar "${a.area.code}" (objekt ${a.featureIndex}); kontrollera geometrierna.`,
            `Could not check whether "${b.area.code}" overlaps "${a.area.code}" (feature ${a.featureIndex}); check the geometries.`,
          ),
        );
        continue;
      }
      if (overlap > toleranceSquareMetres) {
        const m2 = Math.round(overlap);
        problems.push(
          problem(
            b.featureIndex,
            'AREAS_OVERLAP',
            `Området "${b.area.code}" överlappar "${a.area.code}" (objekt ${a.featureIndex}) med ${m2.toLocaleString('sv-SE')} m². Områden får inte överlappa.`,
            `Area "${b.area.code}" overlaps "${a.area.code}" (feature ${a.featureIndex}) by ${m2.toLocaleString('en-GB')} m². Areas must not overlap.`,
          ),
        );
      }
    }
  }
  return problems;
}

function asFeature(geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry };
}
