import { useMemo } from 'react';
import { GeoJSON } from 'react-leaflet';
import type { GrantedRow } from '../../../contracts/fund.ts';
import { formatOreShort } from '../../../contracts/fund-money.ts';
import { MapView } from '../../shared/MapView.tsx';
import { useAreas } from '../../shared/reference.ts';

/** Five shades from pale to dark blue; an area's shade is its share of the largest area grant. */
const SHADES = ['#eef3f8', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

export function shadeFor(grantedOre: number, maxOre: number): string {
  if (grantedOre <= 0 || maxOre <= 0) return SHADES[0]!;
  return SHADES[Math.min(4, 1 + Math.floor((grantedOre / maxOre) * 3.999))]!;
}

/** The municipality's districts coloured by the money granted to projects in them. */
export function FundOverviewMap({ byArea, label }: { byArea: GrantedRow[]; label: string }) {
  const areas = useAreas();
  const granted = useMemo(() => new Map(byArea.map((r) => [r.key, r.grantedOre])), [byArea]);
  const max = Math.max(0, ...byArea.filter((r) => r.key !== 'hela-kommunen').map((r) => r.grantedOre));
  const data = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: (areas.data ?? []).map((a) => ({
        type: 'Feature' as const,
        properties: { code: a.code, name: a.name },
        geometry: a.geometry,
      })),
    }),
    [areas.data],
  );
  return (
    <MapView label={label} height="460px">
      <GeoJSON
        // Leaflet layers do not follow prop changes: a new key rebuilds the layer when the money or the areas change.
        key={`${areas.dataUpdatedAt}-${JSON.stringify(byArea)}`}
        data={data}
        style={(feature) => ({
          color: '#12355b',
          weight: 1.5,
          fillColor: shadeFor(granted.get(feature?.properties.code) ?? 0, max),
          fillOpacity: 0.85,
        })}
        onEachFeature={(feature, layer) =>
          layer.bindTooltip(
            `${feature.properties.name}: ${formatOreShort(granted.get(feature.properties.code) ?? 0)}`,
            { sticky: true },
          )
        }
      />
    </MapView>
  );
}
