import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { UserView } from '../../../contracts/auth.ts';
import { useUser } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { useTranslation } from 'react-i18next';
import { CircleMarker, Polygon } from 'react-leaflet';
import { MapView } from '../../shared/MapView.tsx';
import { cameraError, useSiteMutation, type CameraSiteView } from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

type LatLon = { lat: number; lon: number };

/** GeoJSON ring (lon, lat), closed, from the clicked corners. */
function toFieldOfView(points: LatLon[]) {
  const ring = points.map((p): [number, number] => [p.lon, p.lat]);
  return { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] };
}

function fromFieldOfView(site: CameraSiteView): LatLon[] {
  const ring = site.fieldOfView?.coordinates[0] ?? [];
  return ring.slice(0, -1).map(([lon, lat]) => ({ lat, lon }));
}

/** Editing a site's facts, and drawing its field of view by clicking the corners on the map. */
export function SiteEditForm({ site, onDone }: { site: CameraSiteView; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    name: site.name,
    cameraCount: String(site.cameraCount),
    cameraType: site.cameraType,
    purpose: site.purpose,
    motivation: site.motivation,
    operatingHours: site.operatingHours,
    retentionDays: site.retentionDays === null ? '' : String(site.retentionDays),
    responsibleName: site.responsibleName,
  });
  const [signage, setSignage] = useState(site.signage);
  // Naming the camera responsible gives that user the site and its disclosure log, so only
  // admins (who may list users) choose them.
  const isAdmin = useUser().role === 'admin';
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<UserView[]>('/api/users'), enabled: isAdmin });
  const [responsibleUserId, setResponsibleUserId] = useState(site.responsibleUserId ?? '');
  const [corners, setCorners] = useState<LatLon[]>(fromFieldOfView(site));
  const save = useSiteMutation<Record<string, unknown>>('patch', () => `/api/camera-sites/${site.id}`);
  const text = (key: keyof typeof form, multiline = false) => (
    <label key={key}>
      {t(`cameras.fields.${key}`)}
      {multiline ? (
        <textarea rows={3} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      ) : (
        <input
          type={key === 'cameraCount' || key === 'retentionDays' ? 'number' : 'text'}
          min={0}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </label>
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        ...form,
        cameraCount: Number(form.cameraCount),
        retentionDays: form.retentionDays === '' ? null : Number(form.retentionDays),
        signage,
        ...(isAdmin ? { responsibleUserId: responsibleUserId || null } : {}),
        fieldOfView: corners.length >= 3 ? toFieldOfView(corners) : null,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="camera-form card" onSubmit={submit} aria-label={t('cameras.edit.title')}>
      <h2>{t('cameras.edit.title')}</h2>
      {text('name')}
      {text('cameraCount')}
      {text('cameraType')}
      {text('purpose', true)}
      {text('motivation', true)}
      {text('operatingHours')}
      {text('retentionDays')}
      <label className="inline">
        <input type="checkbox" checked={signage} onChange={(e) => setSignage(e.target.checked)} />
        {t('cameras.fields.signage')}
      </label>
      {text('responsibleName')}
      {isAdmin ? (
        <label>
          {t('cameras.edit.responsibleUser')}
          <select value={responsibleUserId} onChange={(e) => setResponsibleUserId(e.target.value)}>
            <option value="">{t('cameras.edit.noResponsibleUser')}</option>
            {(users.data ?? [])
              .filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={u.id}>{`${u.name} (${u.organisationName})`}</option>
              ))}
          </select>
        </label>
      ) : null}
      <fieldset>
        <legend>{t('cameras.edit.fieldOfView')}</legend>
        <p className="muted small">{t('cameras.edit.fieldOfViewHelp')}</p>
        <MapView label={t('cameras.edit.fieldOfView')} height="320px" onPick={(p) => setCorners([...corners, p])}>
          <CircleMarker
            center={[site.location.lat, site.location.lon]}
            radius={7}
            pathOptions={{ color: '#12355b', fillOpacity: 0.8 }}
          />
          {corners.length >= 3 ? (
            <Polygon
              positions={corners.map((c) => [c.lat, c.lon] as [number, number])}
              pathOptions={{ color: '#b35c00' }}
            />
          ) : null}
          {corners.map((c, i) => (
            <CircleMarker
              key={`${c.lat}${c.lon}${i}`}
              center={[c.lat, c.lon]}
              radius={4}
              pathOptions={{ color: '#b35c00' }}
            />
          ))}
        </MapView>
        <p data-testid="fov-corners">{t('cameras.edit.corners', { count: corners.length })}</p>
        <button type="button" onClick={() => setCorners([])}>
          {t('cameras.edit.clear')}
        </button>
      </fieldset>
      <ErrorAlert error={save.error} message={cameraError} />
      <button type="submit" disabled={save.isPending || (corners.length > 0 && corners.length < 3)}>
        {t('cameras.edit.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('cameras.edit.cancel')}
      </button>
    </form>
  );
}
