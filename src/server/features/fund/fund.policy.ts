import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { OrganisationKind, Role } from '../../platform/platform.tables.ts';

/**
 * Who does what in the fund:
 * - fund managers: admins and the municipality organisation's samordnare. They set up pots,
 *   assign reviewers, decide and record payments, and see every submitted application.
 * - reviewers: officials of the municipality organisation (samordnare or rapportör) whom a
 *   fund manager assigns to an application; they see and score the applications assigned to
 *   them. No separate role table is needed: the assignment is the role, per application.
 * - applicants: the municipality's boards (users of the municipality organisation) and its
 *   companies (housing, property, other). Their samordnare and rapportörer draft, submit and
 *   report follow-ups; everyone in the organisation (also läsare) sees its applications.
 * Everyone else gets 404 for an application. The budget overview is aggregate and open to
 * every logged-in user of the collaboration.
 */
export const APPLICANT_KINDS: readonly OrganisationKind[] = ['municipality', 'housing', 'property', 'other'];
const APPLYING_ROLES: readonly Role[] = ['samordnare', 'rapportor'];
const REVIEWER_ROLES: readonly Role[] = ['admin', 'samordnare', 'rapportor'];

export const isFundManager = (actor: Actor) =>
  actor.role === 'admin' || (actor.role === 'samordnare' && actor.organisationKind === 'municipality');

export const canApply = (actor: Actor) =>
  APPLYING_ROLES.includes(actor.role) && APPLICANT_KINDS.includes(actor.organisationKind);

export const canBeReviewer = (user: { role: Role; organisationKind: OrganisationKind; active: boolean }) =>
  user.active &&
  REVIEWER_ROLES.includes(user.role) &&
  (user.role === 'admin' || user.organisationKind === 'municipality');

export interface ApplicationAccess {
  organisationId: string;
  status: string;
  reviewerIds: readonly string[];
}

export const isApplicantMember = (actor: Actor, app: { organisationId: string }) =>
  actor.organisationId === app.organisationId;

export function canSeeApplication(actor: Actor, app: ApplicationAccess): boolean {
  if (isApplicantMember(actor, app)) return true;
  if (app.status === 'draft') return false;
  return isFundManager(actor) || app.reviewerIds.includes(actor.userId);
}

/** Reviews (scores, reasons) are internal to the fund until the decision; the applicant sees the decision. */
export const canSeeReviews = (actor: Actor, app: ApplicationAccess) =>
  isFundManager(actor) || app.reviewerIds.includes(actor.userId);

export const canEditApplication = (actor: Actor, app: { organisationId: string; status: string }) =>
  isApplicantMember(actor, app) && canApply(actor) && app.status === 'draft';

/** The same rule as `canSeeApplication`, as a SQL condition on the `fund_applications as fa` alias. */
export function visibleApplicationsCondition(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { fa: DB['fund_applications'] }, 'fa'>) => {
    const own = eb('fa.organisation_id', '=', actor.organisationId);
    if (isFundManager(actor)) return eb.or([own, eb('fa.status', '!=', 'draft')]);
    return eb.or([
      own,
      eb.and([
        eb('fa.status', '!=', 'draft'),
        eb.exists(
          eb
            .selectFrom('fund_reviews as fr')
            .select('fr.id')
            .whereRef('fr.application_id', '=', 'fa.id')
            .where('fr.reviewer_id', '=', actor.userId),
        ),
      ]),
    ]);
  };
}
