import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ConflictError, ForbiddenError, UnprocessableError, ValidationError } from '../../platform/errors.ts';
import type {
  ApplicationView,
  Decision,
  FollowUpReport,
  NotificationView,
  Payment,
  ReviewerCandidate,
  ReviewSave,
} from '../../../contracts/fund.ts';
import { formatOre } from '../../../contracts/fund-money.ts';
import { canApply, canBeReviewer, isApplicantMember, isFundManager } from './fund.policy.ts';
import * as potsRepo from './fund-pots.repository.ts';
import * as repo from './fund.repository.ts';
import type { FundApplicationsService } from './fund-applications.service.ts';
import { loadApplicationView } from './fund.views.ts';
import { canMoveApplication, reviewComplete, reviewProblems } from './fund.workflow.ts';

export interface FundDecisionsServiceDeps {
  db: Kysely<DB>;
  clock: () => Date;
  applications: FundApplicationsService;
}

/** Review, decision, payment and follow-up of submitted applications. */
export function createFundDecisionsService({ db, clock, applications }: FundDecisionsServiceDeps) {
  const view = async (actor: Actor, id: string): Promise<ApplicationView> =>
    loadApplicationView(db, actor, (await repo.findApplicationById(db, id))!, clock());

  /** After a review changes: reviewed when every assigned review is complete, in-review otherwise. */
  async function settleReviewStatus(trx: Kysely<DB>, id: string) {
    const reviews = await repo.listReviews(trx, id);
    if (reviewComplete(reviews.map((r) => ({ completedAt: r.completed_at }))))
      await repo.moveStatus(trx, id, ['in-review'], 'reviewed', clock());
    else await repo.moveStatus(trx, id, ['submitted', 'reviewed'], 'in-review', clock());
  }

  return {
    /** Officials a fund manager may assign as reviewers. Throws FORBIDDEN. */
    async reviewerCandidates(actor: Actor): Promise<ReviewerCandidate[]> {
      if (!isFundManager(actor)) throw new ForbiddenError('Only the fund managers assign reviewers');
      return (await repo.listReviewerCandidates(db)).map((u) => ({
        id: u.id,
        name: u.name,
        organisationName: u.organisation_name,
      }));
    },

    /** Assigns a reviewer to a submitted application. Throws FORBIDDEN, NOT_FOUND, INVALID_REVIEWER (422), INVALID_STATUS_TRANSITION (409). */
    async assignReviewer(actor: Actor, id: string, reviewerId: string): Promise<ApplicationView> {
      if (!isFundManager(actor)) throw new ForbiddenError('Only the fund managers assign reviewers');
      await applications.visibleOr404(actor, id);
      const reviewer = await repo.findUserForReview(db, reviewerId);
      if (
        !reviewer ||
        !canBeReviewer({ role: reviewer.role, organisationKind: reviewer.organisation_kind, active: reviewer.active })
      ) {
        throw new UnprocessableError('INVALID_REVIEWER', 'Reviewers are active officials of the municipality');
      }
      await db.transaction().execute(async (trx) => {
        const app = await repo.lockApplication(trx, id);
        if (!canMoveApplication(app.status, 'in-review'))
          throw new ConflictError(
            'INVALID_STATUS_TRANSITION',
            `A ${app.status} application cannot be assigned reviewers`,
          );
        if (
          await repo.insertReview(trx, {
            application_id: id,
            reviewer_id: reviewerId,
            assigned_by: actor.userId,
            assigned_at: clock(),
            scores: '{}',
          })
        ) {
          await settleReviewStatus(trx, id);
          await recordAudit(trx, actor, {
            action: 'fund.review.assign',
            entityType: 'fund_application',
            entityId: id,
            summary: { after: { reviewerId } },
          });
        }
      });
      return view(actor, id);
    },

    /**
     * The assigned reviewer saves her review; with `complete` it must be whole (scores, feasibility,
     * reason when not feasible, recommendation). Throws NOT_FOUND, FORBIDDEN (not assigned),
     * APPLICATION_DECIDED (409), REVIEW_INCOMPLETE (422).
     */
    async saveReview(actor: Actor, id: string, input: ReviewSave): Promise<ApplicationView> {
      const app = await applications.visibleOr404(actor, id);
      const mine = (await repo.listReviews(db, id)).find((r) => r.reviewer_id === actor.userId);
      if (!mine) throw new ForbiddenError('Only an assigned reviewer reviews the application');
      if (input.complete) {
        const problems = reviewProblems(input, app.requested_ore);
        if (problems.length)
          throw new UnprocessableError('REVIEW_INCOMPLETE', 'The review lacks required parts', { problems });
      }
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockApplication(trx, id);
        if (locked.status !== 'in-review' && locked.status !== 'reviewed')
          throw new ConflictError('APPLICATION_DECIDED', 'The application is no longer under review');
        await repo.updateReview(trx, id, actor.userId, {
          scores: JSON.stringify(input.scores),
          feasible: input.feasible,
          reason: input.reason,
          recommended_ore: input.recommendedOre,
          completed_at: input.complete ? clock() : null,
        });
        await settleReviewStatus(trx, id);
        await recordAudit(trx, actor, {
          action: 'fund.review.save',
          entityType: 'fund_application',
          entityId: id,
          summary: {
            after: { feasible: input.feasible, recommendedOre: input.recommendedOre, complete: input.complete },
          },
        });
      });
      return view(actor, id);
    },

    /**
     * Records the decision. A grant takes its amount from the pot atomically: when the pot has
     * less left, nothing is granted (POT_EXCEEDED, 409), also when decisions race. Throws
     * FORBIDDEN, NOT_FOUND, REVIEW_NOT_COMPLETE (409), POT_EXCEEDED (409), VALIDATION.
     */
    async decide(actor: Actor, id: string, input: Decision): Promise<ApplicationView> {
      if (!isFundManager(actor)) throw new ForbiddenError('Only the fund managers record decisions');
      await applications.visibleOr404(actor, id);
      const pot = input.outcome === 'granted' ? await potsRepo.findPotById(db, input.potId) : undefined;
      if (input.outcome === 'granted' && input.followUpDates.some((d) => d < input.decidedOn)) {
        throw new ValidationError('Follow-ups come after the decision', [
          { path: 'body.followUpDates', message: 'must not be before decidedOn', code: 'FOLLOW_UP_BEFORE_DECISION' },
        ]);
      }
      if (input.outcome === 'granted' && !pot)
        throw new ValidationError('Unknown pot', [{ path: 'body.potId', message: 'unknown pot', code: 'UNKNOWN_POT' }]);
      await db.transaction().execute(async (trx) => {
        const app = await repo.lockApplication(trx, id);
        const reviews = await repo.listReviews(trx, id);
        if (
          !canMoveApplication(app.status, input.outcome) ||
          !reviewComplete(reviews.map((r) => ({ completedAt: r.completed_at })))
        ) {
          throw new ConflictError('REVIEW_NOT_COMPLETE', 'A decision needs a completed review', { status: app.status });
        }
        if (input.outcome === 'granted') {
          if (pot!.year !== app.year)
            throw new ValidationError('The pot belongs to another year', [
              { path: 'body.potId', message: `pot is for ${pot!.year}`, code: 'POT_WRONG_YEAR' },
            ]);
          if (input.grantedOre > app.requested_ore)
            throw new ValidationError('More than requested', [
              {
                path: 'body.grantedOre',
                message: 'must not exceed the amount requested',
                code: 'GRANT_EXCEEDS_REQUEST',
              },
            ]);
          const granted = await potsRepo.takeFromPot(trx, input.potId, input.grantedOre);
          if (granted === undefined) {
            const now = await potsRepo.findPotById(trx, input.potId);
            throw new ConflictError('POT_EXCEEDED', 'The pot does not have that much left', {
              remainingOre: now ? now.amount_ore - now.granted_ore : 0,
            });
          }
        }
        await repo.moveStatus(trx, id, ['reviewed'], input.outcome, clock());
        await repo.insertDecision(trx, {
          application_id: id,
          outcome: input.outcome,
          pot_id: input.outcome === 'granted' ? input.potId : null,
          granted_ore: input.outcome === 'granted' ? input.grantedOre : 0,
          decided_on: input.decidedOn,
          deciding_body: input.decidingBody,
          reference_number: input.referenceNumber,
          reason: input.outcome === 'rejected' ? input.reason : null,
          decided_by: actor.userId,
        });
        if (input.outcome === 'granted') await repo.insertFollowUps(trx, id, input.followUpDates);
        const message =
          input.outcome === 'granted'
            ? `Ansökan ”${app.title}” har beviljats ${formatOre(input.grantedOre)} (${input.decidingBody}, ${input.referenceNumber}).`
            : `Ansökan ”${app.title}” har avslagits (${input.decidingBody}, ${input.referenceNumber}): ${input.reason}`;
        await repo.insertNotification(trx, {
          organisation_id: app.organisation_id,
          application_id: id,
          kind: `decision.${input.outcome}`,
          message,
        });
        await recordAudit(trx, actor, {
          action: `fund.decision.${input.outcome}`,
          entityType: 'fund_application',
          entityId: id,
          summary: {
            after: {
              outcome: input.outcome,
              grantedOre: input.outcome === 'granted' ? input.grantedOre : 0,
              potId: input.outcome === 'granted' ? input.potId : null,
              referenceNumber: input.referenceNumber,
            },
          },
        });
      });
      return view(actor, id);
    },

    /** A payment out of a grant. Throws FORBIDDEN, NOT_FOUND, NOT_GRANTED (409), PAYMENT_EXCEEDS_GRANT (409). */
    async pay(actor: Actor, id: string, input: Payment): Promise<ApplicationView> {
      if (!isFundManager(actor)) throw new ForbiddenError('Only the fund managers record payments');
      await applications.visibleOr404(actor, id);
      await db.transaction().execute(async (trx) => {
        const app = await repo.lockApplication(trx, id);
        const decision = await repo.findDecision(trx, id);
        if (app.status !== 'granted' || !decision?.pot_id)
          throw new ConflictError('NOT_GRANTED', 'Only granted applications are paid');
        if (app.paid_ore + input.amountOre > decision.granted_ore) {
          throw new ConflictError('PAYMENT_EXCEEDS_GRANT', 'The payment exceeds what is left of the grant', {
            remainingOre: decision.granted_ore - app.paid_ore,
          });
        }
        await repo.insertPayment(trx, {
          application_id: id,
          amount_ore: input.amountOre,
          paid_on: input.paidOn,
          recorded_by: actor.userId,
        });
        await potsRepo.addPaidToPot(trx, decision.pot_id, input.amountOre);
        await recordAudit(trx, actor, {
          action: 'fund.payment',
          entityType: 'fund_application',
          entityId: id,
          summary: { after: { amountOre: input.amountOre, paidOn: input.paidOn } },
        });
      });
      return view(actor, id);
    },

    /** The granted project reports money spent and indicators. Throws NOT_FOUND, FORBIDDEN, PERSONAL_DATA (422), FOLLOW_UP_ALREADY_REPORTED (409). */
    async reportFollowUp(
      actor: Actor,
      id: string,
      followUpId: string,
      input: FollowUpReport,
    ): Promise<ApplicationView> {
      const app = await applications.visibleOr404(actor, id);
      if (!isApplicantMember(actor, { organisationId: app.organisation_id }) || !canApply(actor))
        throw new ForbiddenError('The granted organisation reports its follow-ups');
      if (app.status !== 'granted')
        throw new ConflictError('NOT_GRANTED', 'Only granted applications report follow-ups');
      await db.transaction().execute(async (trx) => {
        const done = await repo.reportFollowUp(trx, id, followUpId, {
          spent_ore: input.spentOre,
          indicator_results: JSON.stringify(input.indicatorResults),
          comment: input.comment,
          reported_at: clock(),
          reported_by: actor.userId,
        });
        if (!done)
          throw new ConflictError(
            'FOLLOW_UP_ALREADY_REPORTED',
            'This follow-up has already been reported, or does not exist',
          );
        await recordAudit(trx, actor, {
          action: 'fund.follow_up.report',
          entityType: 'fund_application',
          entityId: id,
          summary: { after: { followUpId, spentOre: input.spentOre } },
        });
      });
      return view(actor, id);
    },

    /** Notifications to the actor's organisation about its applications, newest first. */
    async notifications(actor: Actor): Promise<NotificationView[]> {
      return (await repo.listNotifications(db, actor.organisationId)).map((n) => ({
        id: n.id,
        applicationId: n.application_id,
        kind: n.kind,
        message: n.message,
        createdAt: n.created_at.toISOString(),
        read: n.read_at !== null,
      }));
    },
  };
}

export type FundDecisionsService = ReturnType<typeof createFundDecisionsService>;
