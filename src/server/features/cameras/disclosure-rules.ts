import type { CameraSiteStatus } from '../../../contracts/cameras.ts';
import { startOfSwedishDay } from './camera-dates.ts';

export type DisclosureProblem =
  'NEVER_INSTALLED' | 'NO_RETENTION' | 'BEFORE_INSTALLATION' | 'AFTER_DECOMMISSIONING' | 'BEYOND_RETENTION';

const DAY_MS = 86_400_000;

/**
 * Footage can only be released if the site recorded it and still kept it when it was released:
 * - the site was installed (an installed or decommissioned site with an installation date)
 *   and keeps recordings at all (retention > 0 days);
 * - the span lies after the installation day began and before the day after decommissioning;
 * - the span's start was still within the retention period at the time of release.
 * Returns the first problem, or null when the disclosure is possible.
 */
export function disclosureProblem(
  site: {
    status: CameraSiteStatus;
    installedOn: string | null;
    decommissionedOn: string | null;
    retentionDays: number | null;
  },
  disclosure: { recordingFrom: Date; recordingTo: Date; releasedAt: Date },
): DisclosureProblem | null {
  const everInstalled = (site.status === 'installed' || site.status === 'decommissioned') && site.installedOn !== null;
  if (!everInstalled) return 'NEVER_INSTALLED';
  if (!site.retentionDays) return 'NO_RETENTION';
  if (disclosure.recordingFrom < startOfSwedishDay(site.installedOn!)) return 'BEFORE_INSTALLATION';
  if (
    site.decommissionedOn &&
    disclosure.recordingTo > new Date(startOfSwedishDay(site.decommissionedOn).getTime() + DAY_MS)
  ) {
    return 'AFTER_DECOMMISSIONING';
  }
  if (disclosure.releasedAt.getTime() - disclosure.recordingFrom.getTime() > site.retentionDays * DAY_MS)
    return 'BEYOND_RETENTION';
  return null;
}
