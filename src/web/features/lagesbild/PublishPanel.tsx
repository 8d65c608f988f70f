import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LagesbildView } from '../../../contracts/lagesbild.ts';

import { formatDateTime } from '../../shared/format.ts';
import { usePublish, useVersions } from './useLagesbild.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** Status of the week, its versions (each readable and downloadable) and, for coordinators, publishing. */
export function PublishPanel({ week, picture, editable }: { week: string; picture: LagesbildView; editable: boolean }) {
  const { t } = useTranslation();
  const versions = useVersions(week);
  const publish = usePublish(week);
  const [reason, setReason] = useState('');
  const published = versions.data ?? [];
  const needsReason = published.length > 0;
  return (
    <section className="card publish-panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('lagesbild.publishing')}</h2>
      {published.length === 0 ? (
        <p data-testid="picture-status">{t('lagesbild.notPublished')}</p>
      ) : (
        <ul className="versions" data-testid="picture-status">
          {published.map((v) => (
            <li key={v.version}>
              {t('lagesbild.versionLine', { version: v.version, at: formatDateTime(v.publishedAt), by: v.publishedBy })}
              {v.reason ? ` – ${v.reason}` : ''}{' '}
              <Link to={`/lagesbild/${week}/version/${v.version}`}>{t('lagesbild.read')}</Link>
              {' · '}
              <a href={`/api/lagesbild/${week}/pdf?version=${v.version}`} download>
                {t('lagesbild.pdf')}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/lagesbild/${week}/utskrift`}>{t('lagesbild.print')}</Link>
      </p>
      {editable ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            publish.mutate(needsReason ? reason : undefined, { onSuccess: () => setReason('') });
          }}
        >
          {needsReason ? (
            <label>
              {t('lagesbild.reason')}
              <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
            </label>
          ) : null}
          <button type="submit" className="primary" disabled={publish.isPending}>
            {needsReason ? t('lagesbild.republish', { version: picture.version }) : t('lagesbild.publish')}
          </button>
          {publish.isSuccess ? (
            <p role="status" className="success">
              {t('lagesbild.publishedNow', { version: publish.data.version })}
            </p>
          ) : null}
          <ErrorAlert error={publish.error} />
        </form>
      ) : null}
    </section>
  );
}
