/** The fund's review criteria and their scores; pure, shared by the server (review checks) and the web app (review table). */

/** The criteria every reviewer scores, 1 (weak) to 5 (strong); the UI shows their Swedish text. */
export const REVIEW_CRITERIA = ['need', 'effect', 'cost', 'collaboration'] as const;
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number];
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** Mean of a criterion's scores over completed reviews, to one decimal; null when none. */
export function meanScore(
  reviews: readonly { completedAt: unknown; scores: Partial<Record<string, number>> }[],
  criterion: ReviewCriterion,
): number | null {
  const values = reviews
    .filter((r) => r.completedAt !== null)
    .map((r) => r.scores[criterion])
    .filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}
