import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LogForm } from './LogForm.tsx';
import { todayInSweden, useCommitments } from './usePromises.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** For the phone: pick what you did (weekly patrols first), then the place, and save. */
export function QuickLogPage() {
  const { t } = useTranslation();
  const today = todayInSweden();
  const commitments = useCommitments({ loggable: true, year: Number(today.slice(0, 4)) });
  const running = (commitments.data ?? [])
    .filter((c) => c.periodStart <= today && c.periodEnd >= today)
    .sort((a, b) => Number(b.target.kind === 'recurring') - Number(a.target.kind === 'recurring'));
  const [chosen, setChosen] = useState('');
  const commitment = running.find((c) => c.id === chosen) ?? running[0];
  return (
    <section className="quick-log">
      <h1>{t('promises.log.pageTitle')}</h1>
      <ErrorAlert error={commitments.error} />
      {commitments.data && running.length === 0 ? <p className="muted">{t('promises.log.nothing')}</p> : null}
      {running.length > 1 ? (
        <label>
          {t('promises.log.what')}
          <select value={commitment?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {running.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {commitment ? <LogForm key={commitment.id} commitment={commitment} /> : null}
    </section>
  );
}
