import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, ActionView } from '../../../server/features/actions/actions.schemas.ts';
import type { LagesbildView } from '../../../server/features/lagesbild/lagesbild.schemas.ts';
import { errorMessage, fieldErrors } from '../../shared/errors.ts';
import { useOrganisations } from '../../shared/reference.ts';
import { useDecideAction, useUpdateAction } from './useLagesbild.ts';

const STATUSES: ActionStatus[] = ['planned', 'in-progress', 'done', 'cancelled'];

function ActionList({ week, actions, editable, caption }: { week: string; actions: ActionView[]; editable: boolean; caption: string }) {
  const { t } = useTranslation();
  const update = useUpdateAction(week);
  if (actions.length === 0) return <p className="muted">{t('lagesbild.actions.none')}</p>;
  return (
    <table className="data actions-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lagesbild.actions.what')}</th>
          <th scope="col">{t('lagesbild.actions.where')}</th>
          <th scope="col">{t('lagesbild.actions.responsible')}</th>
          <th scope="col">{t('lagesbild.actions.due')}</th>
          <th scope="col">{t('lagesbild.actions.status')}</th>
          <th scope="col">{t('lagesbild.actions.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id} className={a.overdue ? 'overdue-row' : ''}>
            <td>
              {a.title}
              {a.overdue ? <span className="badge overdue">{t('lagesbild.actions.overdue')}</span> : null}
            </td>
            <td>{a.areaName ?? a.placeName}</td>
            <td>
              {a.organisationName}
              {a.responsiblePerson ? `, ${a.responsiblePerson}` : ''}
            </td>
            <td>{a.dueOn}</td>
            <td>
              {editable ? (
                <select aria-label={t('lagesbild.actions.statusFor', { title: a.title })} value={a.status} onChange={(e) => update.mutate({ id: a.id, update: { status: e.target.value as ActionStatus } })}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>{t(`lagesbild.actions.statuses.${s}`)}</option>
                  ))}
                </select>
              ) : (
                t(`lagesbild.actions.statuses.${a.status}`)
              )}
            </td>
            <td>{a.outcomeNote}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewActionForm({ week, picture }: { week: string; picture: LagesbildView }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const decide = useDecideAction(week);
  const empty = { title: '', areaCode: '', organisationCode: '', responsiblePerson: '', dueOn: '' };
  const [form, setForm] = useState(empty);
  const errors = fieldErrors(decide.error);
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <form
      className="card"
      aria-label={t('lagesbild.actions.new')}
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate(
          { ...form, description: '', decidedWeek: week, reportIds: [], placeCode: null },
          { onSuccess: () => setForm(empty) },
        );
      }}
    >
      <h3>{t('lagesbild.actions.new')}</h3>
      <div className="row">
        <label>
          {t('lagesbild.actions.what')}
          <input aria-label={t('lagesbild.actions.what')} value={form.title} onChange={set('title')} aria-invalid={Boolean(errors.title)} required minLength={3} />
          {errors.title ? <span className="field-error">{errors.title}</span> : null}
        </label>
        <label>
          {t('lagesbild.actions.where')}
          <select aria-label={t('lagesbild.actions.where')} value={form.areaCode} onChange={set('areaCode')} required>
            <option value="">{t('lagesbild.actions.chooseArea')}</option>
            {picture.byArea.map((a) => (
              <option key={a.areaCode} value={a.areaCode}>{a.name}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {t('lagesbild.actions.organisation')}
          <select aria-label={t('lagesbild.actions.organisation')} value={form.organisationCode} onChange={set('organisationCode')} required>
            <option value="">{t('lagesbild.actions.chooseOrganisation')}</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.code} value={o.code}>{o.name}</option>
            ))}
          </select>
        </label>
        <label>
          {t('lagesbild.actions.person')}
          <input aria-label={t('lagesbild.actions.person')} value={form.responsiblePerson} onChange={set('responsiblePerson')} />
        </label>
        <label>
          {t('lagesbild.actions.due')}
          <input aria-label={t('lagesbild.actions.due')} type="date" value={form.dueOn} onChange={set('dueOn')} required aria-invalid={Boolean(errors.dueOn)} />
        </label>
      </div>
      <button type="submit" className="primary" disabled={decide.isPending}>{t('lagesbild.actions.add')}</button>
      {decide.isError ? <p role="alert" className="error">{errorMessage(decide.error)}</p> : null}
    </form>
  );
}

/** Decisions of this meeting, follow-up of last week's, and everything still open. */
export function ActionsPanel({ week, picture, editable }: { week: string; picture: LagesbildView; editable: boolean }) {
  const { t } = useTranslation();
  const overdue = picture.actions.open.filter((a) => a.overdue);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('lagesbild.actions.title')}</h2>
      <h3>{t('lagesbild.actions.decided')}</h3>
      <ActionList week={week} actions={picture.actions.decided} editable={editable && picture.status === 'draft'} caption={t('lagesbild.actions.decided')} />
      {editable && picture.status === 'draft' ? <NewActionForm week={week} picture={picture} /> : null}
      <h3>{t('lagesbild.actions.followUp')}</h3>
      <ActionList week={week} actions={picture.actions.followUp} editable={editable && picture.status === 'draft'} caption={t('lagesbild.actions.followUp')} />
      <h3>{t('lagesbild.actions.overdueHeading')}</h3>
      <ActionList week={week} actions={overdue} editable={false} caption={t('lagesbild.actions.overdueHeading')} />
    </section>
  );
}
