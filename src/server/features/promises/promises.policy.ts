import type { Actor } from '../../platform/actor.ts';
import { isAdmin, isCoordinator } from '../../platform/access.ts';

/**
 * Who may do what with agreements and commitments:
 * - every logged-in user reads agreements, plans, commitments and their progress (partnership data);
 * - only users of an organisation that owns a commitment log activities for it (läsare never log);
 * - coordinators of an agreement's parties (and admins) plan: record and edit the agreement, create
 *   and edit its plans and commitments, set follow-up dates, prepare follow-ups, comment and assess;
 * - a follow-up is published once every police and municipality party has approved it, each by a
 *   coordinator of its own organisation (admins act for their own organisation only).
 */
export const canLogFor = (actor: Actor, ownerIds: readonly string[]) =>
  actor.role !== 'lasare' && ownerIds.includes(actor.organisationId);

export const canPlanFor = (actor: Actor, partyIds: readonly string[]) =>
  isAdmin(actor) || (isCoordinator(actor) && partyIds.includes(actor.organisationId));

/**
 * A coordinator who edits an agreement's parties keeps her own organisation among them: otherwise
 * one edit would hand the agreement to others and lock her out of it. Admins act for anyone.
 */
export const keepsPlanningRight = (actor: Actor, newPartyIds: readonly string[]) =>
  isAdmin(actor) || newPartyIds.includes(actor.organisationId);

/** Draft follow-ups are internal to the agreement's parties and coordinators; others get 404. */
export const canSeeDrafts = (actor: Actor, partyIds: readonly string[]) =>
  isCoordinator(actor) || partyIds.includes(actor.organisationId);

export const APPROVING_KINDS = ['police', 'municipality'] as const;

export const canApproveFor = (actor: Actor, party: { id: string; kind: string }) =>
  isCoordinator(actor) &&
  actor.organisationId === party.id &&
  (APPROVING_KINDS as readonly string[]).includes(party.kind);

/** A wrong entry is withdrawn by the organisation that logged it (not by partners, not by läsare). */
export const canWithdrawActivity = (actor: Actor, activity: { organisation_id: string }) =>
  actor.role !== 'lasare' && activity.organisation_id === actor.organisationId;
