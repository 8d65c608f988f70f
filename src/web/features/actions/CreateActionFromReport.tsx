import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { defaultWeek } from '../lagesbild/week-nav.ts';

/** The query parameter the meeting's new-action form reads to prelink a report. */
export const PRELINK_PARAM = 'rapport';

/**
 * For coordinators on a report's page: opens this week's meeting with the report linked to a
 * new action (the form reads `?rapport=<id>`).
 */
export function CreateActionFromReport({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  return (
    <p className="create-action-from-report">
      <Link className="button-link" to={`/lagesbild/${defaultWeek()}?${PRELINK_PARAM}=${encodeURIComponent(reportId)}`}>
        {t('actions.fromReport')}
      </Link>{' '}
      <span className="muted small">{t('actions.fromReportHint')}</span>
    </p>
  );
}
