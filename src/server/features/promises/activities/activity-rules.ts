import type { ActivityLog } from '../../../../contracts/promises.ts';

export interface ActivityProblem {
  field: string;
  code: string;
  message: string;
}

export interface ActivityTarget {
  kind: string;
  periodStart: string;
  periodEnd: string;
  /** The commitment's places; empty when it may be done anywhere. */
  places: { id: string; code: string; from: string | null; to: string | null }[];
}

/**
 * Checks one logged activity against its commitment, the same for the form and each CSV row:
 * dated inside the period and not in the future, at one of the commitment's places (required
 * for weekly targets, where the place is what is counted). Personal data in the notes is the
 * platform rule's business (the request guard for the form, the import for each CSV row).
 */
export function checkActivity(
  input: ActivityLog,
  target: ActivityTarget,
  context: { today: string; placeIdByCode: ReadonlyMap<string, string> },
): { problems: ActivityProblem[]; placeId: string | null } {
  const problems: ActivityProblem[] = [];
  if (input.occurredOn > context.today)
    problems.push({ field: 'occurredOn', code: 'IN_FUTURE', message: 'must not be in the future' });
  if (input.occurredOn < target.periodStart || input.occurredOn > target.periodEnd) {
    problems.push({
      field: 'occurredOn',
      code: 'OUTSIDE_PERIOD',
      message: `must lie within ${target.periodStart}..${target.periodEnd}`,
    });
  }
  let placeId: string | null = null;
  if (input.placeCode) {
    const own = target.places.find((p) => p.code === input.placeCode);
    if (target.places.length > 0 && !own) {
      problems.push({
        field: 'placeCode',
        code: 'PLACE_NOT_IN_COMMITMENT',
        message: `must be one of ${target.places.map((p) => p.code).join(', ')}`,
      });
    } else if (own && ((own.from && input.occurredOn < own.from) || (own.to && input.occurredOn > own.to))) {
      problems.push({
        field: 'placeCode',
        code: 'PLACE_NOT_ACTIVE',
        message: 'the place was not part of the commitment on that date',
      });
    } else {
      placeId = own?.id ?? context.placeIdByCode.get(input.placeCode) ?? null;
      if (!placeId) problems.push({ field: 'placeCode', code: 'UNKNOWN_PLACE', message: 'unknown place' });
    }
  } else if (target.kind === 'recurring') {
    problems.push({ field: 'placeCode', code: 'PLACE_REQUIRED', message: 'a weekly target is counted per place' });
  }
  return { problems, placeId };
}
