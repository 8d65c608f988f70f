import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { isCoordinator, isPolice } from '../../platform/access.ts';
import type { ReportStatus, ReportVisibility } from './reports.tables.ts';

/**
 * Who sees which report:
 * - coordinators (samordnare), admins and everyone in the police organisation see every report;
 * - everyone else sees reports shared with the whole partnership, and their own reports
 *   (also restricted or withdrawn ones). Restricted reports are for the police and coordinators.
 * Anything else answers 404.
 */
export function seesAllReports(actor: Actor): boolean {
  return isCoordinator(actor) || isPolice(actor);
}

export function canSeeReport(
  actor: Actor,
  report: { authorId: string; visibility: ReportVisibility; status: ReportStatus },
): boolean {
  if (seesAllReports(actor) || report.authorId === actor.userId) return true;
  return report.visibility === 'partnership' && report.status !== 'withdrawn';
}

/** The same rule as `canSeeReport`, as a SQL condition on the `reports as r` alias. */
export function visibleReportsCondition(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { r: DB['reports'] }, 'r'>) => {
    if (seesAllReports(actor)) return eb.lit(true);
    return eb.or([
      eb('r.author_id', '=', actor.userId),
      eb.and([eb('r.visibility', '=', 'partnership'), eb('r.status', '!=', 'withdrawn')]),
    ]);
  };
}

export const canFileReports = (actor: Actor) => actor.role !== 'lasare';

/** Authors correct or withdraw their own report until a coordinator has reviewed it. */
export const canCorrectReport = (actor: Actor, report: { authorId: string; status: ReportStatus }) =>
  report.authorId === actor.userId && report.status === 'new';

export const canReviewReports = (actor: Actor) => isCoordinator(actor);

const REVIEW_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  new: ['reviewed', 'closed'],
  reviewed: ['closed'],
  closed: ['reviewed'],
  withdrawn: [],
};

/** new -> reviewed -> closed; a closed report may be reopened to reviewed. */
export const canMoveReport = (from: ReportStatus, to: ReportStatus) => REVIEW_TRANSITIONS[from].includes(to);
