import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, Tooltip } from 'react-leaflet';
import { api } from '../../../shared/api.ts';

import { MapView } from '../../../shared/MapView.tsx';
import { usePlaces } from '../../../shared/reference.ts';
import { useReferenceMutation } from './useReferenceMutation.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert.tsx';

/** Named places on the map; a new one is placed by tapping the map. */
export function PlacesCard() {
  const { t } = useTranslation();
  const places = usePlaces();
  const [form, setForm] = useState({ code: '', name: '', kind: 'plats', approximate: true });
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const create = useReferenceMutation(['places'], () =>
    api.post('/api/places', { ...form, ...point!, source: 'Added by admin' }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!point) return;
    create.mutate(undefined as never, {
      onSuccess: () => {
        setForm({ code: '', name: '', kind: 'plats', approximate: true });
        setPoint(null);
      },
    });
  }

  return (
    <section className="card" aria-labelledby="places-title">
      <h2 id="places-title">{t('admin.places')}</h2>
      <MapView label={t('admin.places')} height="320px" onPick={setPoint}>
        {(places.data ?? []).map((p) => (
          <CircleMarker
            key={p.code}
            center={[p.lat, p.lon]}
            radius={5}
            pathOptions={{ color: p.approximate ? '#8a5a00' : '#12355b' }}
          >
            <Tooltip>
              {p.name}
              {p.approximate ? ` (${t('admin.approximate')})` : ''}
            </Tooltip>
          </CircleMarker>
        ))}
        {point ? <CircleMarker center={[point.lat, point.lon]} radius={8} pathOptions={{ color: '#b3261e' }} /> : null}
      </MapView>
      <ul className="small">
        {(places.data ?? []).map((p) => (
          <li key={p.code}>
            {p.name} {p.approximate ? <span className="muted">({t('admin.approximate')})</span> : null}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-label={t('admin.newPlace')}>
        <h3>{t('admin.newPlace')}</h3>
        <p className="muted small">{point ? `${point.lat.toFixed(5)}, ${point.lon.toFixed(5)}` : t('admin.tapMap')}</p>
        <div className="row">
          <label>
            {t('admin.name')}
            <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label>
            {t('admin.code')}
            <input
              required
              pattern="[a-z0-9][a-z0-9-]*"
              value={form.code}
              onChange={(e) => setForm({ ...form, code: e.target.value })}
            />
          </label>
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={form.approximate}
            onChange={(e) => setForm({ ...form, approximate: e.target.checked })}
          />
          {t('admin.approximatePosition')}
        </label>
        <button type="submit" disabled={!point}>
          {t('admin.create')}
        </button>
        <ErrorAlert error={create.error} />
      </form>
    </section>
  );
}
