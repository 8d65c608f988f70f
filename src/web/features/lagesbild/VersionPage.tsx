import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LagesbildView } from '../../../contracts/lagesbild.ts';
import { api } from '../../shared/api.ts';

import { formatDateTime } from '../../shared/format.ts';
import { PictureBody } from './PictureBody.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** One published version, read-only, exactly as frozen. */
export function VersionPage() {
  const { t } = useTranslation();
  const { week = '', version = '' } = useParams();
  const picture = useQuery({
    queryKey: ['lagesbild', week, 'version', version],
    queryFn: () => api.get<LagesbildView>(`/api/lagesbild/${week}/versions/${version}`),
  });
  return (
    <section className="lagesbild">
      <p>
        <Link to={`/lagesbild/${week}`}>← {t('lagesbild.backToWeek', { week })}</Link>
      </p>
      <h1>{t('lagesbild.versionTitle', { week: Number(week.slice(6)), version })}</h1>
      <ErrorAlert error={picture.error} />
      {picture.data ? (
        <>
          <p className="status-line">
            {t('lagesbild.versionLine', {
              version: picture.data.version,
              at: formatDateTime(picture.data.publishedAt!),
              by: picture.data.publishedBy,
            })}
            {picture.data.reason ? ` – ${picture.data.reason}` : ''}{' '}
            <a href={`/api/lagesbild/${week}/pdf?version=${version}`} download>
              {t('lagesbild.pdf')}
            </a>
          </p>
          <PictureBody picture={picture.data} editable={false} />
        </>
      ) : null}
    </section>
  );
}
