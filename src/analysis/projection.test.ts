import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ProjectionRangeError,
  isInSwerefBounds,
  projectWgs84Arrays,
  sweref99tmToWgs84,
  wgs84ToSweref99tm,
} from './projection.ts';

const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../test/reference/analysis/stats_reference.json', import.meta.url)), 'utf8'),
) as { sweref99tm: { lat: number; lon: number; x: number; y: number }[] };

describe('WGS84 -> SWEREF 99 TM', () => {
  it("agrees with Lantmäteriet's Gauss–Krüger formulas (independent Python) to 1 mm", () => {
    for (const r of ref.sweref99tm) {
      const p = wgs84ToSweref99tm(r.lat, r.lon);
      expect(Math.abs(p.x - r.x)).toBeLessThan(0.001);
      expect(Math.abs(p.y - r.y)).toBeLessThan(0.001);
      expect(isInSwerefBounds(p.x, p.y)).toBe(true);
      const back = sweref99tmToWgs84(p.x, p.y);
      expect(back.lat).toBeCloseTo(r.lat, 9);
      expect(back.lon).toBeCloseTo(r.lon, 9);
    }
  });

  it("rejects coordinates outside EPSG:3006's area of use, e.g. swapped lat/lon", () => {
    expect(() => wgs84ToSweref99tm(18.07, 59.33)).toThrow(ProjectionRangeError);
    expect(() => wgs84ToSweref99tm(48.85, 2.35)).toThrow(/outside SWEREF 99 TM/);
    expect(() => wgs84ToSweref99tm(Number.NaN, 15)).toThrow(ProjectionRangeError);
    expect(() => projectWgs84Arrays([59.3, 59.3, 70.5], [18, 18, 18])).toThrow(/point 2/);
  });
});
