import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, fromLocalInput } from '../../shared/format.ts';
import {
  cameraError,
  useDisclosures,
  useSiteMutation,
  type CameraSiteView,
  type DisclosureView,
} from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/**
 * The footage disclosure log, for those allowed to see it. It is loaded only when asked for,
 * because every view is audited.
 */
export function DisclosureLog({ site }: { site: CameraSiteView }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const log = useDisclosures(site.id, shown);
  const [form, setForm] = useState({
    recipient: 'Polismyndigheten',
    caseReference: '',
    recordingFrom: '',
    recordingTo: '',
    releasedAt: '',
    releasedByName: '',
  });
  const add = useSiteMutation<Record<string, unknown>, DisclosureView>(
    'post',
    () => `/api/camera-sites/${site.id}/disclosures`,
  );
  const field = (key: keyof typeof form, type = 'text') => (
    <label key={key}>
      {t(`cameras.disclosures.${key}`)}
      <input type={type} required value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      {
        ...form,
        recordingFrom: fromLocalInput(form.recordingFrom),
        recordingTo: fromLocalInput(form.recordingTo),
        releasedAt: fromLocalInput(form.releasedAt),
      },
      {
        onSuccess: () => {
          setShown(true);
          void log.refetch();
        },
      },
    );
  }

  return (
    <section aria-labelledby="disclosures-title" className="card">
      <h2 id="disclosures-title">{t('cameras.disclosures.title')}</h2>
      <p className="muted small">{t('cameras.disclosures.hint')}</p>
      {!shown ? (
        <button type="button" onClick={() => setShown(true)}>
          {t('cameras.disclosures.show')}
        </button>
      ) : null}
      <ErrorAlert error={log.error} message={cameraError} />
      {log.data ? (
        log.data.length === 0 ? (
          <p className="muted">{t('cameras.disclosures.empty')}</p>
        ) : (
          <table className="camera-table">
            <thead>
              <tr>
                <th>{t('cameras.disclosures.releasedAt')}</th>
                <th>{t('cameras.disclosures.recipient')}</th>
                <th>{t('cameras.disclosures.caseReference')}</th>
                <th>{t('cameras.disclosures.recordingFrom')}</th>
                <th>{t('cameras.disclosures.recordingTo')}</th>
                <th>{t('cameras.disclosures.releasedByName')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.releasedAt)}</td>
                  <td>{d.recipient}</td>
                  <td>{d.caseReference}</td>
                  <td>{formatDateTime(d.recordingFrom)}</td>
                  <td>{formatDateTime(d.recordingTo)}</td>
                  <td>{d.releasedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <form className="camera-form" onSubmit={submit} aria-label={t('cameras.disclosures.log')}>
        {field('recipient')}
        {field('caseReference')}
        {field('recordingFrom', 'datetime-local')}
        {field('recordingTo', 'datetime-local')}
        {field('releasedAt', 'datetime-local')}
        {field('releasedByName')}
        <ErrorAlert error={add.error} message={cameraError} />
        <button type="submit" disabled={add.isPending}>
          {t('cameras.disclosures.log')}
        </button>
      </form>
    </section>
  );
}
