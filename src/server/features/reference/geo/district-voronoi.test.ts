import { area } from '@turf/area';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateAreaCollection } from './area-geojson-validation.ts';
import { buildDistrictAreas, type DistrictSeeds } from './district-voronoi.ts';
import { huddingeAreas, huddingeBoundary, readHuddingeJson } from './huddinge-seed-pack.fixture.ts';

// A 0.1° x 0.05° box at Huddinge's latitude: about 5.7 km x 5.6 km.
const box: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [18.0, 59.2],
      [18.1, 59.2],
      [18.1, 59.25],
      [18.0, 59.25],
      [18.0, 59.2],
    ],
  ],
};

function asCollection(areas: { code: string; name: string; geometry: unknown }[]): unknown {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({ type: 'Feature', properties: { code: a.code, name: a.name }, geometry: a.geometry })),
  };
}

describe('buildDistrictAreas', () => {
  const districts: DistrictSeeds[] = [
    {
      code: 'west',
      name: 'West',
      seeds: [
        [18.02, 59.21],
        [18.02, 59.24],
      ],
    },
    { code: 'east', name: 'East', seeds: [[18.08, 59.225]] },
  ];

  it('partitions the boundary: valid, non-overlapping, areas adding up to the whole', async () => {
    const areas = buildDistrictAreas(box, districts);
    expect(areas.map((a) => a.code)).toEqual(['west', 'east']);
    expect((await validateAreaCollection(asCollection(areas))).ok).toBe(true);
    const sum = areas.reduce((s, a) => s + area(a.geometry), 0);
    expect(Math.abs(sum - area(box)) / area(box)).toBeLessThan(1e-6);
  });

  it('unions the cells of a district with several seeds into one polygon when they are adjacent', () => {
    const west = buildDistrictAreas(box, districts)[0]!;
    expect(west.geometry.type).toBe('Polygon');
    expect(west.geometry.coordinates).toHaveLength(1);
  });

  it('splits by distance in metres, not degrees', () => {
    // Seeds 0.04° lon apart (≈ 2.3 km) on one parallel: the border is the meridian halfway, x = 18.05.
    const areas = buildDistrictAreas(box, [
      { code: 'a', name: 'A', seeds: [[18.03, 59.225]] },
      { code: 'b', name: 'B', seeds: [[18.07, 59.225]] },
    ]);
    const lons = (areas[0]!.geometry as Polygon).coordinates[0]!.map((p) => p[0]!);
    expect(Math.max(...lons)).toBeCloseTo(18.05, 5); // d3-voronoi works to ~1e-6
  });

  it('rejects a district without seeds, duplicate seeds and a district with no area inside', () => {
    expect(() => buildDistrictAreas(box, [{ code: 'a', name: 'A', seeds: [] }])).toThrow(/no seeds/);
    expect(() =>
      buildDistrictAreas(box, [
        { code: 'a', name: 'A', seeds: [[18.02, 59.21]] },
        { code: 'b', name: 'B', seeds: [[18.02, 59.21]] },
      ]),
    ).toThrow(/duplicates a seed of a/);
    expect(() =>
      buildDistrictAreas(box, [
        { code: 'a', name: 'A', seeds: [[18.05, 59.225]] },
        { code: 'far', name: 'Far', seeds: [[18.05, 59.3]] },
      ]),
    ).toThrow(/far has no area/);
  });

  it('reproduces the committed Huddinge areas.geojson from its district centres', () => {
    // Guards against editing district-centres.json (or this code) without regenerating the seed pack.
    const regenerated = buildDistrictAreas(
      huddingeBoundary(),
      readHuddingeJson('district-centres.json') as DistrictSeeds[],
    );
    expect(regenerated).toEqual(huddingeAreas());
  });
});
