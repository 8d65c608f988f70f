import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.ts';

import { usePromiseMutation, type AgreementView } from './usePromises.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** The yearly follow-up dates (default the end of each tertial), at least three. */
export function FollowUpDatesForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dates, setDates] = useState(agreement.followUpDates.join(', '));
  const save = usePromiseMutation(() =>
    api.put<AgreementView>(`/api/agreements/${agreement.id}/follow-up-dates`, {
      dates: dates.split(/[,\s]+/).filter(Boolean),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agreements'] }) });
  };
  return (
    <details className="card">
      <summary>{t('promises.followUps.editDates')}</summary>
      <form onSubmit={submit} className="toolbar">
        <label>
          {t('promises.followUps.datesLabel')}
          <input value={dates} onChange={(e) => setDates(e.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending}>
          {t('promises.followUps.saveDates')}
        </button>
        <ErrorAlert error={save.error} />
        {save.isSuccess ? (
          <p role="status" className="success">
            {t('promises.followUps.datesSaved')}
          </p>
        ) : null}
      </form>
    </details>
  );
}
