import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker } from 'react-leaflet';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { MapView } from '../../shared/MapView.tsx';
import { useFocusAreas, usePlaces } from '../../shared/reference.ts';
import { cameraError, useSiteMutation, type CameraSiteView } from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** Proposing a site, often from the siting list, which fills in the place and the reasons. */
export function NewCameraSitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The siting list hands over the reports behind the candidate, to be cited by the proposal.
  const cited = (useLocation().state as { reportIds?: string[] } | null)?.reportIds ?? [];
  const places = usePlaces();
  const focusAreas = useFocusAreas();
  const initialPoint =
    params.get('lat') && params.get('lon') ? { lat: Number(params.get('lat')), lon: Number(params.get('lon')) } : null;
  const [form, setForm] = useState({
    name: params.get('name') ?? '',
    placeCode: params.get('place') ?? '',
    cameraCount: '1',
    cameraType: '',
    purpose: '',
    focusAreaCode: '',
    motivation: params.get('motivation') ?? '',
    operatingHours: '',
    retentionDays: '14',
    responsibleName: '',
  });
  const [point, setPoint] = useState(initialPoint);
  const [approximate, setApproximate] = useState(false);
  const create = useSiteMutation<Record<string, unknown>, CameraSiteView>('post', () => '/api/camera-sites');
  const text = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const place = places.data?.find((p) => p.code === form.placeCode);
  const shown = place ? { lat: place.lat, lon: place.lon } : point;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        name: form.name,
        ...(form.placeCode
          ? { placeCode: form.placeCode }
          : { location: point ?? undefined, positionApproximate: approximate }),
        cameraCount: Number(form.cameraCount),
        cameraType: form.cameraType,
        purpose: form.purpose,
        focusAreaCode: form.focusAreaCode || null,
        motivation: form.motivation,
        motivatingReportIds: cited,
        operatingHours: form.operatingHours,
        retentionDays: form.retentionDays === '' ? null : Number(form.retentionDays),
        responsibleName: form.responsibleName,
      },
      { onSuccess: (site) => void navigate(`/kameror/${site.id}`) },
    );
  }

  return (
    <section>
      <h1>{t('cameras.propose')}</h1>
      <form className="camera-form card" onSubmit={submit}>
        <label>
          {t('cameras.fields.name')}
          <input type="text" required {...text('name')} />
        </label>
        <label>
          {t('cameras.fields.place')}
          <select {...text('placeCode')}>
            <option value="">{t('cameras.fields.noPlace')}</option>
            {(places.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {!form.placeCode ? (
          <>
            <p className="muted">{t('cameras.fields.pickOnMap')}</p>
            {point ? (
              <p data-testid="picked-point">
                {t('cameras.fields.picked', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) })}
              </p>
            ) : null}
            <label className="inline">
              <input type="checkbox" checked={approximate} onChange={(e) => setApproximate(e.target.checked)} />
              {t('cameras.fields.positionApproximate')}
            </label>
          </>
        ) : null}
        <MapView label={t('cameras.fields.position')} height="300px" {...(form.placeCode ? {} : { onPick: setPoint })}>
          {shown ? (
            <CircleMarker
              center={[shown.lat, shown.lon]}
              radius={9}
              pathOptions={{ color: '#12355b', fillOpacity: 0.6 }}
            />
          ) : null}
        </MapView>
        <label>
          {t('cameras.fields.cameraCount')}
          <input type="number" min={0} {...text('cameraCount')} />
        </label>
        <label>
          {t('cameras.fields.cameraType')}
          <input type="text" {...text('cameraType')} />
        </label>
        <label>
          {t('cameras.fields.purpose')}
          <textarea rows={2} {...text('purpose')} />
        </label>
        <label>
          {t('cameras.fields.focusArea')}
          <select {...text('focusAreaCode')}>
            <option value="" />
            {(focusAreas.data ?? []).map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cameras.fields.motivation')}
          <textarea rows={3} {...text('motivation')} />
        </label>
        {cited.length > 0 ? (
          <p className="muted small" data-testid="cited-reports">
            {t('cameras.fields.citedReports', { count: cited.length })}
          </p>
        ) : null}
        <label>
          {t('cameras.fields.operatingHours')}
          <input type="text" {...text('operatingHours')} />
        </label>
        <label>
          {t('cameras.fields.retentionDays')}
          <input type="number" min={0} {...text('retentionDays')} />
        </label>
        <label>
          {t('cameras.fields.responsibleName')}
          <input type="text" {...text('responsibleName')} />
        </label>
        <ErrorAlert error={create.error} message={cameraError} />
        <button type="submit" disabled={create.isPending || (!form.placeCode && !point)}>
          {t('cameras.create')}
        </button>
      </form>
    </section>
  );
}
