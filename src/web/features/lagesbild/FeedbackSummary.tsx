import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeedbackView } from '../../../contracts/lagesbild.ts';
import { api } from '../../shared/api.ts';
import { weekNumber } from '../../../contracts/iso-week.ts';

/** Feedback on a page of reports in one request, by report id. */
export function useFeedbackOn(reportIds: string[]) {
  return useQuery({
    queryKey: ['lagesbild', 'feedback', 'many', reportIds],
    queryFn: async () => {
      const list = await api.get<FeedbackView[]>(`/api/reports/feedback?ids=${reportIds.join(',')}`);
      return new Map(list.map((f) => [f.reportId, f]));
    },
    enabled: reportIds.length > 0,
  });
}

/** The three steps of feedback on one report, as short ticked lines for a list. */
export function FeedbackSteps({ feedback }: { feedback: FeedbackView }) {
  const { t } = useTranslation();
  return (
    <ul className="feedback-compact" aria-label={t('lagesbild.feedback.title')}>
      <li className={feedback.reviewedAt ? 'done' : 'pending'}>
        {feedback.reviewedAt ? t('lagesbild.feedback.reviewedShort') : t('lagesbild.feedback.notReviewed')}
      </li>
      <li className={feedback.pictures.length ? 'done' : 'pending'}>
        {feedback.pictures.length === 0
          ? t('lagesbild.feedback.noPicture')
          : feedback.pictures.map((p, i) => (
              <span key={p.week}>
                {i === 0 ? `${t('lagesbild.feedback.inPicture')} ` : ', '}
                <Link to={`/lagesbild/${p.week}`}>{t('lagesbild.feedback.week', { week: weekNumber(p.week) })}</Link>
              </span>
            ))}
      </li>
      {feedback.actions.length === 0 ? (
        <li className="pending">{t('lagesbild.feedback.noAction')}</li>
      ) : (
        feedback.actions.map((a) => (
          <li key={a.id} className={a.status === 'done' ? 'done' : 'active'}>
            {t('lagesbild.feedback.action', {
              title: a.title,
              organisation: a.organisationName,
              status: t(`lagesbild.actions.statuses.${a.status}`),
            })}
            {a.outcomeNote ? `: ${a.outcomeNote}` : ''}
          </li>
        ))
      )}
    </ul>
  );
}

/** What the reporter's reports led to, in one sentence above her list. */
export function FeedbackTotals({ feedback }: { feedback: Map<string, FeedbackView> }) {
  const { t } = useTranslation();
  const all = [...feedback.values()];
  const inPictures = all.filter((f) => f.pictures.length > 0).length;
  const actions = new Set(all.flatMap((f) => f.actions.map((a) => a.id))).size;
  return (
    <p className="feedback-totals" role="status">
      {t('lagesbild.feedback.totals', { count: all.length, inPictures, actions })}
    </p>
  );
}
