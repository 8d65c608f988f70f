/** Input schemas and view types of the weekly picture (lägesbild); pure zod and types, shared with the web app. */
import { z } from 'zod';
import { freeText, referenceCode } from './free-text.ts';
import { isoWeekSchema } from './common.ts';
import type { ActionView } from './actions.ts';

export const assessmentLevelSchema = z.enum(['green', 'yellow', 'red']);
export type AssessmentLevel = z.infer<typeof assessmentLevelSchema>;

export const weekParamsSchema = z.object({ week: isoWeekSchema });
export const versionParamsSchema = z.object({ week: isoWeekSchema, version: z.coerce.number().int().min(1) });
export const pictureQuerySchema = z.strictObject({
  /** Coordinators: the live draft even when the week has been published (to prepare a correction). */
  live: z.enum(['true', 'false']).optional(),
});

export const mapQuerySchema = z.strictObject({
  live: z.enum(['true', 'false']).optional(),
  /** The frozen points of one published version. */
  version: z.coerce.number().int().min(1).optional(),
});

export const assessmentInputSchema = z.strictObject({
  level: assessmentLevelSchema,
  comment: freeText(z.string().trim().max(2000)).default(''),
});
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;
export const assessmentParamsSchema = z.object({ week: isoWeekSchema, areaCode: referenceCode() });

export const summaryInputSchema = z.strictObject({ summary: freeText(z.string().trim().max(10_000)) });
export type SummaryInput = z.infer<typeof summaryInputSchema>;

export const publishInputSchema = z.strictObject({
  /** Required from version 2 on: why the published picture is corrected. */
  reason: freeText(z.string().trim().min(3).max(2000)).optional(),
});
export type PublishInput = z.infer<typeof publishInputSchema>;

export const historyQuerySchema = z.strictObject({
  from: isoWeekSchema.optional(),
  to: isoWeekSchema.optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export interface ChangeView {
  direction: 'up' | 'down' | 'none';
  /** Exact Poisson p of count against the 8-week baseline mean, two-sided. */
  p: number;
  /** Benjamini–Hochberg adjusted p within its table. */
  q: number;
  notable: boolean;
}

export interface WeekCount {
  week: string;
  count: number;
}

export interface AssessmentView {
  level: AssessmentLevel;
  comment: string;
  updatedAt: string;
}

export interface AreaFigureView {
  areaCode: string;
  name: string;
  count: number;
  previousCount: number;
  baselineMean: number;
  change: ChangeView;
  /** The 8 weeks ending with this one, oldest first. */
  series: WeekCount[];
  assessment: AssessmentView | null;
  openActions: number;
  overdueActions: number;
}

export interface CategoryFigureView {
  categoryCode: string;
  name: string;
  focusAreaCode: string;
  color: string;
  count: number;
  previousCount: number;
  baselineMean: number;
  change: ChangeView;
}

export interface CellView {
  areaCode: string;
  categoryCode: string;
  count: number;
  previousCount: number;
  baselineMean: number;
}

export interface RecurringPlaceView {
  lat: number;
  lon: number;
  count: number;
  areaCode: string;
  categoryCodes: string[];
  firstAt: string;
  lastAt: string;
  reportIds: string[];
}

export interface WeekReportView {
  id: string;
  number: number;
  lat: number;
  lon: number;
  areaCode: string;
  categoryCode: string;
  focusAreaCode: string;
  occurredAt: string;
}

export interface NotableChangeView {
  scope: 'area' | 'category';
  code: string;
  name: string;
  count: number;
  baselineMean: number;
  direction: 'up' | 'down';
  q: number;
}

export interface LagesbildView {
  week: string;
  from: string;
  to: string;
  total: number;
  previousTotal: number;
  baselineTotal: number;
  byArea: AreaFigureView[];
  byCategory: CategoryFigureView[];
  cells: CellView[];
  notableChanges: NotableChangeView[];
  /** How notable changes are decided, for the legend. */
  changeMethod: { test: 'poisson-exact'; correction: 'benjamini-hochberg'; alpha: number; minAbsoluteChange: number };
  recurringPlaces: RecurringPlaceView[];
  recurringPlacesWindow: { from: string; to: string; radiusMetres: number };
  newSinceLastMeeting: { since: string; count: number };
  summary: string;
  actions: {
    /** Decided in this week's meeting. */
    decided: ActionView[];
    /** Decided in the previous week's meeting, with what became of them. */
    followUp: ActionView[];
    /** Still open (planned or in progress), any week. */
    open: ActionView[];
  };
  status: 'draft' | 'published';
  /** The published version shown; for a draft, the number it gets when published. */
  version: number;
  publishedAt: string | null;
  publishedBy: string | null;
  reason: string | null;
  /** The audience whose visibility the figures reflect. */
  audience: 'full' | 'partnership' | 'personal';
  compiledAt: string;
}

/**
 * The week's reports as points for the map: a request of its own (`GET /api/lagesbild/:week/map`),
 * so the figures answer without carrying thousands of points. Capped; `reportsTruncated` says when.
 */
export interface WeekMapView {
  week: string;
  status: 'draft' | 'published';
  version: number;
  reports: WeekReportView[];
  reportsTruncated: boolean;
}

/** What a published version stores per audience: the picture and its map, frozen together. */
export type PictureSnapshot = LagesbildView & Pick<WeekMapView, 'reports' | 'reportsTruncated'>;

export interface VersionSummaryView {
  version: number;
  publishedAt: string;
  publishedBy: string;
  reason: string | null;
}

export interface HistoryView {
  weeks: string[];
  areas: { areaCode: string; name: string; levels: (AssessmentLevel | null)[] }[];
  published: { week: string; version: number; publishedAt: string }[];
}

/** What became of one report (återkoppling), for its author and anyone else who may see it. */
export interface FeedbackView {
  reportId: string;
  status: string;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** Published pictures (latest version per week) that counted the report. */
  pictures: { week: string; version: number; publishedAt: string }[];
  actions: Pick<
    ActionView,
    'id' | 'number' | 'title' | 'status' | 'dueOn' | 'overdue' | 'organisationName' | 'outcomeNote' | 'decidedWeek'
  >[];
}
