import { REVIEW_CRITERIA, SCORE_MAX, SCORE_MIN } from '../../../contracts/fund-workflow.ts';
import type { ApplicationStatus } from './fund.tables.ts';

/**
 * The application's life, after Consul's participatory budgets (phases, valuators, feasibility
 * with a mandatory reason) applied to a municipal fund:
 *
 *   draft -> submitted -> in-review -> reviewed -> granted | rejected
 *
 * A draft is the only editable state; from `submitted` on the application is frozen. A decision
 * needs a completed review (`reviewed`). Assigning a further reviewer to a reviewed application
 * moves it back to `in-review` until that review is done too.
 */
const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted'],
  submitted: ['in-review'],
  'in-review': ['in-review', 'reviewed'],
  reviewed: ['in-review', 'granted', 'rejected'],
  granted: [],
  rejected: [],
};

export const canMoveApplication = (from: ApplicationStatus, to: ApplicationStatus) => TRANSITIONS[from].includes(to);
export const isEditable = (status: ApplicationStatus) => status === 'draft';

export interface ReviewDraft {
  scores: Partial<Record<string, number>>;
  feasible: boolean | null;
  reason: string | null;
  recommendedOre: number | null;
}

export type ReviewProblem =
  | { field: `scores.${string}`; code: 'MISSING_SCORE' | 'INVALID_SCORE' | 'UNKNOWN_CRITERION' }
  | { field: 'feasible'; code: 'MISSING_FEASIBILITY' }
  | { field: 'reason'; code: 'REASON_REQUIRED' }
  | { field: 'recommendedOre'; code: 'MISSING_RECOMMENDATION' | 'RECOMMENDATION_TOO_HIGH' | 'RECOMMENDATION_NOT_ZERO' };

/**
 * What keeps a review from being complete: every criterion scored within range, feasibility
 * stated, a reason when not feasible, and a recommended amount (0 when not feasible, at most
 * the amount requested). An empty list means the review may be marked complete.
 */
export function reviewProblems(review: ReviewDraft, requestedOre: number): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  for (const key of Object.keys(review.scores)) {
    if (!(REVIEW_CRITERIA as readonly string[]).includes(key))
      problems.push({ field: `scores.${key}`, code: 'UNKNOWN_CRITERION' });
  }
  for (const criterion of REVIEW_CRITERIA) {
    const score = review.scores[criterion];
    if (score === undefined) problems.push({ field: `scores.${criterion}`, code: 'MISSING_SCORE' });
    else if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX)
      problems.push({ field: `scores.${criterion}`, code: 'INVALID_SCORE' });
  }
  if (review.feasible === null) problems.push({ field: 'feasible', code: 'MISSING_FEASIBILITY' });
  if (review.feasible === false && !review.reason?.trim()) problems.push({ field: 'reason', code: 'REASON_REQUIRED' });
  if (review.recommendedOre === null) problems.push({ field: 'recommendedOre', code: 'MISSING_RECOMMENDATION' });
  else if (review.feasible === false && review.recommendedOre !== 0)
    problems.push({ field: 'recommendedOre', code: 'RECOMMENDATION_NOT_ZERO' });
  else if (review.recommendedOre > requestedOre)
    problems.push({ field: 'recommendedOre', code: 'RECOMMENDATION_TOO_HIGH' });
  return problems;
}

/** An application's review is complete when it has at least one reviewer and every review is done. */
export function reviewComplete(reviews: readonly { completedAt: Date | string | null }[]): boolean {
  return reviews.length > 0 && reviews.every((r) => r.completedAt !== null);
}

/** A follow-up is overdue once its due date has passed (in Swedish local dates) without a report. */
export function isOverdue(followUp: { dueOn: string; reportedAt: Date | string | null }, today: string): boolean {
  return followUp.reportedAt === null && followUp.dueOn < today;
}

export interface SubmissionCandidate {
  title: string;
  purpose: string;
  focusAreaCount: number;
  periodStart: string | null;
  periodEnd: string | null;
  costItemCount: number;
  requestedOre: number;
  expectedEffect: string;
  indicatorCount: number;
}

/** What a draft lacks before it can be submitted (and frozen); empty when it is complete. */
export function submissionProblems(a: SubmissionCandidate): { field: string; code: string }[] {
  const problems: { field: string; code: string }[] = [];
  if (!a.purpose.trim()) problems.push({ field: 'purpose', code: 'REQUIRED' });
  if (a.focusAreaCount === 0) problems.push({ field: 'focusAreaCodes', code: 'REQUIRED' });
  if (!a.periodStart) problems.push({ field: 'periodStart', code: 'REQUIRED' });
  if (!a.periodEnd) problems.push({ field: 'periodEnd', code: 'REQUIRED' });
  if (a.costItemCount === 0 || a.requestedOre <= 0) problems.push({ field: 'costItems', code: 'REQUIRED' });
  if (!a.expectedEffect.trim()) problems.push({ field: 'expectedEffect', code: 'REQUIRED' });
  if (a.indicatorCount === 0) problems.push({ field: 'indicators', code: 'REQUIRED' });
  return problems;
}
