import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isCoordinator, useUser } from '../../app/session.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { CommitmentForm } from './CommitmentForm.tsx';
import { formatDate } from '../../shared/format.ts';
import { StatusBadge } from './ProgressSummary.tsx';
import { useAgreements, useCommitments, type AgreementView } from './usePromises.ts';

function Agreement({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const commitments = useCommitments({ agreementId: agreement.id });
  const user = useUser();
  const plans = user.role === 'admin' || (isCoordinator(user) && agreement.parties.some((p) => p.code === user.organisationCode));
  return (
    <article className="card" aria-labelledby={`a-${agreement.id}`}>
      <h2 id={`a-${agreement.id}`}>{agreement.title}</h2>
      <dl className="facts">
        <dt>{t('promises.period')}</dt>
        <dd>{formatDate(agreement.periodStart)} – {formatDate(agreement.periodEnd)}</dd>
        <dt>{t('promises.agreement.parties')}</dt>
        <dd>{agreement.parties.map((p) => p.name).join(', ')}</dd>
        <dt>{t('promises.agreement.focusAreas')}</dt>
        <dd>{agreement.focusAreas.map((f) => f.name).join(', ')}</dd>
        <dt>{t('promises.agreement.signatories')}</dt>
        <dd>{agreement.signatories.map((s) => `${s.title} (${agreement.parties.find((p) => p.code === s.organisationCode)?.name ?? s.organisationCode})`).join('; ')}</dd>
        <dt>{t('promises.agreement.documents')}</dt>
        <dd>
          {agreement.documents.map((d) => (
            <a key={d.url + d.title} href={d.url} rel="noreferrer" target="_blank" className="doc-link">{d.title}</a>
          ))}
        </dd>
      </dl>
      <h3>{t('promises.agreement.plans')}</h3>
      {agreement.plans.map((plan) => (
        <section key={plan.id} aria-label={plan.title}>
          <h4>{plan.title} <span className="muted small">{formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}</span></h4>
          <ul>
            {(commitments.data ?? []).filter((c) => c.planId === plan.id).map((c) => (
              <li key={c.id}>
                <Link to={`/loften/${c.id}`}>{c.title}</Link> <StatusBadge status={c.progress.status} />
                <span className="muted small"> · {c.owners.map((o) => o.name).join(', ')}{c.isPromise ? ` · ${t('promises.isPromise')}` : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {plans ? <CommitmentForm agreement={agreement} /> : null}
    </article>
  );
}

/** The collaboration agreements with their parties, signatories, documents and activity plans. */
export function AgreementPage() {
  const { t } = useTranslation();
  const agreements = useAgreements();
  return (
    <section>
      <p><Link to="/loften">← {t('promises.title')}</Link></p>
      <h1>{t('promises.agreement.title')}</h1>
      {agreements.isError ? <p role="alert" className="error">{errorMessage(agreements.error)}</p> : null}
      {(agreements.data ?? []).map((a) => <Agreement key={a.id} agreement={a} />)}
    </section>
  );
}
