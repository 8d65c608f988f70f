import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/errors.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { LogForm } from './LogForm.tsx';
import { ProgressSummary } from './ProgressSummary.tsx';
import { useActivities, useCommitment, usePromiseMutation, type ActivityView } from './usePromises.ts';

function WithdrawButton({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const withdraw = usePromiseMutation(() => api.post(`/api/commitment-activities/${activity.id}/withdraw`));
  return (
    <>
      <button type="button" className="link" disabled={withdraw.isPending} onClick={() => window.confirm(t('promises.withdrawConfirm')) && withdraw.mutate(undefined)}>
        {t('promises.withdraw')}
      </button>
      {withdraw.isError ? <span role="alert" className="field-error"> {errorMessage(withdraw.error)}</span> : null}
    </>
  );
}

export function CommitmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const commitment = useCommitment(id);
  const activities = useActivities(id);
  if (commitment.isError) return <p role="alert" className="error">{errorMessage(commitment.error)}</p>;
  const c = commitment.data;
  if (!c) return <p className="muted">{t('promises.loading')}</p>;
  return (
    <section>
      <p><Link to="/loften">← {t('promises.title')}</Link></p>
      <h1>{c.title}</h1>
      <p>{c.description}</p>
      <dl className="facts">
        <dt>{t('promises.owners')}</dt>
        <dd>{c.owners.map((o) => o.name).join(', ')}</dd>
        <dt>{t('promises.period')}</dt>
        <dd>{formatDate(c.periodStart)} – {formatDate(c.periodEnd)}</dd>
        <dt>{t('promises.target')}</dt>
        <dd>{t(`promises.targetKind.${c.target.kind}`, { count: c.target.count, what: c.activityLabel })}</dd>
      </dl>
      <div className="card">
        <h2>{t('promises.progressTitle')}</h2>
        <ProgressSummary commitment={c} detailed />
      </div>
      {c.canLog ? <LogForm commitment={c} /> : <p className="muted">{t('promises.cannotLog')}</p>}
      <h2>{t('promises.activities')}</h2>
      {activities.data?.length === 0 ? <p className="muted">{t('promises.noActivities')}</p> : null}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('promises.log.date')}</th>
            <th scope="col">{t('promises.log.place')}</th>
            <th scope="col">{t('promises.loggedBy')}</th>
            <th scope="col">{t('promises.log.note')}</th>
          </tr>
        </thead>
        <tbody>
          {(activities.data ?? []).map((a) => (
            <tr key={a.id}>
              <td>{formatDate(a.occurredOn)}</td>
              <td>{a.placeName ?? '–'}</td>
              <td className="small">{a.organisationName}<br />{formatDateTime(a.createdAt)}</td>
              <td>
                {[a.participants ? t('promises.people', { count: a.participants }) : '', a.durationMinutes ? `${a.durationMinutes} min` : '', a.evidence ?? '', a.note].filter(Boolean).join(' · ')}
                {a.canWithdraw ? <> <WithdrawButton activity={a} /></> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
