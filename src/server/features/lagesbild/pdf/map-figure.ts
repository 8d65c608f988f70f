import type { MultiPolygon, Polygon } from 'geojson';
import type { LagesbildView } from '../../../../contracts/lagesbild.ts';
import { LEVEL_COLOURS } from './pdf-style.ts';

export interface AreaShape {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * The map of the week as vector drawing instructions: area outlines filled with their assessment
 * colour, each area's count at its centre, recurring places as circles sized by their count.
 * Equirectangular with the cosine of the mean latitude: at a municipality's scale the distortion
 * is far below a printed millimetre.
 */
export function mapFigure(
  picture: LagesbildView,
  areas: readonly AreaShape[],
  box: { x: number; y: number; width: number; height: number },
) {
  const rings = areas.map((a) => ({
    area: a,
    rings: a.geometry.type === 'Polygon' ? [a.geometry.coordinates[0]!] : a.geometry.coordinates.map((p) => p[0]!),
  }));
  const all = rings.flatMap((r) => r.rings.flat());
  if (all.length === 0) return { canvas: [], labels: [] };
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min(box.width / ((maxLon - minLon) * kx), box.height / (maxLat - minLat));
  const offsetX = box.x + (box.width - (maxLon - minLon) * kx * scale) / 2;
  const offsetY = box.y + (box.height - (maxLat - minLat) * scale) / 2;
  const project = (lon: number, lat: number) => ({
    x: offsetX + (lon - minLon) * kx * scale,
    y: offsetY + (maxLat - lat) * scale,
  });

  const figures = new Map(picture.byArea.map((a) => [a.areaCode, a]));
  const canvas: Record<string, unknown>[] = [];
  const labels: Record<string, unknown>[] = [];
  for (const { area, rings: areaRings } of rings) {
    const figure = figures.get(area.code);
    const level = figure?.assessment?.level;
    for (const ring of areaRings) {
      canvas.push({
        type: 'polyline',
        closePath: true,
        lineWidth: 0.6,
        lineColor: '#444444',
        color: level ? LEVEL_COLOURS[level].fill : '#f2f2f2',
        points: ring.map(([lon, lat]) => project(lon!, lat!)),
      });
    }
    // Label at the centre of the largest ring's bounding box: simple and stable for convex-ish districts.
    const ring = areaRings.reduce((a, b) => (b.length > a.length ? b : a));
    const xs = ring.map((p) => project(p[0]!, p[1]!).x);
    const ys = ring.map((p) => project(p[0]!, p[1]!).y);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    labels.push({
      text: [
        { text: `${area.name}\n`, fontSize: 6.5 },
        { text: String(figure?.count ?? 0), fontSize: 11, bold: true },
      ],
      alignment: 'center',
      absolutePosition: { x: cx - 40, y: cy - 10 },
      width: 80,
    });
  }
  for (const place of picture.recurringPlaces) {
    const p = project(place.lon, place.lat);
    const r = Math.min(9, 2.5 + Math.sqrt(place.count));
    canvas.push({
      type: 'ellipse',
      x: p.x,
      y: p.y,
      r1: r,
      r2: r,
      lineWidth: 1,
      lineColor: '#7a0000',
      color: '#d62728',
      fillOpacity: 0.55,
    });
  }
  return { canvas, labels };
}
