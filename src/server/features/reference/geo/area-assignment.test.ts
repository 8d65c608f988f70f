import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAreaLocator, distanceToEdgesMetres } from './area-assignment.ts';
import { huddingeAreas, huddingePlaces } from './huddinge-seed-pack.fixture.ts';

function square(minLon: number, minLat: number, size: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLon, minLat],
        [minLon + size, minLat],
        [minLon + size, minLat + size],
        [minLon, minLat + size],
        [minLon, minLat],
      ],
    ],
  };
}

describe('createAreaLocator on synthetic areas', () => {
  // Two 0.01° squares side by side at Huddinge's latitude; 0.01° lat ≈ 1113 m, 0.01° lon ≈ 569 m.
  const west = { code: 'west', geometry: square(18.0, 59.2, 0.01) };
  const east = { code: 'east', geometry: square(18.01, 59.2, 0.01) };
  const locate = createAreaLocator([west, east], { toleranceMetres: 200 });

  it('puts a point inside the area that contains it', () => {
    expect(locate({ lat: 59.205, lon: 18.005 })).toEqual({ kind: 'inside', areaCode: 'west' });
    expect(locate({ lat: 59.205, lon: 18.015 })).toEqual({ kind: 'inside', areaCode: 'east' });
  });

  it('gives a point on a shared edge to the area listed first', () => {
    expect(locate({ lat: 59.205, lon: 18.01 })).toEqual({ kind: 'inside', areaCode: 'west' });
  });

  it('assigns a point just outside to the nearest area with its distance', () => {
    // 0.001° south of the east square ≈ 111 m.
    const result = locate({ lat: 59.199, lon: 18.017 });
    expect(result.kind).toBe('near');
    if (result.kind !== 'near') return;
    expect(result.areaCode).toBe('east');
    expect(result.distanceMetres).toBeGreaterThan(100);
    expect(result.distanceMetres).toBeLessThan(120);
  });

  it('reports a point beyond the tolerance as outside, with the distance to the nearest area', () => {
    // 0.003° north ≈ 334 m.
    const result = locate({ lat: 59.213, lon: 18.005 });
    expect(result.kind).toBe('outside');
    expect(result.kind === 'outside' && result.distanceMetres).toBeCloseTo(334, -1);
  });

  it('treats a tolerance of zero as "inside or outside"', () => {
    const strict = createAreaLocator([west], { toleranceMetres: 0 });
    expect(strict({ lat: 59.199, lon: 18.005 }).kind).toBe('outside');
  });

  it('answers outside at infinite distance when there are no areas', () => {
    expect(createAreaLocator([], { toleranceMetres: 500 })({ lat: 59.2, lon: 18 })).toEqual({
      kind: 'outside',
      distanceMetres: Infinity,
    });
  });

  it('rejects a negative or non-finite tolerance and non-finite points', () => {
    expect(() => createAreaLocator([west], { toleranceMetres: -1 })).toThrow(RangeError);
    expect(() => createAreaLocator([west], { toleranceMetres: Number.NaN })).toThrow(RangeError);
    expect(() => locate({ lat: Number.NaN, lon: 18 })).toThrow(RangeError);
  });

  it('is consistent with point-in-polygon and the tolerance for any point', () => {
    const geometries = new Map([
      ['west', west.geometry],
      ['east', east.geometry],
    ]);
    fc.assert(
      fc.property(
        fc.double({ min: 17.98, max: 18.04, noNaN: true }),
        fc.double({ min: 59.18, max: 59.23, noNaN: true }),
        (lon, lat) => {
          const result = locate({ lat, lon });
          const containing = [...geometries].filter(([, g]) => booleanPointInPolygon([lon, lat], g));
          if (result.kind === 'inside') return containing.some(([code]) => code === result.areaCode);
          if (containing.length > 0) return false;
          if (result.kind === 'near') return result.distanceMetres <= 200 && result.distanceMetres >= 0;
          return result.distanceMetres > 200;
        },
      ),
    );
  });
});

