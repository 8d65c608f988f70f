import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatOre, formatOreShort } from '../../../contracts/fund-money.ts';
import { BudgetAdmin } from './BudgetAdmin.tsx';
import { FundOverviewMap } from './FundOverviewMap.tsx';
import { GrantedTable } from './GrantedTable.tsx';
import { fundErrorMessage, useBudgets, useFundMe, useOverview } from './useFund.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** The collaboration's budget overview: what the year's safety money went to, on a map and in tables. */
export function FundOverviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useFundMe();
  const budgets = useBudgets();
  const year = params.get('year') ? Number(params.get('year')) : me.data?.currentYear;
  const overview = useOverview(year);
  const years = [...new Set([...(budgets.data ?? []).map((b) => b.year), ...(year ? [year] : [])])].sort(
    (a, b) => b - a,
  );
  const o = overview.data;
  const budget = o?.budget;

  return (
    <section className="fund">
      <h1>{t('fund.overviewTitle', { year: year ?? '' })}</h1>
      <p className="muted">{t('fund.overviewIntro')}</p>
      <div className="toolbar">
        <label className="inline">
          {t('fund.year')}{' '}
          <select value={year ?? ''} onChange={(e) => setParams({ year: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {year ? (
          <>
            <a href={`/api/fund/summary/${year}.pdf`} download>
              {t('fund.exportPdf')}
            </a>
            <a href={`/api/fund/summary/${year}.xlsx`} download>
              {t('fund.exportXlsx')}
            </a>
          </>
        ) : null}
      </div>
      <ErrorAlert error={overview.error} message={fundErrorMessage} />
      {!o ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          {budget ? (
            <dl className="fund-figures" data-testid="fund-figures">
              <div>
                <dt>{t('fund.budget')}</dt>
                <dd>{formatOreShort(budget.totalOre)}</dd>
              </div>
              <div>
                <dt>{t('fund.allocated')}</dt>
                <dd>{formatOreShort(budget.allocatedOre)}</dd>
              </div>
              <div>
                <dt>{t('fund.granted')}</dt>
                <dd data-testid="fund-granted-total">{formatOre(budget.grantedOre)}</dd>
              </div>
              <div>
                <dt>{t('fund.paid')}</dt>
                <dd>{formatOre(budget.paidOre)}</dd>
              </div>
            </dl>
          ) : (
            <p className="muted">{t('fund.noBudget')}</p>
          )}
          {budget?.source ? (
            <p className="muted small">
              {t('fund.source')}: {budget.source}
            </p>
          ) : null}
          {me.data?.isManager && year ? <BudgetAdmin key={year} year={year} budget={budget ?? null} /> : null}
          <div className="fund-scroll">
            <table className="fund-table">
              <caption>{t('fund.pots')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fund.pot')}</th>
                  <th scope="col" className="num">
                    {t('fund.amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('fund.granted')}
                  </th>
                  <th scope="col" className="num">
                    {t('fund.remaining')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(budget?.pots ?? []).map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      {p.purpose ? <div className="muted small">{p.purpose}</div> : null}
                    </th>
                    <td className="num">{formatOreShort(p.amountOre)}</td>
                    <td className="num">{formatOre(p.grantedOre)}</td>
                    <td className="num">{formatOre(p.remainingOre)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="fund-columns">
            <div>
              <FundOverviewMap byArea={o.byArea} label={t('fund.mapLabel')} />
              <p className="muted small">{t('fund.mapLegend')}</p>
            </div>
            <GrantedTable caption={t('fund.byArea')} rows={o.byArea} testId="fund-by-area" />
          </div>
          <div className="fund-columns">
            <GrantedTable
              caption={t('fund.byPreventionType')}
              rows={o.byPreventionType.map((r) => ({ ...r, name: t(`fund.preventionType.${r.key}`) }))}
              testId="fund-by-type"
            />
            <GrantedTable caption={t('fund.byFocusArea')} rows={o.byFocusArea} testId="fund-by-focus" />
          </div>
          <h2>{t('fund.grantedProjects')}</h2>
          {o.granted.length === 0 ? (
            <p className="muted">{t('fund.noGrants')}</p>
          ) : (
            <div className="fund-scroll">
              <table className="fund-table">
                <thead>
                  <tr>
                    <th scope="col">{t('fund.col.title')}</th>
                    <th scope="col">{t('fund.col.type')}</th>
                    <th scope="col" className="num">
                      {t('fund.granted')}
                    </th>
                    <th scope="col" className="num">
                      {t('fund.spent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {o.granted.map((g) => (
                    <tr key={g.id}>
                      <th scope="row">
                        {g.title} <span className="muted small">({g.organisationName})</span>
                        {g.overdueFollowUps > 0 ? (
                          <span className="badge fund-overdue">
                            {t('fund.overdueBadge', { count: g.overdueFollowUps })}
                          </span>
                        ) : null}
                      </th>
                      <td>{t(`fund.preventionType.${g.preventionType}`)}</td>
                      <td className="num">{formatOre(g.grantedOre)}</td>
                      <td className="num">{formatOre(g.spentOre)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {o.results.length > 0 ? (
            <>
              <h2>{t('fund.results')}</h2>
              <ul className="fund-results">
                {o.results.map((r) => (
                  <li key={`${r.applicationId}-${r.dueOn}`}>
                    <strong>{r.title}</strong> ({r.dueOn}): {r.spentOre === null ? '–' : formatOre(r.spentOre)}
                    {r.indicatorResults.map((i) => (
                      <div key={i.indicator} className="small">
                        {i.indicator}: {i.value}
                      </div>
                    ))}
                    {r.comment ? <div className="muted small">{r.comment}</div> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
