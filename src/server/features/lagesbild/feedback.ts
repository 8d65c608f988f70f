import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ActionsService } from '../actions/actions.service.ts';
import type { ReportsService } from '../reports/reports.service.ts';
import type { ActionView } from '../actions/actions.schemas.ts';
import { versionsOfReport } from './lagesbild.repository.ts';

export interface FeedbackView {
  reportId: string;
  status: string;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** Published pictures (latest version per week) that counted the report. */
  pictures: { week: string; version: number; publishedAt: string }[];
  actions: Pick<ActionView, 'id' | 'number' | 'title' | 'status' | 'dueOn' | 'overdue' | 'organisationName' | 'outcomeNote' | 'decidedWeek'>[];
}

/**
 * Feedback (återkoppling) on one report for anyone who may see it. Visibility is the reports
 * feature's own rule (its service answers NOT_FOUND), so feedback never reveals a hidden report.
 */
export async function feedbackFor(
  deps: { db: Kysely<DB>; actions: ActionsService; reports: ReportsService },
  actor: Actor,
  reportId: string,
): Promise<FeedbackView> {
  const report = await deps.reports.get(actor, reportId);
  const [versions, actions] = await Promise.all([versionsOfReport(deps.db, reportId), deps.actions.list(actor, { reportId })]);
  const latestPerWeek = new Map<string, (typeof versions)[number]>();
  for (const v of versions) latestPerWeek.set(v.week, v);
  return {
    reportId,
    status: report.status,
    reviewedAt: report.reviewedAt,
    reviewNote: report.reviewNote,
    pictures: [...latestPerWeek.values()].map((v) => ({ week: v.week, version: v.version, publishedAt: v.published_at.toISOString() })),
    actions: actions.map((a) => ({
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
  };
}
