import { useTranslation } from 'react-i18next';
import type { ActionView } from '../../../contracts/actions.ts';
import type { LagesbildView } from '../../../contracts/lagesbild.ts';
import { ActionTable } from '../actions/ActionTable.tsx';
import { ActionForm } from './ActionForm.tsx';

function ActionList({ actions, editable, caption }: { actions: ActionView[]; editable: boolean; caption: string }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p className="muted">{t('lagesbild.actions.none')}</p>;
  return <ActionTable actions={actions} caption={caption} editing={() => (editable ? 'all' : 'none')} />;
}

/**
 * Decisions of this meeting, follow-up of last week's, and everything still open. Coordinators
 * working on the draft decide new actions and change status, responsibility, due date and outcome
 * in every table; published versions are read as they were.
 */
export function ActionsPanel({ week, picture, editable }: { week: string; picture: LagesbildView; editable: boolean }) {
  const { t } = useTranslation();
  const live = editable && picture.status === 'draft';
  const overdue = picture.actions.open.filter((a) => a.overdue);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('lagesbild.actions.title')}</h2>
      <h3>{t('lagesbild.actions.decided')}</h3>
      <ActionList actions={picture.actions.decided} editable={live} caption={t('lagesbild.actions.decided')} />
      {live ? <ActionForm week={week} picture={picture} /> : null}
      <h3>{t('lagesbild.actions.followUp')}</h3>
      <ActionList actions={picture.actions.followUp} editable={live} caption={t('lagesbild.actions.followUp')} />
      <h3>{t('lagesbild.actions.overdueHeading')}</h3>
      <ActionList actions={overdue} editable={live} caption={t('lagesbild.actions.overdueHeading')} />
    </section>
  );
}
