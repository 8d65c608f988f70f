import type { LatLngTuple } from 'leaflet';
import { useTranslation } from 'react-i18next';
import { Pane, Polygon, Tooltip } from 'react-leaflet';
import type { DensityBandView } from '../../../contracts/analysis.ts';

/** One shade per contour level, light to dark, so nested contours read as a rising surface. */
export const DENSITY_SHADES = ['#fdd49e', '#fc8d59', '#e34a33', '#b30000'] as const;

/** GeoJSON [lon, lat] MultiPolygon coordinates as Leaflet's nested [lat, lon] (polygons, rings, points). */
const toLatLngs = (band: DensityBandView): LatLngTuple[][][] =>
  band.geometry.coordinates.map((polygon) =>
    polygon.map((ring) => ring.map(([lon, lat]) => [lat, lon] as LatLngTuple)),
  );

/** Kernel-density contours (WGS84 MultiPolygons from the API) on a `MapView`; lowest level first. */
export function DensityLayer({ contours }: { contours: readonly DensityBandView[] }) {
  const { t } = useTranslation();
  // Own pane above the areas (overlayPane, z 400) and below the hot spots (HotspotLayer, z 420), so
  // contours arriving after the cells never cover them or take their pointer events.
  return (
    <Pane name="analysis-density" style={{ zIndex: 410 }}>
      {contours.map((band, k) => {
        const shade = DENSITY_SHADES[Math.min(k, DENSITY_SHADES.length - 1)];
        return (
          <Polygon
            key={`${k}:${band.level}`}
            positions={toLatLngs(band)}
            // Leaflet reads className only when it creates the path (pathOptions are applied later with setStyle).
            className="density-contour"
            pathOptions={{ color: shade, weight: 1.5, fillColor: shade, fillOpacity: 0.25 }}
          >
            <Tooltip sticky>{t('analysis.density.contour', { share: Math.round(band.share * 100) })}</Tooltip>
          </Polygon>
        );
      })}
    </Pane>
  );
}
