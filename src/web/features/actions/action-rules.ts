import type { UserView } from '../../../contracts/auth.ts';
import type { ActionStatus, ActionView } from '../../../contracts/actions.ts';

const isOpen = (status: ActionStatus) => status === 'planned' || status === 'in-progress';

/**
 * Follow-up order: overdue open actions first (longest overdue first), then the other open ones
 * by due date, then done and cancelled ones, most recently due first.
 */
export function followUpOrder(actions: readonly ActionView[]): ActionView[] {
  const rank = (a: ActionView) => (a.overdue ? 0 : isOpen(a.status) ? 1 : 2);
  return [...actions].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const byDue = rank(a) === 2 ? b.dueOn.localeCompare(a.dueOn) : a.dueOn.localeCompare(b.dueOn);
    return byDue !== 0 ? byDue : a.number - b.number;
  });
}

/**
 * What the user may change on an action, mirroring the API's policy: coordinators everything,
 * members of the responsible organisation (not read-only users) status and outcome.
 */
export type ActionEditing = 'all' | 'progress' | 'none';

export function actionEditing(
  user: Pick<UserView, 'role' | 'organisationCode'>,
  action: Pick<ActionView, 'organisationCode'>,
): ActionEditing {
  if (user.role === 'admin' || user.role === 'samordnare') return 'all';
  if (user.role !== 'lasare' && user.organisationCode === action.organisationCode) return 'progress';
  return 'none';
}

export { weekNumber } from '../../../contracts/iso-week.ts';
