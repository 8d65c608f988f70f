import L from 'leaflet';
import { useTranslation } from 'react-i18next';
import { Marker, Popup } from 'react-leaflet';
import { Link } from 'react-router';
import { useCameraSites, type CameraSiteListItem } from './useCameras.ts';

export const STATUS_COLOURS: Record<CameraSiteListItem['status'], string> = {
  proposed: '#8a6d00',
  assessing: '#b35c00',
  approved: '#1f6fb2',
  installed: '#12355b',
  decommissioned: '#6b6b6b',
};

/** A camera glyph in a square, so cameras read differently from the round report dots. */
function icon(site: CameraSiteListItem) {
  const colour = STATUS_COLOURS[site.status];
  const dashed = site.positionApproximate ? 'stroke-dasharray="3 2"' : '';
  return L.divIcon({
    className: `camera-marker camera-${site.status}`,
    html: `<svg width="26" height="26" viewBox="0 0 26 26" aria-hidden="true"><rect x="1" y="1" width="24" height="24" rx="4" fill="${colour}" stroke="#fff" stroke-width="2" ${dashed}/><path d="M6 9h10v8H6z M16 11l5-3v10l-5-3z" fill="#fff"/></svg>`,
    iconSize: [26, 26],
    iconAnchor: [13, 13],
  });
}

/**
 * Camera sites as markers, for any react-leaflet map (the register's and the weekly picture's).
 * Without `sites` it fetches the register itself. Decommissioned sites are left out unless asked for.
 */
export function CameraMarkers({
  sites,
  includeDecommissioned = false,
}: {
  sites?: CameraSiteListItem[];
  includeDecommissioned?: boolean;
}) {
  const { t } = useTranslation();
  const fetched = useCameraSites();
  const items = (sites ?? fetched.data ?? []).filter((s) => includeDecommissioned || s.status !== 'decommissioned');
  return (
    <>
      {items.map((site) => (
        <Marker
          key={site.id}
          position={[site.location.lat, site.location.lon]}
          icon={icon(site)}
          title={`${t('cameras.marker')}: ${site.name}`}
          alt={site.name}
        >
          <Popup>
            <strong>{site.name}</strong>
            <br />
            {t(`cameras.status.${site.status}`)} · {site.areaName}
            {site.positionApproximate ? (
              <>
                <br />
                <em>{t('cameras.approximatePosition')}</em>
              </>
            ) : null}
            <br />
            <Link to={`/kameror/${site.id}`}>{t('cameras.open')}</Link>
          </Popup>
        </Marker>
      ))}
    </>
  );
}
