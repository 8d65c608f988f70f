import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateAreaCollection, validateBoundary, type AreaProblem } from './area-geojson-validation.ts';
import { huddingeAreas, readHuddingeJson } from './huddinge-seed-pack.fixture.ts';

function ring(minLon: number, minLat: number, size: number): Position[] {
  return [
    [minLon, minLat],
    [minLon + size, minLat],
    [minLon + size, minLat + size],
    [minLon, minLat + size],
    [minLon, minLat],
  ];
}

function feature(properties: Record<string, unknown> | null, geometry: unknown): Record<string, unknown> {
  return { type: 'Feature', properties, geometry };
}

function areaFeature(code: string, coordinates: Position[][]): Record<string, unknown> {
  return feature({ code, name: code.toUpperCase() }, { type: 'Polygon', coordinates });
}

function collection(...features: unknown[]): unknown {
  return { type: 'FeatureCollection', features };
}

async function problemsOf(input: unknown): Promise<AreaProblem[]> {
  const result = await validateAreaCollection(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

async function codesOf(input: unknown): Promise<string[]> {
  return (await problemsOf(input)).map((p) => p.code);
}

describe('validateAreaCollection', () => {
  it('accepts two adjacent areas and returns them normalised', async () => {
    const result = await validateAreaCollection(
      collection(areaFeature('vast', [ring(18, 59.2, 0.01)]), areaFeature('ost', [ring(18.01, 59.2, 0.01)])),
    );
    expect(result).toEqual({
      ok: true,
      areas: [
        { code: 'vast', name: 'VAST', geometry: { type: 'Polygon', coordinates: [ring(18, 59.2, 0.01)] } },
        { code: 'ost', name: 'OST', geometry: { type: 'Polygon', coordinates: [ring(18.01, 59.2, 0.01)] } },
      ],
    });
  });

  it('accepts the generated Huddinge areas', async () => {
    const result = await validateAreaCollection(readHuddingeJson('areas.geojson'));
    expect(result.ok ? result.areas.map((a) => a.code) : result.problems).toEqual(huddingeAreas().map((a) => a.code));
  });

  it('accepts a MultiPolygon whose parts touch at a corner, and repeated consecutive positions', async () => {
    const repeated = ring(18, 59.2, 0.01);
    repeated.splice(1, 0, [18, 59.2]);
    const result = await validateAreaCollection(
      collection(
        feature(
          { code: 'delad', name: 'Delad' },
          { type: 'MultiPolygon', coordinates: [[repeated], [ring(18.01, 59.21, 0.01)]] },
        ),
      ),
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a single Feature', feature({ code: 'a', name: 'A' }, { type: 'Polygon', coordinates: [ring(18, 59, 0.01)] })],
    ['an array', []],
    ['null', null],
    ['a FeatureCollection without features', { type: 'FeatureCollection' }],
  ])('rejects %s as not a FeatureCollection', async (_label, input) => {
    expect(await codesOf(input)).toEqual(['NOT_A_FEATURE_COLLECTION']);
  });

  it('rejects an empty collection', async () => {
    expect(await codesOf(collection())).toEqual(['NO_FEATURES']);
  });

  it('rejects entries that are not Features', async () => {
    expect(await problemsOf(collection({ type: 'Polygon', coordinates: [ring(18, 59, 0.01)] }))).toMatchObject([
      { featureIndex: 0, code: 'NOT_A_FEATURE' },
    ]);
  });

  it.each([
    ['Point', { type: 'Point', coordinates: [18, 59] }],
    [
      'LineString',
      {
        type: 'LineString',
        coordinates: [
          [18, 59],
          [18.1, 59],
        ],
      },
    ],
    ['missing', null],
  ])('rejects a %s geometry', async (_label, geometry) => {
    expect(await codesOf(collection(feature({ code: 'a', name: 'A' }, geometry)))).toEqual(['UNSUPPORTED_GEOMETRY']);
  });

  it.each([
    [
      'strings for numbers',
      [
        [
          ['18', '59'],
          ['18.1', '59'],
          ['18.1', '59.1'],
          ['18', '59'],
        ],
      ],
    ],
    ['no rings', []],
    ['a position with one number', [[[18], [18.1, 59], [18.1, 59.1], [18]]]],
    [
      'a NaN',
      [
        [
          [18, Number.NaN],
          [18.1, 59],
          [18.1, 59.1],
          [18, Number.NaN],
        ],
      ],
    ],
  ])('rejects malformed coordinates: %s', async (_label, coordinates) => {
    expect(await codesOf(collection(areaFeature('a', coordinates as Position[][])))).toEqual(['MALFORMED_COORDINATES']);
  });

  it('recognises SWEREF 99 TM metres and says so', async () => {
    // Roughly Huddinge centrum in EPSG:3006.
    const sweref: Position[][] = [
      [
        [670_000, 6_570_000],
        [671_000, 6_570_000],
        [671_000, 6_571_000],
        [670_000, 6_570_000],
      ],
    ];
    const [p] = await problemsOf(collection(areaFeature('a', sweref)));
    expect(p).toMatchObject({ featureIndex: 0, code: 'PROJECTED_COORDINATES' });
    expect(p!.message).toContain('SWEREF 99 TM');
    expect(p!.messageEn).toContain('SWEREF 99 TM');
  });

  it('recognises other projected metres (e.g. Web Mercator) without naming SWEREF', async () => {
    const mercator: Position[][] = [
      [
        [2_000_000, 8_200_000],
        [2_001_000, 8_200_000],
        [2_001_000, 8_201_000],
        [2_000_000, 8_200_000],
      ],
    ];
    const [p] = await problemsOf(collection(areaFeature('a', mercator)));
    expect(p?.code).toBe('PROJECTED_COORDINATES');
    expect(p?.message).not.toContain('SWEREF');
  });

  it('rejects degrees outside WGS84 ranges', async () => {
    expect(await codesOf(collection(areaFeature('a', [ring(18, 89.995, 0.01)])))).toEqual(['COORDINATES_OUT_OF_RANGE']);
    expect(await codesOf(collection(areaFeature('a', [ring(185, 59, 0.01)])))).toEqual(['COORDINATES_OUT_OF_RANGE']);
  });

  it('rejects unclosed and too-short rings, naming the ring', async () => {
    const open = ring(18, 59, 0.01).slice(0, 4);
    const triangleWithoutClosure: Position[] = [
      [18, 59],
      [18.01, 59],
      [18, 59.01],
    ];
    const problems = await problemsOf(
      collection(
        areaFeature('a', [open]),
        areaFeature('b', [
          [
            [18.1, 59],
            [18.11, 59],
            [18.1, 59],
          ],
        ]),
        areaFeature('c', [ring(18.2, 59, 0.01), triangleWithoutClosure]),
      ),
    );
    expect(problems.map((p) => [p.featureIndex, p.code])).toEqual([
      [0, 'RING_NOT_CLOSED'],
      [1, 'RING_TOO_SHORT'],
      [2, 'RING_NOT_CLOSED'],
      [2, 'RING_TOO_SHORT'],
    ]);
    expect(problems[2]!.message).toContain('Hål 1');
  });

  it('rejects a self-intersecting (bow-tie) ring', async () => {
    const bowTie: Position[] = [
      [18, 59],
      [18.01, 59.01],
      [18.01, 59],
      [18, 59.01],
      [18, 59],
    ];
    const [p] = await problemsOf(collection(areaFeature('a', [bowTie])));
    expect(p).toMatchObject({ featureIndex: 0, code: 'SELF_INTERSECTION' });
    expect(p!.messageEn).toContain('[18.005, 59.005]');
  });

  it('rejects missing, invalid and duplicate codes and missing names', async () => {
    const g = { type: 'Polygon', coordinates: [ring(18, 59, 0.01)] };
    const h = { type: 'Polygon', coordinates: [ring(18.1, 59, 0.01)] };
    const problems = await problemsOf(
      collection(
        feature(null, g),
        feature({ code: 'Övriga Huddinge', name: 'Övriga' }, h),
        feature({ code: 'skogas', name: '  ' }, { type: 'Polygon', coordinates: [ring(18.2, 59, 0.01)] }),
        feature({ code: 'skogas', name: 'Skogås igen' }, { type: 'Polygon', coordinates: [ring(18.3, 59, 0.01)] }),
      ),
    );
    expect(problems.map((p) => [p.featureIndex, p.code])).toEqual([
      [0, 'MISSING_CODE'],
      [0, 'MISSING_NAME'],
      [1, 'INVALID_CODE'],
      [2, 'MISSING_NAME'],
      [3, 'DUPLICATE_CODE'],
    ]);
    expect(problems[4]!.message).toBe('Koden "skogas" används redan av objekt 2.');
  });

  it('rejects overlapping areas but tolerates a sliver below 1 m²', async () => {
    // 0.005° lon ≈ 285 m of overlap across a 1113 m tall square.
    const [p] = await problemsOf(
      collection(areaFeature('a', [ring(18, 59.2, 0.01)]), areaFeature('b', [ring(18.005, 59.2, 0.01)])),
    );
    expect(p).toMatchObject({ featureIndex: 1, code: 'AREAS_OVERLAP' });
    expect(p!.messageEn).toMatch(/overlaps "a" \(feature 0\) by [\d,]+ m²/);

    // 1e-8° lon ≈ 0.6 mm of overlap: rounding noise, not an overlap.
    const sliver = await validateAreaCollection(
      collection(areaFeature('a', [ring(18, 59.2, 0.01)]), areaFeature('b', [ring(18.01 - 1e-8, 59.2, 0.01)])),
    );
    expect(sliver.ok).toBe(true);
  });

  it('reports every problem at once, across features', async () => {
    const codes = await codesOf(
      collection(
        areaFeature('a', [ring(18, 59.2, 0.01)]),
        areaFeature('b', [ring(18.005, 59.2, 0.01)]),
        areaFeature('C', [
          [
            [670_000, 6_570_000],
            [671_000, 6_570_000],
            [671_000, 6_571_000],
            [670_000, 6_570_000],
          ],
        ]),
        { type: 'Feature', properties: { code: 'd', name: 'D' }, geometry: { type: 'Point', coordinates: [18, 59] } },
      ),
    );
    expect(codes.sort()).toEqual(['AREAS_OVERLAP', 'INVALID_CODE', 'PROJECTED_COORDINATES', 'UNSUPPORTED_GEOMETRY']);
  });

  it('gives every problem a Swedish and an English message', async () => {
    for (const p of await problemsOf(collection(feature(null, null), areaFeature('a', [ring(18, 95, 1)])))) {
      expect(p.message.length).toBeGreaterThan(10);
      expect(p.messageEn.length).toBeGreaterThan(10);
      expect(p.message).not.toBe(p.messageEn);
    }
  });
});

describe('validateBoundary', () => {
  const polygon = { type: 'Polygon', coordinates: [ring(18, 59.2, 0.01)] };

  it('accepts the Huddinge boundary FeatureCollection, a Feature and a bare geometry', async () => {
    const huddinge = validateBoundary(readHuddingeJson('boundary.geojson'));
    expect(huddinge.ok && huddinge.boundary.type).toBe('Polygon');
    expect(validateBoundary(feature({}, polygon))).toEqual({ ok: true, boundary: polygon });
    expect(validateBoundary(polygon)).toEqual({ ok: true, boundary: polygon });
    const multi = { type: 'MultiPolygon', coordinates: [[ring(18, 59.2, 0.01)], [ring(18.1, 59.2, 0.01)]] };
    expect(validateBoundary(multi)).toEqual({ ok: true, boundary: multi });
  });

  it('rejects a collection with several or no features', async () => {
    const two = validateBoundary(collection(feature({}, polygon), feature({}, polygon)));
    expect(two.ok ? [] : two.problems.map((p) => p.code)).toEqual(['MULTIPLE_BOUNDARIES']);
    const none = validateBoundary(collection());
    expect(none.ok ? [] : none.problems.map((p) => p.code)).toEqual(['NO_FEATURES']);
  });

  it('rejects other inputs and broken geometries with the same checks as areas', async () => {
    const codes = (input: unknown): string[] => {
      const r = validateBoundary(input);
      return r.ok ? [] : r.problems.map((p) => p.code);
    };
    expect(codes('Huddinge')).toEqual(['NOT_A_BOUNDARY']);
    expect(codes({ type: 'Point', coordinates: [18, 59] })).toEqual(['NOT_A_BOUNDARY']);
    expect(codes(feature({}, { type: 'Point', coordinates: [18, 59] }))).toEqual(['UNSUPPORTED_GEOMETRY']);
    expect(codes(collection({ type: 'Polygon' }))).toEqual(['NOT_A_FEATURE']);
    expect(
      codes({
        type: 'Polygon',
        coordinates: [
          [
            [670_000, 6_570_000],
            [671_000, 6_570_000],
            [671_000, 6_571_000],
            [670_000, 6_570_000],
          ],
        ],
      }),
    ).toEqual(['PROJECTED_COORDINATES']);
    expect(
      codes({
        type: 'Polygon',
        coordinates: [
          [
            [18, 59],
            [18.01, 59.01],
            [18.01, 59],
            [18, 59.01],
            [18, 59],
          ],
        ],
      }),
    ).toEqual(['SELF_INTERSECTION']);
  });
});
