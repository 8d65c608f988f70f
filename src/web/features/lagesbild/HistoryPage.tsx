import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useHistory } from './useLagesbild.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** Area x week colour matrix: how long has Skogås been yellow? Published weeks show their latest version. */
export function HistoryPage() {
  const { t } = useTranslation();
  const history = useHistory();
  const published = new Set((history.data?.published ?? []).map((p) => p.week));
  return (
    <section className="lagesbild">
      <h1>{t('lagesbild.historyTitle')}</h1>
      <p className="muted">{t('lagesbild.historyIntro')}</p>
      <ErrorAlert error={history.error} />
      {history.data ? (
        <div className="table-scroll">
          <table className="data history-matrix">
            <caption className="visually-hidden">{t('lagesbild.historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lagesbild.area')}</th>
                {history.data.weeks.map((w) => (
                  <th scope="col" key={w}>
                    <Link
                      to={`/lagesbild/${w}`}
                      title={published.has(w) ? t('lagesbild.status.published') : t('lagesbild.status.draft')}
                    >
                      {w.slice(6)}
                    </Link>
                    {published.has(w) ? <span aria-label={t('lagesbild.status.published')}>✓</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.data.areas.map((a) => (
                <tr key={a.areaCode}>
                  <th scope="row">{a.name}</th>
                  {a.levels.map((level, i) => (
                    <td
                      key={history.data.weeks[i]}
                      className={level ? `cell-${level}` : 'cell-none'}
                      title={`${a.name} ${history.data.weeks[i]}: ${t(`lagesbild.level.${level ?? 'none'}`)}`}
                    >
                      <span className="visually-hidden">{t(`lagesbild.level.${level ?? 'none'}`)}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ul className="legend">
        {(['green', 'yellow', 'red'] as const).map((l) => (
          <li key={l}>
            <span className={`swatch cell-${l}`} aria-hidden="true" /> {t(`lagesbild.level.${l}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
