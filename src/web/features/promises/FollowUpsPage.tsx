import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCoordinator, useUser } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { errorMessage, fieldErrors } from '../../shared/errors.ts';
import { FollowUpCard } from './FollowUpCard.tsx';
import { FollowUpDatesForm } from './FollowUpDatesForm.tsx';
import {
  currentAgreement,
  todayInSweden,
  useAgreements,
  useFollowUps,
  usePromiseMutation,
  type FollowUpView,
} from './usePromises.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** Follow-ups of the current agreement: prepare one for a due date, comment, approve, publish. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const agreements = useAgreements();
  const agreement = currentAgreement(agreements.data);
  const followUps = useFollowUps(agreement?.id);
  const today = todayInSweden();
  const due = agreement
    ? Array.from(
        { length: Number(agreement.periodEnd.slice(0, 4)) - Number(agreement.periodStart.slice(0, 4)) + 1 },
        (_, i) => Number(agreement.periodStart.slice(0, 4)) + i,
      )
        .flatMap((year) => agreement.followUpDates.map((d) => `${year}-${d}`))
        .filter(
          (d) =>
            d <= today &&
            d >= agreement.periodStart &&
            d <= agreement.periodEnd &&
            !followUps.data?.some((f) => f.asOf === d),
        )
        .reverse()
    : [];
  const [asOf, setAsOf] = useState('');
  const create = usePromiseMutation(() =>
    api.post<FollowUpView>(`/api/agreements/${agreement!.id}/follow-ups`, { asOf: asOf || due[0] }),
  );
  const isParty = agreement?.parties.some((p) => p.code === user.organisationCode) ?? false;
  return (
    <section>
      <h1>{t('promises.followUps.title')}</h1>
      {agreement ? (
        <p className="muted">
          {agreement.title} · {t('promises.followUps.dates', { dates: agreement.followUpDates.join(', ') })}
        </p>
      ) : null}
      <ErrorAlert error={agreements.error} />
      {agreement && isCoordinator(user) && isParty && due.length ? (
        <form
          className="card toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(undefined);
          }}
        >
          <label className="inline">
            {t('promises.followUps.asOf')}
            <select value={asOf || due[0]} onChange={(e) => setAsOf(e.target.value)}>
              {due.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('promises.followUps.create')}
          </button>
          {create.isError ? (
            <p role="alert" className="error">
              {Object.values(fieldErrors(create.error))[0] ?? errorMessage(create.error)}
            </p>
          ) : null}
        </form>
      ) : null}
      {agreement && isCoordinator(user) && isParty ? (
        <FollowUpDatesForm key={agreement.followUpDates.join()} agreement={agreement} />
      ) : null}
      {followUps.data?.length === 0 ? <p className="muted">{t('promises.followUps.none')}</p> : null}
      {agreement
        ? (followUps.data ?? []).map((f) => <FollowUpCard key={f.id} followUp={f} agreement={agreement} />)
        : null}
      <p>
        <a href="/medborgarloften">{t('promises.publicPage')}</a>
      </p>
    </section>
  );
}
