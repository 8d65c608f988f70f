import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatOre } from '../../../contracts/fund-money.ts';
import { formatDateTime } from '../../shared/format.ts';
import { fundErrorMessage, useApplications, useFundMe, useNotifications } from './useFund.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** The applications the user may see, and the notifications to her organisation. */
export function FundApplicationsPage() {
  const { t } = useTranslation();
  const me = useFundMe();
  const applications = useApplications();
  const notifications = useNotifications();
  return (
    <section className="fund">
      <h1>{t('fund.applications')}</h1>
      <p className="muted">{t('fund.applicationsIntro')}</p>
      {me.data?.canApply ? (
        <p>
          <Link className="button" to="/fond/ansokningar/ny">
            {t('fund.newApplication')}
          </Link>
        </p>
      ) : null}
      <h2>{t('fund.notifications')}</h2>
      {notifications.data?.length ? (
        <ul aria-label={t('fund.notifications')} data-testid="fund-notifications">
          {notifications.data.map((n) => (
            <li key={n.id}>
              <span className="muted small">{formatDateTime(n.createdAt)}</span>{' '}
              <Link to={`/fond/ansokningar/${n.applicationId}`}>{n.message}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('fund.noNotifications')}</p>
      )}
      <ErrorAlert error={applications.error} message={fundErrorMessage} />
      {applications.data?.length === 0 ? <p className="muted">{t('fund.noApplications')}</p> : null}
      {applications.data?.length ? (
        <div className="fund-scroll">
          <table className="fund-table">
            <thead>
              <tr>
                <th scope="col">{t('fund.col.number')}</th>
                <th scope="col">{t('fund.col.title')}</th>
                <th scope="col">{t('fund.col.organisation')}</th>
                <th scope="col">{t('fund.col.status')}</th>
                <th scope="col" className="num">
                  {t('fund.col.requested')}
                </th>
                <th scope="col" className="num">
                  {t('fund.col.granted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {applications.data.map((a) => (
                <tr key={a.id}>
                  <td>{a.number}</td>
                  <th scope="row">
                    <Link to={`/fond/ansokningar/${a.id}`}>{a.title}</Link>
                    {a.overdueFollowUps > 0 ? (
                      <span className="badge fund-overdue">
                        {t('fund.overdueBadge', { count: a.overdueFollowUps })}
                      </span>
                    ) : null}
                  </th>
                  <td>{a.organisationName}</td>
                  <td>
                    <span className={`badge status-${a.status}`}>{t(`fund.status.${a.status}`)}</span>
                  </td>
                  <td className="num">{formatOre(a.requestedOre)}</td>
                  <td className="num">{a.grantedOre === null ? '–' : formatOre(a.grantedOre)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
