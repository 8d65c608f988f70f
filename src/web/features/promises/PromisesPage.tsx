import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ProgressSummary } from './ProgressSummary.tsx';
import { commitmentYears, defaultYear, useCommitments, yearsOf } from './usePromises.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** Every commitment of a year with its computed progress, promises first, by focus area. */
export function PromisesPage() {
  const { t } = useTranslation();
  const all = useCommitments();
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? defaultYear(all.data);
  const years = commitmentYears(all.data);
  const items = (all.data ?? [])
    .filter((c) => yearsOf(c).includes(year))
    .sort((a, b) => Number(b.isPromise) - Number(a.isPromise));
  return (
    <section>
      <div className="row between">
        <h1>{t('promises.title')}</h1>
        <div className="toolbar">
          <Link to="/loften/overenskommelse">{t('promises.nav.agreement')}</Link>
          <Link to="/loften/logga">{t('promises.nav.log')}</Link>
          <Link to="/loften/import">{t('promises.nav.import')}</Link>
          <Link to="/loften/uppfoljningar">{t('promises.nav.followUps')}</Link>
          <Link to="/loften/utvardering">{t('promises.nav.evaluation')}</Link>
          <a href="/medborgarloften">{t('promises.publicPage')}</a>
        </div>
      </div>
      <p className="muted">{t('promises.intro')}</p>
      <label className="inline">
        {t('promises.year')}
        <select value={year} onChange={(e) => setPicked(Number(e.target.value))}>
          {(years.length ? years : [year]).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <ErrorAlert error={all.error} />
      {all.data && items.length === 0 ? <p className="muted">{t('promises.empty')}</p> : null}
      <ul className="feedback-list">
        {items.map((c) => (
          <li key={c.id} className="card">
            <h2 className="promise-title">
              <Link to={`/loften/${c.id}`}>{c.title}</Link>
              {c.isPromise ? <span className="badge">{t('promises.isPromise')}</span> : null}
            </h2>
            <p className="muted small">
              {c.focusAreaName} · {c.owners.map((o) => o.name).join(', ')}
            </p>
            <ProgressSummary commitment={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}
