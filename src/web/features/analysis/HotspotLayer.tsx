import { useTranslation } from 'react-i18next';
import { Pane, Polygon, Tooltip } from 'react-leaflet';
import type { HotspotCellView } from '../../../contracts/analysis.ts';

export const HOT_COLOUR = '#c62828';
export const COLD_COLOUR = '#1565c0';

const fmt = (v: number, digits: number) =>
  new Intl.NumberFormat('sv-SE', { maximumSignificantDigits: digits }).format(v);

/**
 * Significant Gi* cells as squares on a `MapView`: hot red, cold blue. The API sends only cells
 * that passed the FDR correction, so everything drawn here is more than noise.
 */
export function HotspotLayer({ cells }: { cells: readonly HotspotCellView[] }) {
  const { t } = useTranslation();
  // Own pane above the density contours (DensityLayer, z 410), whatever order they load in.
  return (
    <Pane name="analysis-hotspots" style={{ zIndex: 420 }}>
      {cells.map((c) => (
        <Polygon
          key={`${c.col}:${c.row}`}
          positions={c.polygon.map(([lon, lat]) => [lat, lon] as [number, number])}
          // Leaflet reads className only when it creates the path (pathOptions are applied later with setStyle).
          className={`hotspot-cell ${c.hot ? 'hot' : 'cold'}`}
          pathOptions={{
            color: c.hot ? HOT_COLOUR : COLD_COLOUR,
            weight: 1,
            fillColor: c.hot ? HOT_COLOUR : COLD_COLOUR,
            fillOpacity: 0.55,
          }}
        >
          <Tooltip sticky>{t('analysis.hotspots.tooltip', { count: c.count, z: fmt(c.z, 3), p: fmt(c.p, 2) })}</Tooltip>
        </Polygon>
      ))}
    </Pane>
  );
}
