/**
 * `--study-area F.geojson`: the polygons a grid analysis is restricted to. Coordinates within
 * +-180 / +-90 are WGS84 longitude/latitude (RFC 7946) and are projected to SWEREF 99 TM like
 * lat,lon input; larger values are taken as metres in the points' own projected system (so a
 * Chicago boundary in EPSG:26971 works with --crs projected).
 */
import { readFile } from 'node:fs/promises';
import { geoJsonPolygons, looksGeographic } from '../../analysis/geojson-polygons.ts';
import type { MetreRing, StudyArea } from '../../analysis/study-area.ts';
import { CliError } from './errors.ts';
import { crs, str, type CommandContext } from './options.ts';

export async function readStudyArea(ctx: CommandContext): Promise<StudyArea | undefined> {
  const file = str(ctx, 'study-area', false);
  if (file === undefined) return undefined;
  let polygons;
  try {
    polygons = geoJsonPolygons(JSON.parse(await readFile(file, 'utf8')));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code
      ? (e as Error).message
      : `not a usable GeoJSON polygon: ${(e as Error).message}`;
    throw new CliError(`--study-area ${file}: ${reason}`);
  }
  if (!looksGeographic(polygons)) return { polygons: polygons as MetreRing[][] };
  if (crs(ctx) === 'projected')
    throw new CliError(
      `--study-area ${file}: the area is in longitude/latitude but the points are in other projected metres (--crs projected); give the area in the points' coordinates`,
    );
  const { wgs84ToSweref99tm } = await import('../../analysis/projection.ts');
  try {
    return {
      polygons: polygons.map((p) =>
        p.map((r) =>
          r.map(([lon, lat]) => {
            const { x, y } = wgs84ToSweref99tm(lat, lon);
            return [x, y] as [number, number];
          }),
        ),
      ),
    };
  } catch (e) {
    throw new CliError(`--study-area ${file}: ${(e as Error).message}`);
  }
}

/** What the study area left out, for stderr and the JSON output. */
export function studyAreaSummary(
  ctx: CommandContext,
  name: string,
  area: { cells: number; excludedCells: number; eventsOutside: number },
) {
  const file = str(ctx, 'study-area', false);
  if (file === undefined) return undefined;
  ctx.warn(
    `${name}: study area ${file}: ${area.cells} cells inside, ${area.excludedCells} excluded (centre outside), ${area.eventsOutside} events outside`,
  );
  return { file, cells: area.cells, excludedCells: area.excludedCells, eventsOutside: area.eventsOutside };
}
