import { weekRange, type WeekRange } from '../../contracts/iso-week.ts';
import { ValidationError } from './errors.ts';

/**
 * The range of an ISO week named in a request, with the error the API answers for a week that
 * does not exist (`2026-W53`): VALIDATION (400) with INVALID_WEEK at `path`.
 */
export function existingWeekRange(week: string, path = 'params.week'): WeekRange {
  try {
    return weekRange(week);
  } catch {
    throw new ValidationError('No such week', [{ path, message: 'no such ISO week', code: 'INVALID_WEEK' }]);
  }
}

/** The week itself when it exists; VALIDATION (INVALID_WEEK) otherwise. */
export function existingWeek(week: string, path = 'params.week'): string {
  existingWeekRange(week, path);
  return week;
}
