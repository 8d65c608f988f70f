import { defineJob } from '../../platform/jobs/job.ts';
import type { SessionMaintenanceService } from './session-maintenance.service.ts';

/** The auth feature's background jobs. */
export function authJobs({ sessionMaintenance }: { sessionMaintenance: SessionMaintenanceService }) {
  return [
    defineJob({
      name: 'auth.purge-expired-sessions',
      schedule: '*/15 * * * *',
      async run() {
        return { purged: await sessionMaintenance.purgeExpired() };
      },
    }),
  ];
}
