import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { ZONE } from '../../../contracts/iso-week.ts';
import type { ApplicationView } from '../../../contracts/fund.ts';
import { canApply, canEditApplication, canSeeReviews, isApplicantMember, isFundManager } from './fund.policy.ts';
import * as repo from './fund.repository.ts';
import { isOverdue, reviewComplete } from './fund.workflow.ts';

/** Today's date in Swedish local time, 'YYYY-MM-DD': due dates are Swedish calendar dates. */
export const swedishToday = (now: Date) => DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;

/** Everything about one application, shaped for the viewer (reviews only for the fund's roles). */
export async function loadApplicationView(
  db: Kysely<DB>,
  actor: Actor,
  row: repo.ApplicationRow,
  now: Date,
): Promise<ApplicationView> {
  const storedLinks = row.links as ApplicationView['links'];
  const reportRefs = storedLinks.filter((l) => l.kind === 'report').map((l) => l.ref);
  const [codes, reviews, decision, followUps, visibleReports] = await Promise.all([
    repo.findApplicationCodes(db, row.id),
    repo.listReviews(db, row.id),
    repo.findDecision(db, row.id),
    repo.listFollowUps(db, row.id),
    repo.visibleReportIds(db, actor, reportRefs),
  ]);
  const access = {
    organisationId: row.organisation_id,
    status: row.status,
    reviewerIds: reviews.map((r) => r.reviewer_id),
  };
  const today = swedishToday(now);
  const member = isApplicantMember(actor, access);
  const manager = isFundManager(actor);
  const myReview = reviews.find((r) => r.reviewer_id === actor.userId);
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    organisationCode: row.organisation_code,
    organisationName: row.organisation_name,
    title: row.title,
    purpose: row.purpose,
    preventionType: row.prevention_type,
    ...codes,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    requestedOre: row.requested_ore,
    costItems: row.cost_items,
    expectedEffect: row.expected_effect,
    indicators: row.indicators,
    // A linked report the viewer may not see is left out, not even its id is shown.
    links: storedLinks.filter((l) => l.kind !== 'report' || visibleReports.has(l.ref)),
    status: row.status,
    paidOre: row.paid_ore,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    reviews: canSeeReviews(actor, access)
      ? reviews.map((r) => ({
          id: r.id,
          reviewerId: r.reviewer_id,
          reviewerName: r.reviewer_name,
          scores: r.scores,
          feasible: r.feasible,
          reason: r.reason,
          recommendedOre: r.recommended_ore,
          completedAt: r.completed_at?.toISOString() ?? null,
          mine: r.reviewer_id === actor.userId,
        }))
      : [],
    decision: decision
      ? {
          outcome: decision.outcome,
          potId: decision.pot_id,
          potName: decision.pot_name,
          grantedOre: decision.granted_ore,
          decidedOn: decision.decided_on,
          decidingBody: decision.deciding_body,
          referenceNumber: decision.reference_number,
          reason: decision.reason,
        }
      : null,
    followUps: followUps.map((f) => ({
      id: f.id,
      dueOn: f.due_on,
      spentOre: f.spent_ore,
      indicatorResults: f.indicator_results,
      comment: f.comment,
      reportedAt: f.reported_at?.toISOString() ?? null,
      overdue: isOverdue({ dueOn: f.due_on, reportedAt: f.reported_at }, today),
    })),
    can: {
      edit: canEditApplication(actor, access),
      submit: canEditApplication(actor, access),
      assign: manager && ['submitted', 'in-review', 'reviewed'].includes(row.status),
      review: Boolean(myReview) && ['in-review', 'reviewed'].includes(row.status),
      decide:
        manager && row.status === 'reviewed' && reviewComplete(reviews.map((r) => ({ completedAt: r.completed_at }))),
      reportFollowUp: member && canApply(actor) && row.status === 'granted',
      pay: manager && row.status === 'granted',
    },
  };
}
