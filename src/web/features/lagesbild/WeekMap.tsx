import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, GeoJSON, Tooltip } from 'react-leaflet';
import type { LagesbildView } from '../../../contracts/lagesbild.ts';

import { formatDateTime } from '../../shared/format.ts';
import { MapView } from '../../shared/MapView.tsx';
import { CameraMarkers } from '../cameras/CameraMarkers.tsx';
import { useAreas, useFocusColours } from '../../shared/reference.ts';
import { useWeekMap } from './useLagesbild.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

export const LEVEL_FILL = { green: '#3a9d4a', yellow: '#e3b600', red: '#d62728' } as const;

/** The week on the map: areas tinted by assessment, reports coloured by focus area, recurring places ringed. */
export function WeekMap({ picture }: { picture: LagesbildView }) {
  const { t } = useTranslation();
  const areas = useAreas();
  const colours = useFocusColours();
  const points = useWeekMap(picture);
  const tinted = useMemo(() => {
    const levels = new Map(picture.byArea.map((a) => [a.areaCode, a.assessment?.level]));
    return {
      type: 'FeatureCollection' as const,
      features: (areas.data ?? []).flatMap((a) => {
        const level = levels.get(a.code);
        return level ? [{ type: 'Feature' as const, properties: { code: a.code, level }, geometry: a.geometry }] : [];
      }),
    };
  }, [areas.data, picture]);
  const reports = points.data?.reports ?? [];
  return (
    <>
      <MapView label={t('lagesbild.mapLabel', { week: picture.week })} height="560px">
        <GeoJSON
          key={`${picture.week}-${picture.version}-${picture.byArea.map((a) => a.assessment?.level ?? '').join()}`}
          data={tinted}
          interactive={false}
          style={(feature) => ({
            color: LEVEL_FILL[feature?.properties.level as keyof typeof LEVEL_FILL],
            weight: 2,
            fillOpacity: 0.22,
          })}
        />
        {reports.map((r) => (
          <CircleMarker
            key={r.id}
            center={[r.lat, r.lon]}
            radius={6}
            pathOptions={{
              color: '#fff',
              weight: 1,
              fillColor: colours.get(r.focusAreaCode) ?? '#444',
              fillOpacity: 0.95,
            }}
            className="report-point"
          >
            <Tooltip>{t('lagesbild.pointTooltip', { number: r.number, at: formatDateTime(r.occurredAt) })}</Tooltip>
          </CircleMarker>
        ))}
        {picture.recurringPlaces.map((p) => (
          <Circle
            key={p.reportIds.join()}
            center={[p.lat, p.lon]}
            radius={picture.recurringPlacesWindow.radiusMetres}
            pathOptions={{ color: '#7a0000', weight: 3, dashArray: '6 4', fillOpacity: 0.05 }}
          >
            <Tooltip>{t('lagesbild.recurringTooltip', { count: p.count })}</Tooltip>
          </Circle>
        ))}
        <CameraMarkers />
      </MapView>
      <ErrorAlert error={points.error} />
      {points.data?.reportsTruncated ? (
        <p className="muted small">{t('lagesbild.mapCapped', { shown: reports.length })}</p>
      ) : null}
    </>
  );
}
