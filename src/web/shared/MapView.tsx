import L from 'leaflet';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GeoJSON, MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import type { AreaView } from '../../contracts/reference.ts';
import { useAreas, useMunicipality } from './reference.ts';

interface MapViewProps {
  children?: ReactNode;
  onPick?: (point: { lat: number; lon: number }) => void;
  height?: string;
  /** Text alternative describing what the map shows, for screen readers. */
  label: string;
  highlightArea?: string | null;
}

function PickHandler({ onPick }: { onPick: (point: { lat: number; lon: number }) => void }) {
  useMapEvents({ click: (event) => onPick({ lat: event.latlng.lat, lon: event.latlng.lng }) });
  return null;
}

function FitBoundary({ boundary }: { boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon }) {
  const map = useMap();
  useEffect(() => {
    const bounds = L.geoJSON(boundary).getBounds();
    const fit = () => {
      map.invalidateSize();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
    };
    fit();
    // The container often gets its final size after mount (phones, collapsing layouts): refit once it does.
    const observer = new ResizeObserver(() => fit());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map, boundary]);
  return null;
}

/**
 * The municipality's map. The areas' own GeoJSON is the base layer, so the map is useful
 * without any tile server (tests, closed networks); MAP_TILE_URL adds a background map.
 */
export function MapView({ children, onPick, height = '420px', label, highlightArea }: MapViewProps) {
  const { t } = useTranslation();
  const municipality = useMunicipality();
  const areas = useAreas();
  const areaCollection = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: (areas.data ?? []).map((a: AreaView) => ({
        type: 'Feature' as const,
        properties: { code: a.code, name: a.name },
        geometry: a.geometry,
      })),
    }),
    [areas.data],
  );
  if (!municipality.data || !areas.data)
    return (
      <div style={{ height }} className="map-placeholder">
        {t('common.loading')}
      </div>
    );
  const m = municipality.data;
  const approximate = areas.data.some((a) => a.approximate);
  return (
    <figure className="map-figure">
      <MapContainer
        center={[m.mapCenter.lat, m.mapCenter.lon]}
        zoom={m.mapZoom}
        style={{ height }}
        className={onPick ? 'map pickable' : 'map'}
        attributionControl={Boolean(m.tileUrl)}
        zoomSnap={0.25}
        aria-label={label}
      >
        {m.tileUrl ? <TileLayer url={m.tileUrl} attribution={m.tileAttribution} /> : null}
        <FitBoundary boundary={m.boundary} />
        <GeoJSON
          key={`${areas.dataUpdatedAt}-${highlightArea ?? ''}`}
          data={areaCollection}
          style={(feature) => ({
            color: '#12355b',
            weight: feature?.properties.code === highlightArea ? 3 : 1.5,
            fillColor: m.tileUrl ? '#12355b' : '#eef3f8',
            fillOpacity: m.tileUrl ? 0.05 : 0.9,
            dashArray: approximate ? '4 4' : undefined,
          })}
          onEachFeature={(feature, layer) => layer.bindTooltip(feature.properties.name, { sticky: true })}
          interactive={!onPick}
          // The outlines are the base layer: keep them beneath every feature's overlay, also when rebuilt.
          eventHandlers={{ add: (event) => (event.target as L.GeoJSON).bringToBack() }}
        />
        {onPick ? <PickHandler onPick={onPick} /> : null}
        {children}
      </MapContainer>
      {approximate ? <figcaption className="muted small">{t('map.areasApproximate')}</figcaption> : null}
    </figure>
  );
}
