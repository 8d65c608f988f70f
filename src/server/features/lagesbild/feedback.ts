import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ActionsService } from '../actions/actions.service.ts';
import type { ReportsService } from '../reports/reports.service.ts';
import type { FeedbackView } from '../../../contracts/lagesbild.ts';
import { versionsOfReports } from './lagesbild.repository.ts';

type FeedbackDeps = { db: Kysely<DB>; actions: ActionsService; reports: ReportsService };

/**
 * Feedback (återkoppling) on one report for anyone who may see it. Visibility is the reports
 * feature's own rule (its service answers NOT_FOUND), so feedback never reveals a hidden report.
 */
export async function feedbackFor(deps: FeedbackDeps, actor: Actor, reportId: string): Promise<FeedbackView> {
  await deps.reports.get(actor, reportId);
  const [feedback] = await feedbackForMany(deps, actor, [reportId]);
  return feedback!;
}

/**
 * Feedback on several reports at once (the reporter's list of her reports), in the order asked;
 * reports the actor may not see are left out, as the report list leaves them out. Three queries
 * whatever the number of reports.
 */
export async function feedbackForMany(
  deps: FeedbackDeps,
  actor: Actor,
  reportIds: readonly string[],
): Promise<FeedbackView[]> {
  const visible = await deps.reports.lookup(actor, { ids: reportIds, numbers: [] });
  if (visible.length === 0) return [];
  const ids = visible.map((r) => r.id);
  const [versions, actions] = await Promise.all([
    versionsOfReports(deps.db, ids),
    deps.actions.list(actor, { reportIds: ids }),
  ]);
  const byId = new Map(visible.map((r) => [r.id, r]));
  return reportIds.flatMap((reportId) => {
    const report = byId.get(reportId);
    if (!report) return [];
    const latestPerWeek = new Map<string, (typeof versions)[number]>();
    for (const v of versions) if (v.report_id === reportId) latestPerWeek.set(v.week, v);
    return [
      {
        reportId,
        status: report.status,
        reviewedAt: report.reviewedAt,
        reviewNote: report.reviewNote,
        pictures: [...latestPerWeek.values()].map((v) => ({
          week: v.week,
          version: v.version,
          publishedAt: v.published_at.toISOString(),
        })),
        actions: actions
          .filter((a) => a.reportIds.includes(reportId))
          .map((a) => ({
            id: a.id,
            number: a.number,
            title: a.title,
            status: a.status,
            dueOn: a.dueOn,
            overdue: a.overdue,
            organisationName: a.organisationName,
            outcomeNote: a.outcomeNote,
            decidedWeek: a.decidedWeek,
          })),
      },
    ];
  });
}
