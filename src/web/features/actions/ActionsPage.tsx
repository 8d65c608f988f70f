import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isCoordinator, useUser } from '../../app/session.tsx';

import { useAreas, useOrganisations } from '../../shared/reference.ts';
import { defaultWeek } from '../lagesbild/week-nav.ts';
import { actionEditing, followUpOrder, weekNumber } from './action-rules.ts';
import { ActionTable } from './ActionTable.tsx';
import { STATUS_FILTERS, useActionList, type StatusFilter } from './useActions.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** URL parameters of the filters (Swedish, like the paths), so a filtered list can be shared. */
const PARAM = { status: 'status', area: 'omrade', organisation: 'organisation' } as const;

function readStatus(value: string | null): StatusFilter {
  return STATUS_FILTERS.includes(value as StatusFilter) ? (value as StatusFilter) : 'open';
}

/**
 * Every action of the partnership, for follow-up between meetings: filter by status, area and
 * responsible organisation; overdue ones first. Everyone logged in reads it; coordinators edit
 * everything, the responsible organisation reports status and outcome (as the API allows).
 */
export function ActionsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const filter = {
    status: readStatus(params.get(PARAM.status)),
    areaCode: params.get(PARAM.area) || undefined,
    organisationCode: params.get(PARAM.organisation) || undefined,
  };
  const actions = useActionList(filter);
  const areas = useAreas();
  const organisations = useOrganisations();
  const shown = followUpOrder(actions.data ?? []);
  const overdue = shown.filter((a) => a.overdue).length;
  const meetingWeek = defaultWeek();

  const setParam = (key: string, value: string, fallback = '') =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === fallback) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <section className="actions-page">
      <h1>{t('actions.title')}</h1>
      <p className="muted">{t('actions.intro')}</p>
      {isCoordinator(user) ? (
        <p>
          {t('actions.decideAtMeeting')}{' '}
          <Link to={`/lagesbild/${meetingWeek}`}>{t('actions.meetingLink', { week: weekNumber(meetingWeek) })}</Link>
        </p>
      ) : null}
      <form
        className="filters card"
        role="search"
        aria-label={t('actions.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('actions.filterStatus')}
          <select value={filter.status} onChange={(e) => setParam(PARAM.status, e.target.value, 'open')}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`actions.statusFilter.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.filterArea')}
          <select value={filter.areaCode ?? ''} onChange={(e) => setParam(PARAM.area, e.target.value)}>
            <option value="">{t('actions.allAreas')}</option>
            {(areas.data ?? []).map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.filterOrganisation')}
          <select value={filter.organisationCode ?? ''} onChange={(e) => setParam(PARAM.organisation, e.target.value)}>
            <option value="">{t('actions.allOrganisations')}</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorAlert error={actions.error} />
      {actions.isPending ? <p>{t('common.loading')}</p> : null}
      {actions.data ? (
        <>
          <p className="count-line" role="status">
            {t('actions.count', { count: shown.length })}
            {overdue > 0 ? (
              <span className="overdue-count">, {t('actions.overdueCount', { count: overdue })}</span>
            ) : null}
          </p>
          {shown.length === 0 ? (
            <p className="muted">{t('actions.empty')}</p>
          ) : (
            <ActionTable
              actions={shown}
              caption={t('actions.tableCaption')}
              editing={(a) => actionEditing(user, a)}
              showDecidedWeek
            />
          )}
        </>
      ) : null}
    </section>
  );
}
