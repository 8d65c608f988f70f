import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatOre } from '../../../contracts/fund-money.ts';
import { api } from '../../shared/api.ts';
import { useAreas, useFocusAreas, usePlaces } from '../../shared/reference.ts';
import type { ApplicationView } from '../../../contracts/fund.ts';
import { DecisionPanel } from './DecisionPanel.tsx';
import { FollowUpPanel } from './FollowUpPanel.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { fundErrorMessage, useApplication, useApplicationAction } from './useFund.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** One application: its content, and the panels for whoever may act on it now. */
export function FundApplicationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const application = useApplication(id);
  const focusAreas = useFocusAreas();
  const areas = useAreas();
  const places = usePlaces();
  const submit = useApplicationAction(() => api.post<ApplicationView>(`/api/fund/applications/${id}/submit`));
  if (application.isError)
    return (
      <p role="alert" className="error">
        {fundErrorMessage(application.error)}
      </p>
    );
  const a = application.data;
  if (!a) return <p>{t('common.loading')}</p>;
  const name = (list: { code: string; name: string }[] | undefined, code: string) =>
    list?.find((x) => x.code === code)?.name ?? code;

  return (
    <section className="fund">
      <p>
        <Link to="/fond/ansokningar">{t('fund.applications')}</Link>
      </p>
      <h1>
        {a.title}{' '}
        <span className={`badge status-${a.status}`} data-testid="fund-status">
          {t(`fund.status.${a.status}`)}
        </span>
      </h1>
      <dl className="facts">
        <dt>{t('fund.detail.organisation')}</dt>
        <dd>{a.organisationName}</dd>
        <dt>{t('fund.form.preventionType')}</dt>
        <dd>{t(`fund.preventionType.${a.preventionType}`)}</dd>
        <dt>{t('fund.form.focusAreas')}</dt>
        <dd>{a.focusAreaCodes.map((c) => name(focusAreas.data, c)).join(', ') || '–'}</dd>
        <dt>{t('fund.form.areas')}</dt>
        <dd>{a.areaCodes.map((c) => name(areas.data, c)).join(', ') || '–'}</dd>
        {a.placeCodes.length ? (
          <>
            <dt>{t('fund.form.places')}</dt>
            <dd>{a.placeCodes.map((c) => name(places.data, c)).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('fund.detail.period')}</dt>
        <dd>
          {a.periodStart ?? '–'} – {a.periodEnd ?? '–'}
        </dd>
        <dt>{t('fund.detail.requested')}</dt>
        <dd data-testid="fund-requested">{formatOre(a.requestedOre)}</dd>
        <dt>{t('fund.form.purpose')}</dt>
        <dd className="description">{a.purpose}</dd>
        <dt>{t('fund.detail.expectedEffect')}</dt>
        <dd className="description">{a.expectedEffect}</dd>
      </dl>
      <table className="fund-table">
        <caption>{t('fund.detail.costs')}</caption>
        <tbody>
          {a.costItems.map((c, i) => (
            <tr key={i}>
              <th scope="row">{c.label}</th>
              <td className="num">{formatOre(c.amountOre)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('fund.detail.indicators')}</h2>
      <ul>
        {a.indicators.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      {a.links.length ? (
        <>
          <h2>{t('fund.detail.links')}</h2>
          <ul>
            {a.links.map((l) => (
              <li key={l.ref}>
                {l.kind === 'picture-week' ? (
                  <Link to={`/lagesbild/${l.ref}`}>{t('fund.detail.week', { week: l.ref })}</Link>
                ) : (
                  <Link to={`/rapporter/${l.ref}`}>
                    {t('fund.detail.report')} {l.ref.slice(0, 8)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {a.can.edit ? (
        <div className="card">
          <Link to={`/fond/ansokningar/${a.id}/redigera`}>{t('fund.detail.edit')}</Link>
          <p className="muted small">{t('fund.detail.submitHint')}</p>
          <button
            type="button"
            className="primary"
            disabled={submit.isPending}
            onClick={() => submit.mutate(undefined)}
          >
            {t('fund.detail.submit')}
          </button>
          <ErrorAlert error={submit.error} message={fundErrorMessage} />
        </div>
      ) : a.status !== 'draft' ? (
        <p className="muted small">{t('fund.detail.frozen')}</p>
      ) : null}
      <ReviewPanel application={a} />
      <DecisionPanel application={a} />
      <FollowUpPanel application={a} />
    </section>
  );
}
