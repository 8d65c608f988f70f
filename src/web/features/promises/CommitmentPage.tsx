import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../shared/errors.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { CommitmentForm } from './CommitmentForm.tsx';
import { LogForm } from './LogForm.tsx';
import { ProgressSummary } from './ProgressSummary.tsx';
import { useActivities, useAgreements, useCommitment, useWithdrawActivity, type ActivityView } from './usePromises.ts';

function WithdrawButton({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawActivity(activity.id);
  return (
    <>
      <button
        type="button"
        className="link"
        disabled={withdraw.isPending}
        onClick={() => window.confirm(t('promises.withdrawConfirm')) && withdraw.mutate(undefined)}
      >
        {t('promises.withdraw')}
      </button>
      {withdraw.isError ? (
        <span role="alert" className="field-error">
          {' '}
          {errorMessage(withdraw.error)}
        </span>
      ) : null}
    </>
  );
}

export function CommitmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const commitment = useCommitment(id);
  const activities = useActivities(id);
  const agreements = useAgreements();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (commitment.isError)
    return (
      <p role="alert" className="error">
        {errorMessage(commitment.error)}
      </p>
    );
  const c = commitment.data;
  if (!c) return <p className="muted">{t('promises.loading')}</p>;
  const agreement = agreements.data?.find((a) => a.id === c.agreementId);
  return (
    <section className="promise-page">
      <p>
        <Link to="/loften">← {t('promises.title')}</Link>
      </p>
      <div className="row between">
        <h1>
          {c.title}
          {c.isPromise ? <span className="badge">{t('promises.isPromise')}</span> : null}
        </h1>
        {c.canEdit && agreement ? (
          <button
            type="button"
            aria-expanded={editing}
            onClick={() => {
              setSaved(false);
              setEditing((e) => !e);
            }}
          >
            {t('promises.create.edit')}
          </button>
        ) : null}
      </div>
      {editing && agreement ? (
        <CommitmentForm
          agreement={agreement}
          commitment={c}
          onDone={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : null}
      {saved ? (
        <p role="status" className="success">
          {t('promises.create.changed')}
        </p>
      ) : null}
      {c.description ? <p className="description">{c.description}</p> : null}
      <dl className="facts promise-facts">
        <dt>{t('promises.owners')}</dt>
        <dd>{c.owners.map((o) => o.name).join(', ')}</dd>
        <dt>{t('promises.period')}</dt>
        <dd>
          {formatDate(c.periodStart)} – {formatDate(c.periodEnd)}
        </dd>
        <dt>{t('promises.target')}</dt>
        <dd data-testid="target">
          {t(`promises.targetKind.${c.target.kind}`, { count: c.target.count, what: c.activityLabel })}
        </dd>
        {agreement ? (
          <>
            <dt>{t('promises.agreementLabel')}</dt>
            <dd>
              <Link to="/loften/overenskommelse">{agreement.title}</Link>
              {c.planId ? ` · ${agreement.plans.find((p) => p.id === c.planId)?.title ?? ''}` : ''}
            </dd>
          </>
        ) : null}
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
              <td className="small">
                {a.organisationName}
                <br />
                {formatDateTime(a.createdAt)}
              </td>
              <td>
                {[
                  a.participants ? t('promises.people', { count: a.participants }) : '',
                  a.durationMinutes ? `${a.durationMinutes} min` : '',
                  a.evidence ?? '',
                  a.note,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {a.canWithdraw ? (
                  <>
                    {' '}
                    <WithdrawButton activity={a} />
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
