import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker } from 'react-leaflet';
import { Link, useParams } from 'react-router';
import type { ReportView } from '../../../contracts/reports.ts';
import { isCoordinator, useUser } from '../../app/session.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { MapView } from '../../shared/MapView.tsx';
import { ReportTable, StatusBadge } from './ReportTable.tsx';
import { ReportFeedback } from '../lagesbild/ReportFeedback.tsx';
import { CreateActionFromReport } from '../actions/CreateActionFromReport.tsx';
import { useCorrectReport, useLikelyDuplicates, useReport, useReviewReport, useWithdrawReport } from './useReports.ts';

export function ReportDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const report = useReport(id);
  if (report.isError)
    return (
      <p role="alert" className="error">
        {errorMessage(report.error)}
      </p>
    );
  if (!report.data) return <p>{t('common.loading')}</p>;
  const r = report.data;
  return (
    <article className="report-detail">
      <p>
        <Link to="/rapporter">← {t('detail.back')}</Link>
      </p>
      <h1>
        #{r.number} {r.categoryName} <StatusBadge status={r.status} />
      </h1>
      <dl className="facts">
        <dt>{t('reports.occurred')}</dt>
        <dd>
          {formatDateTime(r.occurredAt)}
          {r.occurredUntil ? ` – ${formatDateTime(r.occurredUntil)}` : ''}
        </dd>
        <dt>{t('detail.area')}</dt>
        <dd>{r.areaName}</dd>
        {r.placeName ? (
          <>
            <dt>{t('detail.place')}</dt>
            <dd>{r.placeName}</dd>
          </>
        ) : null}
        <dt>{t('report.target')}</dt>
        <dd>{t(`report.targets.${r.target}`)}</dd>
        <dt>{t('report.severity')}</dt>
        <dd>{t(`report.severities.${r.severity}`)}</dd>
        <dt>{t('report.visibility')}</dt>
        <dd>{t(`report.visibilities.${r.visibility}`)}</dd>
        <dt>{t('reports.reportedBy')}</dt>
        <dd>
          {r.authorName}, {r.organisationName}
        </dd>
      </dl>
      <p className="description">{r.description}</p>
      <MapView label={`${r.categoryName}, ${r.areaName}`} height="260px" highlightArea={r.areaCode}>
        <CircleMarker
          center={[r.location.lat, r.location.lon]}
          radius={9}
          pathOptions={{ color: '#b3261e', fillOpacity: 0.8 }}
        />
      </MapView>

      <section aria-labelledby="feedback-title">
        <h2 id="feedback-title">{t('detail.feedback')}</h2>
        {r.reviewedAt ? (
          <p>{t('detail.reviewedAt', { date: formatDateTime(r.reviewedAt) })}</p>
        ) : (
          <p className="muted">{t('detail.notReviewed')}</p>
        )}
        {r.reviewNote ? <blockquote data-testid="review-note">{r.reviewNote}</blockquote> : null}
      </section>
      <ReportFeedback reportId={r.id} />
      {isCoordinator(user) && r.status !== 'withdrawn' ? <CreateActionFromReport reportId={r.id} /> : null}

      {r.mine && r.status === 'new' ? (
        <AuthorActions report={r} />
      ) : r.mine && r.status !== 'withdrawn' ? (
        <p className="muted">{t('detail.lockedHint')}</p>
      ) : null}
      {isCoordinator(user) && r.status !== 'withdrawn' ? <ReviewPanel report={r} /> : null}
      {isCoordinator(user) ? <Duplicates id={r.id} /> : null}
    </article>
  );
}

function AuthorActions({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [description, setDescription] = useState(report.description);
  const save = useCorrectReport(report.id);
  const withdraw = useWithdrawReport(report.id);
  const error = save.error ?? withdraw.error;
  return (
    <section className="actions">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ description }, { onSuccess: () => setEditing(false) });
          }}
        >
          <label>
            {t('report.description')}
            <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <button type="submit" className="primary">
            {t('detail.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('detail.cancel')}
          </button>
        </form>
      ) : (
        <>
          <button type="button" onClick={() => setEditing(true)}>
            {t('detail.correct')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => window.confirm(t('detail.withdrawConfirm')) && withdraw.mutate(undefined)}
          >
            {t('detail.withdraw')}
          </button>
        </>
      )}
      {error ? (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      ) : null}
    </section>
  );
}

function ReviewPanel({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(report.reviewNote ?? '');
  const move = useReviewReport(report.id);
  const act = (status: 'reviewed' | 'closed') => move.mutate({ status, ...(note ? { note } : {}) });
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t('detail.review')}</h2>
      <label>
        {t('detail.note')}
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {report.status === 'new' ? (
        <button type="button" className="primary" onClick={() => act('reviewed')}>
          {t('detail.markReviewed')}
        </button>
      ) : null}
      {report.status !== 'closed' ? (
        <button type="button" onClick={() => act('closed')}>
          {t('detail.close')}
        </button>
      ) : null}
      {report.status === 'closed' ? (
        <button type="button" onClick={() => act('reviewed')}>
          {t('detail.reopen')}
        </button>
      ) : null}
      {move.error ? (
        <p role="alert" className="error">
          {errorMessage(move.error)}
        </p>
      ) : null}
    </section>
  );
}

function Duplicates({ id }: { id: string }) {
  const { t } = useTranslation();
  const duplicates = useLikelyDuplicates(id);
  return (
    <section aria-labelledby="dup-title">
      <h2 id="dup-title">{t('detail.duplicates')}</h2>
      {duplicates.data && duplicates.data.length === 0 ? <p className="muted">{t('detail.noDuplicates')}</p> : null}
      {duplicates.data && duplicates.data.length > 0 ? <ReportTable items={duplicates.data} /> : null}
    </section>
  );
}
