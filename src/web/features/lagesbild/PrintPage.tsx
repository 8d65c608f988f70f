import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { formatDate, formatNumber } from '../../shared/format.ts';
import { usePicture } from './useLagesbild.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** A plain page for the printer: figures, assessments, summary and actions, no map tiles or controls. */
export function PrintPage() {
  const { t } = useTranslation();
  const { week = '' } = useParams();
  const picture = usePicture(week);
  const p = picture.data;
  return (
    <article className="lagesbild-print">
      <p className="no-print">
        <Link to={`/lagesbild/${week}`}>← {t('lagesbild.backToWeek', { week })}</Link>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('lagesbild.printNow')}
        </button>{' '}
        <a href={`/api/lagesbild/${week}/pdf`} download>
          {t('lagesbild.pdf')}
        </a>
      </p>
      <ErrorAlert error={picture.error} />
      {p ? (
        <>
          <h1>{t('lagesbild.title', { week: Number(week.slice(6)) })}</h1>
          <p>
            {formatDate(p.from)} – {formatDate(new Date(new Date(p.to).getTime() - 1).toISOString())} ·{' '}
            {p.status === 'published'
              ? t('lagesbild.publishedVersion', { version: p.version })
              : t('lagesbild.status.draft')}
          </p>
          <p>
            {t('lagesbild.printTotals', {
              total: p.total,
              previous: p.previousTotal,
              baseline: formatNumber(Math.round(p.baselineTotal * 10) / 10),
            })}
          </p>
          <table className="data">
            <thead>
              <tr>
                <th>{t('lagesbild.area')}</th>
                <th>{t('lagesbild.count')}</th>
                <th>{t('lagesbild.previous')}</th>
                <th>{t('lagesbild.baseline')}</th>
                <th>{t('lagesbild.assessment')}</th>
              </tr>
            </thead>
            <tbody>
              {p.byArea.map((a) => (
                <tr key={a.areaCode}>
                  <td>{a.name}</td>
                  <td>{a.count}</td>
                  <td>{a.previousCount}</td>
                  <td>{formatNumber(Math.round(a.baselineMean * 10) / 10)}</td>
                  <td>
                    {a.assessment
                      ? `${t(`lagesbild.level.${a.assessment.level}`)}${a.assessment.comment ? `: ${a.assessment.comment}` : ''}`
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('lagesbild.summary')}</h2>
          <p className="summary-text">{p.summary || t('lagesbild.noSummary')}</p>
          <h2>{t('lagesbild.actions.decided')}</h2>
          <ul>
            {p.actions.decided.map((a) => (
              <li key={a.id}>
                {a.title}
                {a.placeName || a.areaName ? ` (${[a.placeName, a.areaName].filter(Boolean).join(', ')})` : ''} –{' '}
                {a.organisationName}
                {a.responsiblePerson ? `, ${a.responsiblePerson}` : ''}, {a.dueOn} (
                {t(`lagesbild.actions.statuses.${a.status}`)})
              </li>
            ))}
          </ul>
          <h2>{t('lagesbild.actions.followUp')}</h2>
          <ul>
            {p.actions.followUp.map((a) => (
              <li key={a.id}>
                {a.title} – {t(`lagesbild.actions.statuses.${a.status}`)}
                {a.overdue ? ` (${t('lagesbild.actions.overdue')})` : ''}
                {a.outcomeNote ? `: ${a.outcomeNote}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
