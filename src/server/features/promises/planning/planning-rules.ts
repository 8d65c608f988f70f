/** One field-level problem, as answered in a 400's `details` (`path` like `body.periodEnd`). */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** Codes the request named that the database does not know (or no longer uses), as field problems. */
export function unknownCodes(
  asked: readonly string[] | undefined,
  found: readonly { code: string }[],
  path: string,
  code: string,
  what: string,
): FieldProblem[] {
  return (asked ?? [])
    .filter((c) => !found.some((f) => f.code === c))
    .map((c) => ({ path, message: `unknown ${what} ${c}`, code }));
}

/** The fields a PATCH body sent, without the absent ones, so they do not overwrite stored values. */
export function definedOf<T extends Record<string, unknown>>(input: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export interface Period {
  start: string;
  end: string;
}

/**
 * A period ends on or after its start. The problem is reported on the end date: that is the
 * field people correct, and the same field whichever of the two a change touched.
 */
export function periodOrderProblems(period: Period): FieldProblem[] {
  return period.end < period.start
    ? [
        {
          path: 'body.periodEnd',
          code: 'PERIOD_END_BEFORE_START',
          message: `must not be before the start ${period.start}`,
        },
      ]
    : [];
}

/** A plan's or commitment's period lies within its agreement's (calendar dates compare as text). */
export function withinProblems(inner: Period, outer: Period): FieldProblem[] {
  if (inner.start >= outer.start && inner.end <= outer.end) return [];
  const path = inner.start < outer.start ? 'body.periodStart' : 'body.periodEnd';
  return [
    { path, code: 'OUTSIDE_PERIOD', message: `must lie within the agreement period ${outer.start}..${outer.end}` },
  ];
}

export interface LoggedActivity {
  id: string;
  occurredOn: string;
  placeCode: string | null;
}

export interface CommitmentScope {
  kind: string;
  periodStart: string;
  periodEnd: string;
  places: { code: string; from: string | null; to: string | null }[];
}

/** Whether a scope still counts an activity: inside the period and, for weekly targets, at one of its places then. */
function covers(scope: CommitmentScope, a: LoggedActivity): 'yes' | 'outside-period' | 'outside-places' {
  if (a.occurredOn < scope.periodStart || a.occurredOn > scope.periodEnd) return 'outside-period';
  // Only weekly targets count per place; a count, per-term or deliverable target counts any place.
  if (scope.kind !== 'recurring' || a.placeCode === null) return 'yes';
  const place = scope.places.find((p) => p.code === a.placeCode);
  if (!place || (place.from && a.occurredOn < place.from) || (place.to && a.occurredOn > place.to))
    return 'outside-places';
  return 'yes';
}

/**
 * Live activities that a changed commitment would stop counting: those the old scope counted and
 * the new one leaves outside its period or, for a weekly target, outside its places.
 *
 * Such a change is refused, not trimmed (ACTIVITIES_OUTSIDE_PERIOD / ACTIVITIES_OUTSIDE_PLACES,
 * 409): progress is computed from every live activity, so an edit that left logged work outside
 * would silently lower the figures the public reads. The partnership either keeps the scope or
 * has the logging organisation withdraw those entries first (each withdrawal audited), which makes
 * the drop a decision someone took and can be seen.
 */
export function activitiesLeftOut(
  activities: readonly LoggedActivity[],
  before: CommitmentScope,
  after: CommitmentScope,
): { outsidePeriod: LoggedActivity[]; outsidePlaces: LoggedActivity[] } {
  const left = activities.filter((a) => covers(before, a) === 'yes').map((a) => ({ a, after: covers(after, a) }));
  return {
    outsidePeriod: left.filter((x) => x.after === 'outside-period').map((x) => x.a),
    outsidePlaces: left.filter((x) => x.after === 'outside-places').map((x) => x.a),
  };
}
