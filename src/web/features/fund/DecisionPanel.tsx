import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView, PotContractView } from '../../../contracts/fund.ts';
import { formatOre, parseKronor } from '../../../contracts/fund-money.ts';
import { api } from '../../shared/api.ts';
import { fundErrorMessage, useApplicationAction } from './useFund.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

function DecisionForm({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const pots = useQuery({
    queryKey: ['fund', 'pots', application.year],
    queryFn: () => api.get<PotContractView[]>(`/api/fund/pots?year=${application.year}`),
  });
  const recommended = application.reviews.map((r) => r.recommendedOre ?? 0);
  const [outcome, setOutcome] = useState<'granted' | 'rejected'>('granted');
  const [potId, setPotId] = useState('');
  const [amount, setAmount] = useState(
    recommended.length ? String(Math.min(...recommended) / 100).replace('.', ',') : '',
  );
  const [decidedOn, setDecidedOn] = useState('');
  const [decidingBody, setDecidingBody] = useState('');
  const [referenceNumber, setReferenceNumber] = useState('');
  const [reason, setReason] = useState('');
  const [followUps, setFollowUps] = useState('');
  const decide = useApplicationAction((body: unknown) =>
    api.post<ApplicationView>(`/api/fund/applications/${application.id}/decision`, body),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const common = { decidedOn, decidingBody, referenceNumber };
    decide.mutate(
      outcome === 'granted'
        ? {
            outcome,
            ...common,
            potId,
            grantedOre: parseKronor(amount),
            followUpDates: followUps.split(/\s+/).filter(Boolean),
          }
        : { outcome, ...common, reason },
    );
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('fund.decision.title')}>
      <fieldset>
        <legend>{t('fund.decision.outcome')}</legend>
        <div className="choices">
          <label className="choice">
            <input type="radio" name="outcome" checked={outcome === 'granted'} onChange={() => setOutcome('granted')} />
            {t('fund.decision.grant')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="outcome"
              checked={outcome === 'rejected'}
              onChange={() => setOutcome('rejected')}
            />
            {t('fund.decision.reject')}
          </label>
        </div>
      </fieldset>
      {outcome === 'granted' ? (
        <>
          <label>
            {t('fund.decision.pot')}
            <select value={potId} onChange={(e) => setPotId(e.target.value)} required>
              <option value="">–</option>
              {(pots.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({t('fund.remaining').toLowerCase()} {formatOre(p.remainingOre)})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('fund.decision.grantedAmount')}
            <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
          </label>
          <label>
            {t('fund.decision.followUpDates')}
            <textarea value={followUps} onChange={(e) => setFollowUps(e.target.value)} rows={2} required />
          </label>
        </>
      ) : (
        <label>
          {t('fund.decision.reason')}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
        </label>
      )}
      <div className="row">
        <label>
          {t('fund.decision.decidedOn')}
          <input type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} required />
        </label>
        <label>
          {t('fund.decision.decidingBody')}
          <input value={decidingBody} onChange={(e) => setDecidingBody(e.target.value)} required />
        </label>
        <label>
          {t('fund.decision.referenceNumber')}
          <input value={referenceNumber} onChange={(e) => setReferenceNumber(e.target.value)} required />
        </label>
      </div>
      <ErrorAlert error={decide.error} message={fundErrorMessage} />
      <button type="submit" className="primary" disabled={decide.isPending}>
        {t('fund.decision.record')}
      </button>
    </form>
  );
}

/** The decision once made (shown to the applicant too), or the decision form for the fund managers. */
export function DecisionPanel({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const d = application.decision;
  if (d) {
    return (
      <div className="card" data-testid="fund-decision">
        <h2>{t('fund.decision.title')}</h2>
        <p>
          <strong>
            {d.outcome === 'granted'
              ? t('fund.decision.grantedText', { amount: formatOre(d.grantedOre), pot: d.potName ?? '' })
              : t('fund.decision.rejectedText')}
          </strong>
        </p>
        <dl className="facts">
          <dt>{t('fund.decision.decidedOn')}</dt>
          <dd>{d.decidedOn}</dd>
          <dt>{t('fund.decision.decidingBody')}</dt>
          <dd>{d.decidingBody}</dd>
          <dt>{t('fund.decision.referenceNumber')}</dt>
          <dd>{d.referenceNumber}</dd>
          {d.reason ? (
            <>
              <dt>{t('fund.decision.reason')}</dt>
              <dd>{d.reason}</dd>
            </>
          ) : null}
        </dl>
      </div>
    );
  }
  if (application.can.decide)
    return (
      <div className="card">
        <h2>{t('fund.decision.title')}</h2>
        <DecisionForm application={application} />
      </div>
    );
  if (application.can.assign) return <p className="muted">{t('fund.decision.needsReview')}</p>;
  return null;
}
