import { describe, expect, it } from 'vitest';
import { meanScore } from '../../../contracts/fund-workflow.ts';
import {
  canMoveApplication,
  isEditable,
  isOverdue,
  reviewComplete,
  reviewProblems,
  submissionProblems,
} from './fund.workflow.ts';

const full = { need: 4, effect: 3, cost: 5, collaboration: 2 };

describe('application workflow', () => {
  it('only drafts are editable; submission freezes', () => {
    expect(isEditable('draft')).toBe(true);
    for (const s of ['submitted', 'in-review', 'reviewed', 'granted', 'rejected'] as const)
      expect(isEditable(s)).toBe(false);
  });

  it('a decision needs a completed review', () => {
    expect(canMoveApplication('reviewed', 'granted')).toBe(true);
    expect(canMoveApplication('reviewed', 'rejected')).toBe(true);
    expect(canMoveApplication('submitted', 'granted')).toBe(false);
    expect(canMoveApplication('in-review', 'granted')).toBe(false);
    expect(canMoveApplication('draft', 'rejected')).toBe(false);
    expect(canMoveApplication('granted', 'rejected')).toBe(false);
    expect(canMoveApplication('draft', 'in-review')).toBe(false);
  });

  it('review completeness needs every assigned review done', () => {
    expect(reviewComplete([])).toBe(false);
    expect(reviewComplete([{ completedAt: new Date() }, { completedAt: null }])).toBe(false);
    expect(reviewComplete([{ completedAt: new Date() }, { completedAt: '2026-01-01' }])).toBe(true);
  });
});

describe('review problems', () => {
  it('accepts a complete feasible review', () => {
    expect(reviewProblems({ scores: full, feasible: true, reason: null, recommendedOre: 100 }, 100)).toEqual([]);
  });

  it('requires every criterion within 1-5 and knows no others', () => {
    const problems = reviewProblems(
      { scores: { need: 0, effect: 3.5, cost: 5, bribe: 5 }, feasible: true, reason: null, recommendedOre: 1 },
      10,
    );
    expect(problems).toEqual([
      { field: 'scores.bribe', code: 'UNKNOWN_CRITERION' },
      { field: 'scores.need', code: 'INVALID_SCORE' },
      { field: 'scores.effect', code: 'INVALID_SCORE' },
      { field: 'scores.collaboration', code: 'MISSING_SCORE' },
    ]);
  });

  it('not feasible needs a reason and a zero recommendation', () => {
    expect(reviewProblems({ scores: full, feasible: false, reason: '  ', recommendedOre: 5 }, 10)).toEqual([
      { field: 'reason', code: 'REASON_REQUIRED' },
      { field: 'recommendedOre', code: 'RECOMMENDATION_NOT_ZERO' },
    ]);
    expect(
      reviewProblems({ scores: full, feasible: false, reason: 'Marken ägs av staten', recommendedOre: 0 }, 10),
    ).toEqual([]);
  });

  it('needs feasibility and a recommendation within the request', () => {
    expect(reviewProblems({ scores: full, feasible: null, reason: null, recommendedOre: null }, 10)).toEqual([
      { field: 'feasible', code: 'MISSING_FEASIBILITY' },
      { field: 'recommendedOre', code: 'MISSING_RECOMMENDATION' },
    ]);
    expect(reviewProblems({ scores: full, feasible: true, reason: null, recommendedOre: 11 }, 10)).toEqual([
      { field: 'recommendedOre', code: 'RECOMMENDATION_TOO_HIGH' },
    ]);
  });
});

describe('scores and follow-ups', () => {
  it('averages completed reviews only', () => {
    const reviews = [
      { completedAt: new Date(), scores: { need: 4 } },
      { completedAt: new Date(), scores: { need: 3 } },
      { completedAt: null, scores: { need: 1 } },
    ];
    expect(meanScore(reviews, 'need')).toBe(3.5);
    expect(meanScore(reviews, 'cost')).toBeNull();
  });

  it('a follow-up is overdue the day after its due date, unless reported', () => {
    expect(isOverdue({ dueOn: '2026-11-17', reportedAt: null }, '2026-11-18')).toBe(true);
    expect(isOverdue({ dueOn: '2026-11-18', reportedAt: null }, '2026-11-18')).toBe(false);
    expect(isOverdue({ dueOn: '2026-11-17', reportedAt: new Date() }, '2026-11-18')).toBe(false);
  });
});

describe('submission completeness', () => {
  const complete = {
    title: 'Nattvandring',
    purpose: 'Vuxna på stan',
    focusAreaCount: 1,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    costItemCount: 2,
    requestedOre: 100,
    expectedEffect: 'Färre bränder',
    indicatorCount: 1,
  };
  it('accepts a complete application', () => {
    expect(submissionProblems(complete)).toEqual([]);
  });
  it('lists every missing part', () => {
    const problems = submissionProblems({
      ...complete,
      purpose: ' ',
      focusAreaCount: 0,
      periodEnd: null,
      requestedOre: 0,
      indicatorCount: 0,
    });
    expect(problems.map((p) => p.field)).toEqual(['purpose', 'focusAreaCodes', 'periodEnd', 'costItems', 'indicators']);
  });
});
