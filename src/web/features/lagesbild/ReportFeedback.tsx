import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeedbackView } from '../../../contracts/lagesbild.ts';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { weekNumber } from '../../../contracts/iso-week.ts';

/**
 * Feedback (återkoppling) on one report: was it reviewed, which weekly pictures counted it, which
 * actions it led to and what became of them. For the report detail page.
 */
export function ReportFeedback({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const feedback = useQuery({
    queryKey: ['lagesbild', 'feedback', reportId],
    queryFn: () => api.get<FeedbackView>(`/api/reports/${reportId}/feedback`),
  });
  const f = feedback.data;
  if (!f) return null;
  return (
    <section className="card report-feedback" aria-labelledby={`feedback-${reportId}`}>
      <h2 id={`feedback-${reportId}`}>{t('lagesbild.feedback.title')}</h2>
      <ol className="feedback-steps">
        <li className={f.reviewedAt ? 'done' : ''}>
          {f.reviewedAt
            ? t('lagesbild.feedback.reviewed', { at: formatDateTime(f.reviewedAt) })
            : t('lagesbild.feedback.notReviewed')}
          {f.reviewNote ? <q> {f.reviewNote}</q> : null}
        </li>
        <li className={f.pictures.length ? 'done' : ''}>
          {f.pictures.length === 0
            ? t('lagesbild.feedback.noPicture')
            : f.pictures.map((p) => (
                <span key={p.week}>
                  {t('lagesbild.feedback.inPicture')}{' '}
                  <Link to={`/lagesbild/${p.week}`}>{t('lagesbild.title', { week: weekNumber(p.week) })}</Link>{' '}
                </span>
              ))}
        </li>
        <li className={f.actions.length ? 'done' : ''}>
          {f.actions.length === 0 ? (
            t('lagesbild.feedback.noAction')
          ) : (
            <ul>
              {f.actions.map((a) => (
                <li key={a.id}>
                  {t('lagesbild.feedback.action', {
                    title: a.title,
                    organisation: a.organisationName,
                    status: t(`lagesbild.actions.statuses.${a.status}`),
                  })}
                  {a.outcomeNote ? `: ${a.outcomeNote}` : ''}
                </li>
              ))}
            </ul>
          )}
        </li>
      </ol>
    </section>
  );
}
