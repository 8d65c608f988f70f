import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { formatDateTime } from '../../shared/format.ts';
import { FeedbackSteps, FeedbackTotals, useFeedbackOn } from '../lagesbild/FeedbackSummary.tsx';
import { StatusBadge } from './ReportTable.tsx';
import { useReports } from './useReports.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** Feedback to the reporter: what became of each of her reports. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const reports = useReports({ mine: true, limit: 200 });
  const feedback = useFeedbackOn((reports.data?.items ?? []).map((r) => r.id));
  return (
    <section>
      <h1>{t('mine.title')}</h1>
      <p className="muted">{t('mine.intro')}</p>
      <ErrorAlert error={reports.error} />
      {reports.data && reports.data.items.length === 0 ? <p className="muted">{t('reports.empty')}</p> : null}
      {feedback.data && feedback.data.size > 0 ? <FeedbackTotals feedback={feedback.data} /> : null}
      <ul className="feedback-list">
        {(reports.data?.items ?? []).map((r) => (
          <li key={r.id} className="card">
            <div className="row between">
              <Link to={`/rapporter/${r.id}`}>
                #{r.number} {r.categoryName}
              </Link>
              <StatusBadge status={r.status} />
            </div>
            <div className="muted small">
              {formatDateTime(r.occurredAt)} · {r.placeName ?? r.areaName}
            </div>
            {r.reviewNote ? (
              <p className="small">
                {t('detail.reviewedAt', { date: formatDateTime(r.reviewedAt ?? r.updatedAt) })}: {r.reviewNote}
              </p>
            ) : null}
            {feedback.data?.get(r.id) ? <FeedbackSteps feedback={feedback.data.get(r.id)!} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
