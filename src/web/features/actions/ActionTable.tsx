import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionStatus, ActionView } from '../../../contracts/actions.ts';
import { formatDate } from '../../shared/format.ts';
import { useOrganisations } from '../../shared/reference.ts';
import { ActionError, actionFieldErrors } from './ActionError.tsx';
import type { ActionEditing } from './action-rules.ts';
import { weekNumber } from './action-rules.ts';
import { OutcomeEditor } from './OutcomeEditor.tsx';
import { useUpdateAction } from './useActions.ts';
import './actions.css';

const STATUSES: ActionStatus[] = ['planned', 'in-progress', 'done', 'cancelled'];

export interface ActionTableProps {
  actions: readonly ActionView[];
  /** Names the table for assistive technology (the page shows its own heading). */
  caption: string;
  /** What the viewer may change on each action. */
  editing: (action: ActionView) => ActionEditing;
  /** Adds the column with the week the action was decided in, linking to that meeting. */
  showDecidedWeek?: boolean;
}

/**
 * Actions with their place, responsibility, due date, status and outcome; overdue ones stand
 * out. Used by the weekly meeting and by the actions page. On a phone each row becomes a card.
 */
export function ActionTable({ actions, caption, editing, showDecidedWeek = false }: ActionTableProps) {
  const { t } = useTranslation();
  const [editingId, setEditingId] = useState<string | null>(null);
  // The same action may show in two tables of one page: ids are unique per table.
  const tableId = useId();
  const columns = showDecidedWeek ? 7 : 6;
  return (
    <table className="data action-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('actions.what')}</th>
          <th scope="col">{t('actions.where')}</th>
          <th scope="col">{t('actions.responsible')}</th>
          <th scope="col">{t('actions.due')}</th>
          {showDecidedWeek ? <th scope="col">{t('actions.decided')}</th> : null}
          <th scope="col">{t('actions.status')}</th>
          <th scope="col">{t('actions.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => {
          const may = editing(a);
          // Snapshots of pictures published before linked reports carried numbers lack the field.
          const linked = a.linkedReports ?? [];
          // Buttons in the row are described by the title instead of naming it, so a cell's
          // accessible name stays its own content and never repeats the title.
          const titleId = `${tableId}-${a.id}-title`;
          return (
            <Fragment key={a.id}>
              <tr className={a.overdue ? 'overdue-row' : undefined} data-action={a.number}>
                <td data-label={t('actions.what')} className="action-what">
                  <span className="action-title" id={titleId}>
                    {a.title}
                  </span>
                  {a.overdue ? <span className="badge overdue">{t('actions.overdue')}</span> : null}
                  {a.description ? <span className="action-description">{a.description}</span> : null}
                  {linked.length > 0 ? (
                    <span className="action-reports small">
                      {t('actions.reports')}{' '}
                      {linked.map((r, i) => (
                        <Fragment key={r.id}>
                          {i > 0 ? ', ' : ''}
                          <Link to={`/rapporter/${r.id}`} aria-label={t('actions.reportLink', { number: r.number })}>
                            #{r.number}
                          </Link>
                        </Fragment>
                      ))}
                    </span>
                  ) : null}
                </td>
                <td data-label={t('actions.where')}>
                  <div>
                    {a.placeName ? (
                      <>
                        {a.placeName}
                        {a.areaName ? <span className="muted">, {a.areaName}</span> : null}
                      </>
                    ) : (
                      a.areaName
                    )}
                  </div>
                </td>
                <td data-label={t('actions.responsible')}>
                  <div>
                    {a.organisationName}
                    {a.responsiblePerson ? `, ${a.responsiblePerson}` : ''}
                  </div>
                </td>
                <td data-label={t('actions.due')} className="action-due">
                  <div>
                    <time dateTime={a.dueOn}>{formatDate(a.dueOn)}</time>
                    {may === 'all' && editingId !== a.id ? (
                      <button
                        type="button"
                        className="small-button"
                        aria-describedby={titleId}
                        onClick={() => setEditingId(a.id)}
                      >
                        {t('actions.edit')}
                      </button>
                    ) : null}
                  </div>
                </td>
                {showDecidedWeek ? (
                  <td data-label={t('actions.decided')}>
                    <div>
                      <Link
                        to={`/lagesbild/${a.decidedWeek}`}
                        title={t('actions.decidedWeekLong', {
                          week: weekNumber(a.decidedWeek),
                          year: a.decidedWeek.slice(0, 4),
                        })}
                      >
                        {t('actions.decidedWeek', { week: weekNumber(a.decidedWeek) })}
                      </Link>
                    </div>
                  </td>
                ) : null}
                <td data-label={t('actions.status')}>
                  <div>
                    {may === 'none' ? (
                      <span className={`action-status status-${a.status}`}>{t(`actions.statuses.${a.status}`)}</span>
                    ) : (
                      <StatusSelect action={a} />
                    )}
                  </div>
                </td>
                <td data-label={t('actions.outcome')}>
                  <div>
                    <OutcomeEditor action={a} canEdit={may !== 'none'} describedBy={titleId} />
                  </div>
                </td>
              </tr>
              {editingId === a.id ? (
                <tr className="action-edit-row">
                  <td colSpan={columns}>
                    <DetailsEditor action={a} titleId={titleId} onDone={() => setEditingId(null)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** Status, saved as soon as it is chosen. */
function StatusSelect({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  const update = useUpdateAction();
  return (
    <>
      <select
        aria-label={t('actions.statusFor', { title: action.title })}
        value={action.status}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ id: action.id, update: { status: e.target.value as ActionStatus } })}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`actions.statuses.${s}`)}
          </option>
        ))}
      </select>
      <ActionError error={update.error} />
    </>
  );
}

/** Coordinators change who is responsible and the due date. */
function DetailsEditor({ action, titleId, onDone }: { action: ActionView; titleId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const update = useUpdateAction();
  const [form, setForm] = useState({
    organisationCode: action.organisationCode,
    responsiblePerson: action.responsiblePerson,
    dueOn: action.dueOn,
  });
  const errors = actionFieldErrors(update.error);
  const choices = organisations.data?.map((o) => ({ code: o.code, name: o.name })) ?? [
    { code: action.organisationCode, name: action.organisationName },
  ];
  return (
    <form
      className="action-details-editor"
      aria-describedby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        const changed = Object.fromEntries(
          Object.entries(form).filter(([key, value]) => value !== action[key as keyof typeof form]),
        );
        if (Object.keys(changed).length === 0) return onDone();
        update.mutate({ id: action.id, update: changed }, { onSuccess: onDone });
      }}
    >
      <div className="row">
        <label>
          {t('actions.responsible')}
          <select
            aria-label={t('actions.organisationFor', { title: action.title })}
            value={form.organisationCode}
            onChange={(e) => setForm({ ...form, organisationCode: e.target.value })}
            required
          >
            {choices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.person')}
          <input
            aria-label={t('actions.personFor', { title: action.title })}
            value={form.responsiblePerson}
            maxLength={200}
            onChange={(e) => setForm({ ...form, responsiblePerson: e.target.value })}
            aria-invalid={Boolean(errors.responsiblePerson)}
          />
          {errors.responsiblePerson ? <span className="field-error">{errors.responsiblePerson}</span> : null}
        </label>
        <label>
          {t('actions.due')}
          <input
            type="date"
            aria-label={t('actions.dueFor', { title: action.title })}
            value={form.dueOn}
            required
            onChange={(e) => setForm({ ...form, dueOn: e.target.value })}
            aria-invalid={Boolean(errors.dueOn)}
          />
          {errors.dueOn ? <span className="field-error">{errors.dueOn}</span> : null}
        </label>
      </div>
      <button type="submit" className="primary" disabled={update.isPending}>
        {update.isPending ? t('actions.saving') : t('actions.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('actions.cancel')}
      </button>
      <ActionError error={update.error} />
    </form>
  );
}
