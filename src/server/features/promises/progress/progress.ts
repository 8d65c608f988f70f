import {
  daysInclusive,
  localDate,
  maxDate,
  minDate,
  termsInSpan,
  weekDates,
  weekOfDate,
  weeksInSpan,
} from './calendar.ts';
import type { PlaceWeeks, Progress, TargetKind, Verdict } from '../../../../contracts/promises-progress.ts';

/**
 * `count` means: the total for `count`; activities needed per week and place for `recurring`;
 * per term for `per-term`; ignored (always one) for `deliverable`.
 */
export interface Target {
  kind: TargetKind;
  count: number;
}

export interface CommitmentSpec {
  target: Target;
  periodStart: string;
  periodEnd: string;
  /** Places a recurring target is owed at; `from`/`to` bound a place added or dropped mid-period. */
  places: { code: string; from: string | null; to: string | null }[];
}

export interface ActivityFact {
  occurredOn: string;
  placeCode: string | null;
  /** When it was logged: an activity logged after a snapshot's `knownAt` is not in that snapshot. */
  loggedAt: Date;
  evidence?: string | null;
}

/**
 * Thresholds, in one place so the public explanation and the code agree:
 * - a count target is on track when at least the steady-pace share is done (expected = floor(target x
 *   share of the period elapsed)); at risk when it is behind that pace but the rest can still be
 *   reached at no more than CATCH_UP_PACE times the planned pace; behind otherwise;
 * - a weekly target is judged by its weakest place (the promise names every place): share of elapsed
 *   weeks with an activity >= WEEKLY_ON_TRACK is on track, >= WEEKLY_AT_RISK at risk, else behind;
 * - a per-term target is behind as soon as a finished term fell short (that term cannot be made up),
 *   otherwise on track when the running term is at its steady pace (floor, as for counts) and not in its
 *   last TERM_AT_RISK_SHARE still short of the target; at risk otherwise;
 * - a deliverable is at risk in the last DELIVERABLE_AT_RISK_SHARE of its period without delivery;
 * - once the period has ended, anything short of the target is behind.
 */
export const CATCH_UP_PACE = 1.5;
export const WEEKLY_ON_TRACK = 0.9;
export const WEEKLY_AT_RISK = 0.75;
export const DELIVERABLE_AT_RISK_SHARE = 0.75;
export const TERM_AT_RISK_SHARE = 0.75;

/** Progress of a commitment as of an instant, computed only from logged activities. */
export function computeProgress(
  spec: CommitmentSpec,
  activities: readonly ActivityFact[],
  options: { asOf: Date; knownAt?: Date },
): Progress {
  const today = localDate(options.asOf);
  const relevant = activities.filter(
    (a) =>
      a.occurredOn >= spec.periodStart &&
      a.occurredOn <= spec.periodEnd &&
      a.occurredOn <= today &&
      (!options.knownAt || a.loggedAt <= options.knownAt),
  );
  switch (spec.target.kind) {
    case 'count':
      return countProgress(spec, relevant, today);
    case 'recurring':
      return recurringProgress(spec, relevant, today);
    case 'per-term':
      return perTermProgress(spec, relevant, today);
    case 'deliverable':
      return deliverableProgress(spec, relevant, today);
  }
}

/** Share of [from, to] elapsed up to and including `today`, 0..1. */
function elapsedShare(from: string, to: string, today: string): number {
  const total = daysInclusive(from, to);
  return total === 0 ? 1 : Math.min(1, daysInclusive(from, minDate(today, to)) / total);
}

function countProgress(spec: CommitmentSpec, activities: readonly ActivityFact[], today: string): Progress {
  const target = spec.target.count;
  const done = activities.length;
  const share = elapsedShare(spec.periodStart, spec.periodEnd, today);
  const expectedByNow = today < spec.periodStart ? 0 : Math.floor(target * share);
  const base = { done, target, expectedByNow, asOf: today, detail: { kind: 'count' } as const };
  if (done >= target) return { ...base, status: 'done' };
  if (today < spec.periodStart) return { ...base, status: 'not-started' };
  if (today > spec.periodEnd) return { ...base, status: 'behind' };
  if (done >= expectedByNow) return { ...base, status: 'on-track' };
  const remainingShare = 1 - share;
  const requiredPace = (target - done) / (target * remainingShare);
  return { ...base, status: requiredPace <= CATCH_UP_PACE ? 'at-risk' : 'behind' };
}

