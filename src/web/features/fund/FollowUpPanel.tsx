import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView, FollowUpView } from '../../../contracts/fund.ts';
import { formatOre, parseKronor } from '../../../contracts/fund-money.ts';
import { api } from '../../shared/api.ts';
import { fundErrorMessage, useApplicationAction } from './useFund.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

function ReportForm({ application, followUp }: { application: ApplicationView; followUp: FollowUpView }) {
  const { t } = useTranslation();
  const [spent, setSpent] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const report = useApplicationAction((body: unknown) =>
    api.post<ApplicationView>(`/api/fund/applications/${application.id}/follow-ups/${followUp.id}`, body),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({
      spentOre: parseKronor(spent),
      indicatorResults: application.indicators
        .filter((i) => values[i]?.trim())
        .map((i) => ({ indicator: i, value: values[i]!.trim() })),
      comment,
    });
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('fund.followUp.due', { date: followUp.dueOn })}>
      <label>
        {t('fund.followUp.spent')}
        <input inputMode="decimal" value={spent} onChange={(e) => setSpent(e.target.value)} required />
      </label>
      {application.indicators.map((i) => (
        <label key={i}>
          {t('fund.followUp.indicatorValue', { indicator: i })}
          <input value={values[i] ?? ''} onChange={(e) => setValues({ ...values, [i]: e.target.value })} />
        </label>
      ))}
      <label>
        {t('fund.followUp.comment')}
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
      </label>
      <ErrorAlert error={report.error} message={fundErrorMessage} />
      <button type="submit" className="primary" disabled={report.isPending}>
        {t('fund.followUp.report')}
      </button>
    </form>
  );
}

function PaymentForm({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const pay = useApplicationAction((body: unknown) =>
    api.post<ApplicationView>(`/api/fund/applications/${application.id}/payments`, body),
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        pay.mutate({ amountOre: parseKronor(amount), paidOn });
      }}
      aria-label={t('fund.payment.title')}
    >
      <h3>{t('fund.payment.title')}</h3>
      <p className="muted small">{t('fund.payment.paidSoFar', { amount: formatOre(application.paidOre) })}</p>
      <div className="row">
        <label>
          {t('fund.payment.amount')}
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        </label>
        <label>
          {t('fund.payment.paidOn')}
          <input type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} required />
        </label>
      </div>
      <ErrorAlert error={pay.error} message={fundErrorMessage} />
      <button type="submit" disabled={pay.isPending}>
        {t('fund.payment.record')}
      </button>
    </form>
  );
}

/** Follow-up reports on the dates set in the decision; overdue ones stand out. Payments for the fund managers. */
export function FollowUpPanel({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  if (application.status !== 'granted') return null;
  return (
    <div className="card" data-testid="fund-follow-ups">
      <h2>{t('fund.followUp.title')}</h2>
      <ul className="fund-results">
        {application.followUps.map((f) => (
          <li key={f.id}>
            {t('fund.followUp.due', { date: f.dueOn })}{' '}
            {f.reportedAt ? (
              <span className="badge status-granted">{t('fund.followUp.reported')}</span>
            ) : f.overdue ? (
              <span className="badge fund-overdue">{t('fund.followUp.overdue')}</span>
            ) : null}
            {f.reportedAt ? (
              <div className="small">
                {t('fund.followUp.spent')}: {f.spentOre === null ? '–' : formatOre(f.spentOre)}
                {f.indicatorResults.map((r) => (
                  <div key={r.indicator}>
                    {r.indicator}: {r.value}
                  </div>
                ))}
                {f.comment ? <div className="muted">{f.comment}</div> : null}
              </div>
            ) : application.can.reportFollowUp ? (
              <ReportForm application={application} followUp={f} />
            ) : null}
          </li>
        ))}
      </ul>
      {application.can.pay ? <PaymentForm application={application} /> : null}
    </div>
  );
}
