import type { Actor } from '../../platform/actor.ts';
import { isCoordinator } from '../../platform/access.ts';
import type { ActionStatus, ActionUpdate } from '../../../contracts/actions.ts';

/** Coordinators decide and edit actions (the meeting's decisions). */
export const canManageActions = (actor: Actor) => isCoordinator(actor);

/**
 * The responsible organisation reports progress on its own action: its members (not read-only
 * users) may change status and outcome, nothing else.
 */
export function canReportProgress(actor: Actor, action: { organisationId: string }, update: ActionUpdate): boolean {
  if (canManageActions(actor)) return true;
  if (actor.role === 'lasare' || actor.organisationId !== action.organisationId) return false;
  return Object.keys(update).every((key) => key === 'status' || key === 'outcomeNote');
}

export const isOpen = (status: ActionStatus) => status === 'planned' || status === 'in-progress';

/** Open and due before today (a date in Swedish local time, 'YYYY-MM-DD'). */
export const isOverdue = (action: { status: ActionStatus; dueOn: string }, today: string) =>
  isOpen(action.status) && action.dueOn < today;
