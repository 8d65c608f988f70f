import { DateTime } from 'luxon';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cameraError,
  useInspections,
  useSiteMutation,
  type CameraSiteView,
  type InspectionView,
} from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

const today = () => DateTime.now().setZone('Europe/Stockholm').toISODate()!;

/** The periodic inspections (working, masking, signs) and faults of an installed site. */
export function InspectionLog({ site }: { site: CameraSiteView }) {
  const { t } = useTranslation();
  const log = useInspections(site.id);
  const [form, setForm] = useState({
    kind: 'inspection',
    occurredOn: today(),
    working: true,
    maskingCorrect: true,
    signsPresent: true,
    note: '',
  });
  const add = useSiteMutation<Record<string, unknown>, InspectionView>(
    'post',
    () => `/api/camera-sites/${site.id}/inspections`,
  );
  const resolve = useSiteMutation<{ entryId: string; resolvedOn: string }, InspectionView>(
    'post',
    (b) => `/api/camera-sites/${site.id}/inspections/${b.entryId}/resolve`,
  );
  const yesNo = (b: boolean | null) =>
    b === null ? '' : t(b ? 'cameras.inspections.ok' : 'cameras.inspections.notOk');

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = form.kind === 'inspection' ? form : { kind: 'fault', occurredOn: form.occurredOn, note: form.note };
    add.mutate(body, { onSuccess: () => setForm({ ...form, note: '' }) });
  }

  const check = (key: 'working' | 'maskingCorrect' | 'signsPresent') => (
    <label className="inline">
      <input type="checkbox" checked={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.checked })} />
      {t(`cameras.inspections.${key}`)}
    </label>
  );

  return (
    <section aria-labelledby="inspections-title" className="card">
      <h2 id="inspections-title">{t('cameras.inspections.title')}</h2>
      {log.data && log.data.length > 0 ? (
        <table className="camera-table">
          <thead>
            <tr>
              <th>{t('cameras.fields.date')}</th>
              <th>{t('cameras.inspections.newKind')}</th>
              <th>{t('cameras.inspections.working')}</th>
              <th>{t('cameras.inspections.maskingCorrect')}</th>
              <th>{t('cameras.inspections.signsPresent')}</th>
              <th>{t('cameras.inspections.note')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.map((e) => (
              <tr key={e.id}>
                <td>{e.occurredOn}</td>
                <td>{t(`cameras.inspections.kind.${e.kind}`)}</td>
                <td>{yesNo(e.working)}</td>
                <td>{yesNo(e.maskingCorrect)}</td>
                <td>{yesNo(e.signsPresent)}</td>
                <td>
                  {e.note} <span className="muted small">({e.recordedByName})</span>
                  {e.resolvedOn ? <> · {t('cameras.inspections.resolvedOnText', { date: e.resolvedOn })}</> : null}
                  {e.kind === 'fault' && !e.resolvedOn && site.can.manage ? (
                    <button
                      type="button"
                      disabled={resolve.isPending}
                      onClick={() => resolve.mutate({ entryId: e.id, resolvedOn: today() })}
                    >
                      {t('cameras.inspections.resolveToday')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('cameras.inspections.empty')}</p>
      )}
      <ErrorAlert error={resolve.error} message={cameraError} />
      {site.status !== 'installed' ? <p className="muted">{t('cameras.inspections.onlyInstalled')}</p> : null}
      {site.can.manage && site.status === 'installed' ? (
        <form className="camera-form" onSubmit={submit} aria-label={t('cameras.inspections.title')}>
          <label>
            {t('cameras.inspections.newKind')}
            <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              <option value="inspection">{t('cameras.inspections.kind.inspection')}</option>
              <option value="fault">{t('cameras.inspections.kind.fault')}</option>
            </select>
          </label>
          <label>
            {t('cameras.fields.date')}
            <input
              type="date"
              required
              value={form.occurredOn}
              onChange={(e) => setForm({ ...form, occurredOn: e.target.value })}
            />
          </label>
          {form.kind === 'inspection' ? (
            <>
              {check('working')}
              {check('maskingCorrect')}
              {check('signsPresent')}
            </>
          ) : null}
          <label>
            {t('cameras.inspections.note')}
            <textarea
              rows={2}
              required={form.kind === 'fault'}
              value={form.note}
              onChange={(e) => setForm({ ...form, note: e.target.value })}
            />
          </label>
          <ErrorAlert error={add.error} message={cameraError} />
          <button type="submit" disabled={add.isPending}>
            {t('cameras.inspections.log')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