function recurringProgress(spec: CommitmentSpec, activities: readonly ActivityFact[], today: string): Progress {
  const perWeek = Math.max(1, spec.target.count);
  const currentWeek = weekOfDate(today);
  const places: PlaceWeeks[] = spec.places.map((place) => {
    const from = maxDate(spec.periodStart, place.from ?? spec.periodStart);
    const to = minDate(spec.periodEnd, place.to ?? spec.periodEnd);
    const weeks = weeksInSpan(from, to);
    const perWeekCount = new Map<string, number>();
    for (const a of activities) {
      if (a.placeCode !== place.code) continue;
      const week = weekOfDate(a.occurredOn);
      perWeekCount.set(week, (perWeekCount.get(week) ?? 0) + 1);
    }
    const met = (week: string) => (perWeekCount.get(week) ?? 0) >= perWeek;
    // A week is due once it has ended; the running week counts early only when already met.
    const completed = weeks.filter((w) => weekDates(w).sunday < today);
    const current = weeks.includes(currentWeek) && weekDates(currentWeek).sunday >= today && met(currentWeek) ? 1 : 0;
    const missedWeeks = completed.filter((w) => !met(w));
    return {
      placeCode: place.code,
      weeksInPeriod: weeks.length,
      weeksElapsed: completed.length + current,
      weeksWithActivity: completed.length - missedWeeks.length + current,
      missedWeeks,
    };
  });
  const done = sum(places.map((p) => p.weeksWithActivity));
  const target = sum(places.map((p) => p.weeksInPeriod));
  const expectedByNow = sum(places.map((p) => p.weeksElapsed));
  const base = { done, target, expectedByNow, asOf: today, detail: { kind: 'recurring', places } as const };
  if (target > 0 && done >= target) return { ...base, status: 'done' };
  if (today < spec.periodStart) return { ...base, status: 'not-started' };
  if (today > spec.periodEnd) return { ...base, status: 'behind' };
  const coverages = places.filter((p) => p.weeksElapsed > 0).map((p) => p.weeksWithActivity / p.weeksElapsed);
  const weakest = coverages.length === 0 ? 1 : Math.min(...coverages);
  const status = weakest >= WEEKLY_ON_TRACK ? 'on-track' : weakest >= WEEKLY_AT_RISK ? 'at-risk' : 'behind';
  return { ...base, status };
}

function perTermProgress(spec: CommitmentSpec, activities: readonly ActivityFact[], today: string): Progress {
  const perTerm = spec.target.count;
  const terms = termsInSpan(spec.periodStart, spec.periodEnd).map((t) => {
    const count = activities.filter((a) => a.occurredOn >= t.from && a.occurredOn <= t.to).length;
    const expected =
      t.to < today ? perTerm : t.from > today ? 0 : Math.floor(perTerm * elapsedShare(t.from, t.to, today));
    return { ...t, count, expected };
  });
  // Extra meetings in one term do not make up for a term without: cap each term at its target.
  const done = sum(terms.map((t) => Math.min(t.count, perTerm)));
  const target = perTerm * terms.length;
  const expectedByNow = sum(terms.map((t) => t.expected));
  const detail = {
    kind: 'per-term' as const,
    terms: terms.map((t) => ({ term: t.term, done: t.count, target: perTerm })),
  };
  const base = { done, target, expectedByNow, asOf: today, detail };
  if (done >= target) return { ...base, status: 'done' };
  if (today < spec.periodStart) return { ...base, status: 'not-started' };
  if (terms.some((t) => t.to < today && t.count < perTerm)) return { ...base, status: 'behind' };
  const running = terms.find((t) => t.from <= today && t.to >= today);
  const lateInTerm =
    running !== undefined &&
    elapsedShare(running.from, running.to, today) >= TERM_AT_RISK_SHARE &&
    running.count < perTerm;
  const status = !running || (running.count >= running.expected && !lateInTerm) ? 'on-track' : 'at-risk';
  return { ...base, status };
}

function deliverableProgress(spec: CommitmentSpec, activities: readonly ActivityFact[], today: string): Progress {
  const sorted = [...activities].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const first = sorted[0];
  const evidence = sorted.find((a) => a.evidence)?.evidence ?? null;
  const done = first ? 1 : 0;
  const detail = { kind: 'deliverable' as const, deliveredOn: first?.occurredOn ?? null, evidence };
  const base = { done, target: 1, expectedByNow: today > spec.periodEnd ? 1 : 0, asOf: today, detail };
  if (done) return { ...base, status: 'done' };
  if (today < spec.periodStart) return { ...base, status: 'not-started' };
  if (today > spec.periodEnd) return { ...base, status: 'behind' };
  return {
    ...base,
    status: elapsedShare(spec.periodStart, spec.periodEnd, today) >= DELIVERABLE_AT_RISK_SHARE ? 'at-risk' : 'on-track',
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The end-of-year verdict from the numbers: kept when the target was reached, partly kept when
 * at least half of it was (PARTLY_KEPT_SHARE), not kept otherwise.
 */
export const PARTLY_KEPT_SHARE = 0.5;
export function verdictOf(progress: Pick<Progress, 'done' | 'target'>): Verdict {
  if (progress.target > 0 && progress.done >= progress.target) return 'kept';
  if (progress.target > 0 && progress.done >= progress.target * PARTLY_KEPT_SHARE) return 'partly-kept';
  return 'not-kept';
}