describe('createAreaLocator on the Huddinge seed pack', () => {
  const areas = huddingeAreas();
  const locate = createAreaLocator(areas, { toleranceMetres: 500 });

  // Where each named place should land; reviewed by hand against a map of the generated areas.
  const expectedArea: Record<string, string> = {
    'flemingsberg-c': 'flemingsberg',
    grantorp: 'flemingsberg',
    'huddinge-c': 'huddinge-centrum',
    'huddinge-station': 'huddinge-centrum',
    'segeltorp-c': 'segeltorp',
    'kungens-kurva': 'segeltorp',
    sjodalen: 'sjodalen-fullersta',
    fullersta: 'sjodalen-fullersta',
    'skogas-c': 'skogas',
    'stuvsta-station': 'stuvsta-snattringe',
    snattringe: 'stuvsta-snattringe',
    'trangsund-c': 'trangsund',
    'varby-c': 'varby-masmo',
    masmo: 'varby-masmo',
    glomsta: 'ovriga-huddinge',
    'lanna-handelsomrade': 'ovriga-huddinge',
  };

  it('has an expectation for every named place', () => {
    expect(
      huddingePlaces()
        .map((p) => p.code)
        .sort(),
    ).toEqual(Object.keys(expectedArea).sort());
  });

  it.each(huddingePlaces().filter((p) => p.code !== 'masmo'))('puts $name inside its district', (place) => {
    expect(locate(place)).toEqual({ kind: 'inside', areaCode: expectedArea[place.code] });
  });

  it('puts Masmo station, just outside the generalised SCB boundary, near vårby-masmo', () => {
    const masmo = huddingePlaces().find((p) => p.code === 'masmo')!;
    const result = locate(masmo);
    expect(result.kind).toBe('near');
    if (result.kind !== 'near') return;
    expect(result.areaCode).toBe('varby-masmo');
    expect(result.distanceMetres).toBeGreaterThan(50);
    expect(result.distanceMetres).toBeLessThan(500);
  });

  it('reports central Stockholm (Sergels torg) as outside, several km away', () => {
    const result = locate({ lat: 59.3326, lon: 18.0649 });
    expect(result.kind).toBe('outside');
    expect(result.kind === 'outside' && result.distanceMetres).toBeGreaterThan(5_000);
  });

  it('reports Alby in Botkyrka, a couple of km west, as outside', () => {
    const result = locate({ lat: 59.2393, lon: 17.8455 });
    expect(result.kind).toBe('outside');
    if (result.kind !== 'outside') return;
    expect(result.distanceMetres).toBeGreaterThan(1_500);
    expect(result.distanceMetres).toBeLessThan(4_000);
  });

  it('handles thousands of points per second', () => {
    // Deterministic spread over the municipality's surroundings: mostly inside, some near or outside.
    const points = Array.from({ length: 5_000 }, (_, i) => ({
      lat: 59.14 + (((i * 7919) % 1000) / 1000) * 0.15,
      lon: 17.87 + (((i * 104_729) % 1000) / 1000) * 0.32,
    }));
    const start = performance.now();
    for (const point of points) locate(point);
    const perSecond = points.length / ((performance.now() - start) / 1000);
    expect(perSecond).toBeGreaterThan(5_000);
  });
});

describe('distanceToEdgesMetres', () => {
  const ovriga = huddingeAreas().find((a) => a.code === 'ovriga-huddinge')!.geometry;

  it("agrees with turf's geodesic distance to within 0.5 % from 100 m to 30 km outside", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 17.5, max: 18.6, noNaN: true }),
        fc.double({ min: 59.0, max: 59.45, noNaN: true }),
        (lon, lat) => {
          const reference = pointToPolygonDistance([lon, lat], ovriga, { units: 'meters', method: 'geodesic' });
          fc.pre(reference > 100 && reference < 30_000);
          const ours = distanceToEdgesMetres([lon, lat], ovriga);
          return Math.abs(ours - reference) / reference < 0.005;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('measures across the antimeridian the short way round', () => {
    const nearDateLine = square(179.99, 0, 0.005);
    // From -179.995 the square's east edge (179.995) is 0.01° ≈ 1112 m away, not 359.99°.
    expect(distanceToEdgesMetres([-179.995, 0.0025], nearDateLine)).toBeCloseTo(1112, -1);
  });
});
