import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView, ReviewView } from '../../../contracts/fund.ts';
import { formatOre, parseKronor } from '../../../contracts/fund-money.ts';
import { meanScore, REVIEW_CRITERIA } from '../../../contracts/fund-workflow.ts';
import { api } from '../../shared/api.ts';
import { fundErrorMessage, useApplicationAction, useReviewerCandidates } from './useFund.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

function MyReview({ application, review }: { application: ApplicationView; review: ReviewView }) {
  const { t } = useTranslation();
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(review.scores).map(([k, v]) => [k, String(v)])),
  );
  const [feasible, setFeasible] = useState<boolean | null>(review.feasible);
  const [reason, setReason] = useState(review.reason ?? '');
  const [recommended, setRecommended] = useState(
    review.recommendedOre === null ? '' : String(review.recommendedOre / 100).replace('.', ','),
  );
  const save = useApplicationAction((complete: boolean) =>
    api.put<ApplicationView>(`/api/fund/applications/${application.id}/review`, {
      scores: Object.fromEntries(
        Object.entries(scores)
          .filter(([, v]) => v !== '')
          .map(([k, v]) => [k, Number(v)]),
      ),
      feasible,
      reason: reason.trim() || null,
      recommendedOre: recommended.trim() ? parseKronor(recommended) : null,
      complete,
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(true);
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('fund.review.mine')}>
      <h3>{t('fund.review.mine')}</h3>
      <div className="row">
        {REVIEW_CRITERIA.map((c) => (
          <label key={c}>
            {t('fund.review.score', { criterion: t(`fund.review.criteria.${c}`) })}
            <select value={scores[c] ?? ''} onChange={(e) => setScores({ ...scores, [c]: e.target.value })}>
              <option value="">–</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <fieldset>
        <legend>{t('fund.review.feasible')}</legend>
        <div className="choices">
          <label className="choice">
            <input type="radio" name="feasible" checked={feasible === true} onChange={() => setFeasible(true)} />
            {t('fund.review.feasibleYes')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="feasible"
              checked={feasible === false}
              onChange={() => {
                setFeasible(false);
                setRecommended('0');
              }}
            />
            {t('fund.review.feasibleNo')}
          </label>
        </div>
      </fieldset>
      <label>
        {t('fund.review.reason')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      </label>
      <label>
        {t('fund.review.recommended')}
        <input inputMode="decimal" value={recommended} onChange={(e) => setRecommended(e.target.value)} />
      </label>
      <ErrorAlert error={save.error} message={fundErrorMessage} />
      <button type="button" disabled={save.isPending} onClick={() => save.mutate(false)}>
        {t('fund.review.saveDraft')}
      </button>
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('fund.review.complete')}
      </button>
    </form>
  );
}

function AssignReviewer({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const candidates = useReviewerCandidates(true);
  const [reviewerId, setReviewerId] = useState('');
  const assign = useApplicationAction((id: string) =>
    api.post<ApplicationView>(`/api/fund/applications/${application.id}/reviewers`, { reviewerId: id }),
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (reviewerId) assign.mutate(reviewerId);
      }}
    >
      <label>
        {t('fund.review.reviewer')}
        <select value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
          <option value="">–</option>
          {(candidates.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.organisationName})
            </option>
          ))}
        </select>
      </label>
      <ErrorAlert error={assign.error} message={fundErrorMessage} />
      <button type="submit" disabled={!reviewerId || assign.isPending}>
        {t('fund.review.assignButton')}
      </button>
    </form>
  );
}

/** Reviewers, their scores against the stated criteria, and the viewer's own review form. */
export function ReviewPanel({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const mine = application.reviews.find((r) => r.mine);
  if (!application.can.assign && application.reviews.length === 0) return null;
  return (
    <div className="card" data-testid="fund-review-panel">
      <h2>{t('fund.review.title')}</h2>
      {application.reviews.length === 0 ? (
        <p className="muted">{t('fund.review.none')}</p>
      ) : (
        <div className="fund-scroll">
          <table className="fund-table">
            <thead>
              <tr>
                <th scope="col">{t('fund.review.reviewer')}</th>
                {REVIEW_CRITERIA.map((c) => (
                  <th key={c} scope="col" className="num" title={t(`fund.review.criteria.${c}`)}>
                    {t(`fund.review.criteriaShort.${c}`)}
                  </th>
                ))}
                <th scope="col">{t('fund.review.feasible')}</th>
                <th scope="col" className="num">
                  {t('fund.review.recommended')}
                </th>
                <th scope="col">{t('fund.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {application.reviews.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.reviewerName}</th>
                  {REVIEW_CRITERIA.map((c) => (
                    <td key={c} className="num">
                      {r.scores[c] ?? '–'}
                    </td>
                  ))}
                  <td>
                    {r.feasible === null
                      ? '–'
                      : r.feasible
                        ? t('fund.review.feasibleYes')
                        : `${t('fund.review.feasibleNo')}: ${r.reason ?? ''}`}
                  </td>
                  <td className="num">{r.recommendedOre === null ? '–' : formatOre(r.recommendedOre)}</td>
                  <td>{r.completedAt ? t('fund.review.done') : t('fund.review.pending')}</td>
                </tr>
              ))}
            </tbody>
            {application.reviews.length > 1 ? (
              <tfoot>
                <tr>
                  <th scope="row">{t('fund.review.mean')}</th>
                  {REVIEW_CRITERIA.map((c) => (
                    <td key={c} className="num">
                      {meanScore(application.reviews, c)?.toLocaleString('sv-SE') ?? '–'}
                    </td>
                  ))}
                  <td colSpan={3} />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      )}
      {application.can.assign ? <AssignReviewer application={application} /> : null}
      {mine && application.can.review ? <MyReview key={mine.id} application={application} review={mine} /> : null}
    </div>
  );
}
