import { describe, expect, it } from 'vitest';
import { wgs84ToSweref99tm } from '../../../analysis/index.ts';
import { evaluationPeriods, lastYear, resolvePeriod, swedishDayNumber } from './analysis-period.ts';
import { cellPolygon } from './map-geometry.ts';
import { nearRepeatVerdict } from './near-repeat-verdict.ts';
import { projectBoundary } from './study-area.ts';

const NOW = new Date('2026-11-18T10:00:00Z');

describe('periods', () => {
  it('reads from/to, or the last weeks up to now (twelve by default)', () => {
    expect(resolvePeriod({ from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' }, NOW)).toEqual({
      from: new Date('2026-09-30T22:00:00Z'),
      to: new Date('2026-10-31T23:00:00Z'),
    });
    expect(resolvePeriod({ weeks: 2 }, NOW)).toEqual({ from: new Date('2026-11-04T10:00:00Z'), to: NOW });
    expect(resolvePeriod({}, NOW).from).toEqual(new Date('2026-08-26T10:00:00Z'));
  });

  it('evaluates a period against the next one of the same length, never past now', () => {
    const byWeeks = evaluationPeriods({ weeks: 1 }, NOW);
    expect(byWeeks.next).toEqual({ from: new Date('2026-11-11T10:00:00Z'), to: NOW });
    expect(byWeeks.first).toEqual({ from: new Date('2026-11-04T10:00:00Z'), to: new Date('2026-11-11T10:00:00Z') });
    const clipped = evaluationPeriods({ from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, NOW);
    expect(clipped.next).toEqual({ from: new Date('2026-11-01T00:00:00Z'), to: NOW });
  });

  it('counts days in Swedish local time', () => {
    // 23:30 and 00:30 Swedish time (CET, UTC+1) are on consecutive days although 1 hour apart.
    expect(
      swedishDayNumber(new Date('2026-11-17T23:30:00Z')) - swedishDayNumber(new Date('2026-11-17T22:30:00Z')),
    ).toBe(1);
    expect(swedishDayNumber(new Date('1970-01-01T12:00:00Z'))).toBe(0);
    expect(lastYear(NOW).from).toEqual(new Date('2025-11-18T10:00:00Z'));
  });
});

describe('map geometry', () => {
  it('projects a cell back to WGS84 around the point it was counted from', () => {
    const skogas = wgs84ToSweref99tm(59.219357, 18.153572);
    const ring = cellPolygon(Math.floor(skogas.x / 100), Math.floor(skogas.y / 100), 100);
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    expect(Math.min(...lons) < 18.153572 && 18.153572 < Math.max(...lons)).toBe(true);
    expect(Math.min(...lats) < 59.219357 && 59.219357 < Math.max(...lats)).toBe(true);
    // 100 m is about 0.0009 degrees of latitude.
    expect(Math.max(...lats) - Math.min(...lats)).toBeCloseTo(0.0009, 4);
  });
});

describe('near-repeat verdict', () => {
  const table = (ratio: number | null, p: number) => ({
    spaceBands: [
      { label: 'same location', min: 0, max: 0 },
      { label: '(0, 200]', min: 0, max: 200 },
      { label: '> 200', min: 200, max: null },
    ],
    timeBands: [
      { label: '[0, 7]', min: 0, max: 7 },
      { label: '> 7', min: 8, max: null },
    ],
    ratio: [
      [5, 1],
      [ratio, 1],
      [1, 1],
    ],
    p: [
      [0.01, 1],
      [p, 1],
      [1, 1],
    ],
  });
  const subject = { categoriesSv: ['Inbrott/stöld'], categoriesEn: ['Burglary/theft'], placeName: 'Huddinge' };

  it('speaks only when the nearest band has ratio > 1 and p < 0.05', () => {
    const verdict = nearRepeatVerdict(table(2.5, 0.01), subject);
    expect(verdict?.sv).toBe(
      'Efter en händelse av typen Inbrott/stöld i Huddinge är risken för en ny händelse förhöjd inom 200 m under 7 dagar (Knox-kvot 2,5, p = 0,01; underlag 12 månader).',
    );
    expect(verdict?.en).toContain(
      'After an event of the type Burglary/theft in Huddinge, the risk of another is raised within 200 m for 7 days',
    );
    expect(nearRepeatVerdict(table(2.5, 0.05), subject)).toBeNull();
    expect(nearRepeatVerdict(table(0.8, 0.01), subject)).toBeNull();
    expect(nearRepeatVerdict(table(null, 0.01), subject)).toBeNull();
  });

  it('names any category when none was chosen', () => {
    expect(nearRepeatVerdict(table(3, 0.001), { ...subject, categoriesSv: [], categoriesEn: [] })?.sv).toMatch(
      /^Efter en händelse \(alla kategorier\) i Huddinge/,
    );
  });
});

describe('study area', () => {
  it('is the boundary projected to SWEREF 99 TM, polygon by polygon', () => {
    const ring = [
      [18.0, 59.2],
      [18.1, 59.2],
      [18.1, 59.25],
      [18.0, 59.2],
    ];
    const area = projectBoundary({ type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] });
    expect(area.polygons.map((p) => p.length)).toEqual([1, 2]);
    const corner = wgs84ToSweref99tm(59.2, 18.1);
    expect(area.polygons[0]![0]![1]).toEqual([corner.x, corner.y]);
  });
});
