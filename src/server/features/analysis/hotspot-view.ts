/** The hot-spot map's view from the engine's significant cells: WGS84 squares, named by area (pure). */
import { sweref99tmToWgs84 } from '../../../analysis/index.ts';
import type { HotspotJobResult } from '../../../analysis/app-jobs.ts';
import type { AreaLookup } from '../reference/reference.service.ts';
import type { HotspotAreaView, HotspotCellView } from '../../../contracts/analysis.ts';
import { cellPolygon } from './map-geometry.ts';

export function hotspotCellViews(
  result: HotspotJobResult,
  cellSize: number,
  lookup: Pick<AreaLookup, 'locate' | 'nameByCode'>,
): { cells: HotspotCellView[]; byArea: HotspotAreaView[] } {
  const cells: HotspotCellView[] = [];
  const byArea = new Map<string, HotspotAreaView>();
  const half = cellSize / 2;
  for (const c of result.cells) {
    const located = lookup.locate(sweref99tmToWgs84(c.col * cellSize + half, c.row * cellSize + half));
    const areaCode = located.kind === 'outside' ? null : located.areaCode;
    cells.push({
      col: c.col,
      row: c.row,
      count: c.count,
      z: c.z,
      p: c.p,
      q: c.q,
      hot: c.hot,
      cold: c.cold,
      polygon: cellPolygon(c.col, c.row, cellSize),
      areaCode,
    });
    if (!areaCode) continue;
    const area = byArea.get(areaCode) ?? {
      areaCode,
      name: lookup.nameByCode.get(areaCode) ?? areaCode,
      hotCells: 0,
      coldCells: 0,
      eventsInHotCells: 0,
    };
    if (c.hot) {
      area.hotCells++;
      area.eventsInHotCells += c.count;
    } else area.coldCells++;
    byArea.set(areaCode, area);
  }
  return {
    cells,
    byArea: [...byArea.values()].sort(
      (a, b) =>
        b.hotCells - a.hotCells || b.eventsInHotCells - a.eventsInHotCells || a.name.localeCompare(b.name, 'sv'),
    ),
  };
}
