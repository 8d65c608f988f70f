import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isCoordinator, useUser } from '../../app/session.tsx';

import { formatDate } from '../../shared/format.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { CommitmentForm } from './CommitmentForm.tsx';
import { PlanForm } from './PlanForm.tsx';
import { StatusBadge } from './ProgressSummary.tsx';
import { useAgreements, useCommitments, type AgreementView, type CommitmentView } from './usePromises.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** A button that opens and closes the form below it. */
function Toggle({ open, onClick, label }: { open: boolean; onClick: () => void; label: string }) {
  return (
    <button type="button" aria-expanded={open} onClick={onClick}>
      {label}
    </button>
  );
}

function CommitmentList({ items }: { items: CommitmentView[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {items.map((c) => (
        <li key={c.id}>
          <Link to={`/loften/${c.id}`}>{c.title}</Link> <StatusBadge status={c.progress.status} />
          <span className="muted small">
            {' '}
            · {c.owners.map((o) => o.name).join(', ')}
            {c.isPromise ? ` · ${t('promises.isPromise')}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

type Open = { kind: 'agreement' } | { kind: 'new-plan' } | { kind: 'plan'; id: string } | { kind: 'commitment' } | null;

function Agreement({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const commitments = useCommitments({ agreementId: agreement.id });
  const [open, setOpen] = useState<Open>(null);
  const [saved, setSaved] = useState<{ text: string; link?: string } | null>(null);
  const toggle = (next: NonNullable<Open>) => {
    setSaved(null);
    setOpen((current) => (JSON.stringify(current) === JSON.stringify(next) ? null : next));
  };
  const done = (text: string, link?: string) => {
    setOpen(null);
    setSaved({ text, ...(link ? { link } : {}) });
  };
  const all = commitments.data ?? [];
  const withoutPlan = all.filter((c) => !c.planId || !agreement.plans.some((p) => p.id === c.planId));
  return (
    <article className="card" aria-labelledby={`a-${agreement.id}`}>
      <div className="row between">
        <h2 id={`a-${agreement.id}`} className="tight">
          {agreement.title}
        </h2>
        {agreement.canEdit ? (
          <Toggle
            open={open?.kind === 'agreement'}
            onClick={() => toggle({ kind: 'agreement' })}
            label={t('promises.agreementForm.edit')}
          />
        ) : null}
      </div>
      {open?.kind === 'agreement' ? (
        <AgreementForm agreement={agreement} onDone={() => done(t('promises.agreementForm.saved'))} />
      ) : null}
      {saved ? (
        <p role="status" className="success">
          {saved.text} {saved.link ? <Link to={saved.link}>{t('promises.open')}</Link> : null}
        </p>
      ) : null}
      <dl className="facts promise-facts">
        <dt>{t('promises.period')}</dt>
        <dd>
          {formatDate(agreement.periodStart)} – {formatDate(agreement.periodEnd)}
        </dd>
        <dt>{t('promises.agreement.parties')}</dt>
        <dd>{agreement.parties.map((p) => p.name).join(', ')}</dd>
        <dt>{t('promises.agreement.focusAreas')}</dt>
        <dd>{agreement.focusAreas.map((f) => f.name).join(', ') || '–'}</dd>
        <dt>{t('promises.agreement.signatories')}</dt>
        <dd>
          {agreement.signatories
            .map(
              (s) =>
                `${s.title} (${agreement.parties.find((p) => p.code === s.organisationCode)?.name ?? s.organisationCode})`,
            )
            .join('; ') || '–'}
        </dd>
        <dt>{t('promises.agreement.documents')}</dt>
        <dd>
          {agreement.documents.length
            ? agreement.documents.map((d) => (
                <a key={d.url + d.title} href={d.url} rel="noreferrer" target="_blank" className="doc-link">
                  {d.title}
                </a>
              ))
            : '–'}
        </dd>
      </dl>
      <div className="row between">
        <h3>{t('promises.agreement.plans')}</h3>
        {agreement.canEdit ? (
          <Toggle
            open={open?.kind === 'new-plan'}
            onClick={() => toggle({ kind: 'new-plan' })}
            label={t('promises.planForm.new')}
          />
        ) : null}
      </div>
      {open?.kind === 'new-plan' ? (
        <PlanForm agreement={agreement} onDone={(plan) => done(t('promises.planForm.saved', { title: plan.title }))} />
      ) : null}
      {agreement.plans.length === 0 ? <p className="muted">{t('promises.agreement.noPlans')}</p> : null}
      {agreement.plans.map((plan) => (
        <section key={plan.id} aria-label={plan.title} className="plan">
          <div className="row between">
            <h4 className="tight">
              {plan.title}{' '}
              <span className="muted small">
                {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
              </span>
            </h4>
            {agreement.canEdit ? (
              <button
                type="button"
                className="link"
                aria-expanded={open?.kind === 'plan' && open.id === plan.id}
                onClick={() => toggle({ kind: 'plan', id: plan.id })}
              >
                {t('promises.planForm.edit')}
                <span className="visually-hidden"> {plan.title}</span>
              </button>
            ) : null}
          </div>
          {open?.kind === 'plan' && open.id === plan.id ? (
            <PlanForm
              agreement={agreement}
              plan={plan}
              onDone={(saved) => done(t('promises.planForm.saved', { title: saved.title }))}
            />
          ) : null}
          <CommitmentList items={all.filter((c) => c.planId === plan.id)} />
        </section>
      ))}
      {withoutPlan.length ? (
        <section aria-label={t('promises.agreement.withoutPlan')} className="plan">
          <h4 className="tight">{t('promises.agreement.withoutPlan')}</h4>
          <CommitmentList items={withoutPlan} />
        </section>
      ) : null}
      {agreement.canEdit ? (
        <div className="toolbar">
          <Toggle
            open={open?.kind === 'commitment'}
            onClick={() => toggle({ kind: 'commitment' })}
            label={t('promises.create.new')}
          />
        </div>
      ) : null}
      {open?.kind === 'commitment' ? (
        <CommitmentForm
          agreement={agreement}
          onDone={(c) => done(t('promises.create.done', { title: c.title }), `/loften/${c.id}`)}
        />
      ) : null}
    </article>
  );
}

/** The collaboration agreements with their parties, signatories, documents and activity plans; coordinators write and change them here. */
export function AgreementPage() {
  const { t } = useTranslation();
  const user = useUser();
  const agreements = useAgreements();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <section className="promise-page">
      <p>
        <Link to="/loften">← {t('promises.title')}</Link>
      </p>
      <div className="row between">
        <h1>{t('promises.agreement.title')}</h1>
        {isCoordinator(user) ? (
          <Toggle
            open={creating}
            onClick={() => {
              setCreated(null);
              setCreating((c) => !c);
            }}
            label={t('promises.agreementForm.new')}
          />
        ) : null}
      </div>
      {creating ? (
        <AgreementForm
          onDone={(agreement) => {
            setCreating(false);
            setCreated(agreement.title);
          }}
        />
      ) : null}
      {created ? (
        <p role="status" className="success">
          {t('promises.agreementForm.created', { title: created })}
        </p>
      ) : null}
      <ErrorAlert error={agreements.error} />
      {(agreements.data ?? []).map((a) => (
        <Agreement key={a.id} agreement={a} />
      ))}
    </section>
  );
}
