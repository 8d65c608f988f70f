import { useTranslation } from 'react-i18next';
import { NearRepeatWarning } from '../analysis/NearRepeatWarning.tsx';
import { Link, Navigate, useParams } from 'react-router';
import { isCoordinator, useUser } from '../../app/session.tsx';

import { formatDate } from '../../shared/format.ts';
import { PictureBody } from './PictureBody.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { usePicture } from './useLagesbild.ts';
import { useMeetingMode } from './useMeetingMode.ts';
import { defaultWeek, shiftWeek, WEEK_PATTERN } from './week-nav.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/**
 * The meeting view. Coordinators work on the live draft (also after publishing, to prepare a
 * correction); everyone else sees the latest published version, or the draft before publication.
 */
export function LagesbildPage() {
  const { t } = useTranslation();
  const { week } = useParams();
  const user = useUser();
  const editable = isCoordinator(user);
  const meeting = useMeetingMode();
  // In the meeting the draft follows reports filed meanwhile.
  const picture = usePicture(week ?? '', editable, meeting.on ? 60_000 : undefined);
  if (!week || !WEEK_PATTERN.test(week)) return <Navigate to={`/lagesbild/${defaultWeek()}`} replace />;
  const data = picture.data;
  return (
    <section className="lagesbild">
      <nav className="week-nav" aria-label={t('lagesbild.weekNav')}>
        <Link to={`/lagesbild/${shiftWeek(week, -1)}`}>← {shiftWeek(week, -1)}</Link>
        <h1>
          {t('lagesbild.title', { week: Number(week.slice(6)) })}
          {data ? (
            <span className="muted week-dates">
              {' '}
              {formatDate(data.from)} – {formatDate(new Date(new Date(data.to).getTime() - 1).toISOString())}
            </span>
          ) : null}
        </h1>
        <Link to={`/lagesbild/${shiftWeek(week, 1)}`}>{shiftWeek(week, 1)} →</Link>
        <Link to="/lagesbild/historik" className="history-link">
          {t('lagesbild.history')}
        </Link>
        <button type="button" className="meeting-toggle" aria-pressed={meeting.on} onClick={meeting.toggle}>
          {t(meeting.on ? 'lagesbild.meetingModeLeave' : 'lagesbild.meetingMode')}
        </button>
      </nav>
      <ErrorAlert error={picture.error} />
      {data ? (
        <>
          <p className="status-line">
            <span className={`badge status-${data.status}`}>{t(`lagesbild.status.${data.status}`)}</span>
            {data.status === 'published' ? ` ${t('lagesbild.publishedVersion', { version: data.version })}` : ''}
            {data.audience === 'partnership' || data.audience === 'personal' ? (
              <span className="muted small"> {t(`lagesbild.audience.${data.audience}`)}</span>
            ) : null}
          </p>
          <NearRepeatWarning categoryCodes={['inbrott-stold']} until={data.to} />
          <PictureBody picture={data} editable={editable} />
          <PublishPanel week={week} picture={data} editable={editable} />
        </>
      ) : picture.isPending ? (
        <p>{t('common.loading')}</p>
      ) : null}
    </section>
  );
}
