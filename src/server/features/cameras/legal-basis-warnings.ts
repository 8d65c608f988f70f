import type { CameraSiteStatus, CameraWarning } from '../../../contracts/cameras.ts';
import { addDays, daysBetween } from './camera-dates.ts';

/** The register warns this many days before a review date or a permit's last valid day. */
export const WARNING_DAYS = 90;

/**
 * Warnings for one site on `today` (YYYY-MM-DD): from 90 days before the review date (or the
 * permit's last valid day) onwards, and on every day after it until someone acts. A
 * decommissioned site needs no basis any more and never warns.
 */
export function legalBasisWarnings(
  site: { status: CameraSiteStatus },
  basis: { kind: 'imy-permit' | 'self-assessment'; reviewOn: string | null } | null,
  today: string,
): CameraWarning[] {
  if (!basis || basis.reviewOn === null || site.status === 'decommissioned') return [];
  const daysLeft = daysBetween(today, basis.reviewOn);
  if (daysLeft > WARNING_DAYS) return [];
  if (basis.kind === 'imy-permit') {
    return [{ kind: daysLeft < 0 ? 'permit-expired' : 'permit-expiring', dueOn: basis.reviewOn, daysLeft }];
  }
  return [{ kind: daysLeft < 0 ? 'review-overdue' : 'review-due', dueOn: basis.reviewOn, daysLeft }];
}

/** The first day a site with this review date shows a warning. */
export const warningStartsOn = (reviewOn: string) => addDays(reviewOn, -WARNING_DAYS);
